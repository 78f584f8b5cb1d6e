import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAuditRecorder,
  loginAs,
  loginAsCandidate,
  type AuthHeaders,
} from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { smsMessage } from '../../platform/sms/sms.table';
import { findCandidateById } from '../candidates';
import { and, eq, sql } from 'drizzle-orm';
import { job as jobTable } from '../../platform/jobs/job.table';
import { maskName, maskPhone } from '../../platform/masking';
import type { SmsGateway } from '../../platform/sms';
import { noticeSmsDelivery } from './notice.table';

describe('notices (REG-03/04)', () => {
  let t: TestApp;
  let org: AuthHeaders;
  let candidateIds: string[];
  const audit = createAuditRecorder();

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    org = (await loginAs(t.app, 'org_admin')).headers;
    candidateIds = [
      (await loginAsCandidate(t.app)).candidateId,
      (await loginAsCandidate(t.app)).candidateId,
    ];
  });
  afterAll(() => t.close());

  const smsCount = async () => (await t.database.db.select().from(smsMessage)).length;
  const jobOf = async (id: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: org })).json();

  it('keeps a draft off the public site, publishes it and texts the candidates it names', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/notices',
      headers: org,
      payload: {
        kind: 'interview',
        title: '面试通知（第一批）',
        body: '请于3月20日8:00到场。',
        candidateIds,
      },
    });
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    expect((await t.app.inject({ method: 'GET', url: '/api/public/notices' })).json().total).toBe(
      0,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/public/notices/${id}` })).statusCode,
    ).toBe(404);
    const before = await smsCount();
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/admin/notices/${id}/publish`,
      headers: org,
    });
    // The request only queues the texts: nobody is texted until the job runs.
    expect(published.json().sms).toEqual({ jobId: expect.any(String), recipients: 2 });
    expect(await smsCount()).toBe(before);
    expect((await jobOf(published.json().sms.jobId)).status).toBe('queued');
    await t.app.kaolu.jobs.drain();
    expect(await smsCount()).toBe(before + 2);
    expect(await jobOf(published.json().sms.jobId)).toMatchObject({
      status: 'succeeded',
      progress: 100,
      result: { total: 2, sent: 2, refused: 0, refusals: [] },
    });
    const list = (await t.app.inject({ method: 'GET', url: '/api/public/notices' })).json();
    expect(list).toEqual({
      items: [{ id, title: '面试通知（第一批）', publishedAt: expect.any(String) }],
      total: 1,
    });
  });

  it('keeps every version and texts the named candidates again when a published notice changes', async () => {
    const id = (await t.app.inject({ method: 'GET', url: '/api/public/notices' })).json().items[0]
      .id;
    const before = await smsCount();
    const changed = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/notices/${id}`,
      headers: org,
      payload: {
        title: '面试通知（第一批）',
        body: '请于3月21日8:00到场。',
        candidateIds: [candidateIds[0]],
        changeNote: '时间顺延一天',
      },
    });
    // Both the candidate still named and the one taken off the notice are told.
    expect(changed.json()).toMatchObject({
      notice: { version: 2, candidateCount: 1 },
      sms: { jobId: expect.any(String), recipients: 2 },
    });
    await t.app.kaolu.jobs.drain();
    expect(await smsCount()).toBe(before + 2);
    expect((await jobOf(changed.json().sms.jobId)).result).toMatchObject({
      version: 2,
      sent: 2,
      refused: 0,
    });
    const versions = (
      await t.app.inject({ method: 'GET', url: `/api/admin/notices/${id}/versions`, headers: org })
    ).json().items;
    expect(versions.map((v: { version: number; body: string }) => [v.version, v.body])).toEqual([
      [2, '请于3月21日8:00到场。'],
      [1, '请于3月20日8:00到场。'],
    ]);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/public/notices/${id}` })).json(),
    ).toMatchObject({ version: 2, body: '请于3月21日8:00到场。', kind: 'interview' });
    expect(audit.entries.find((e) => e.action === 'notice.changed')?.details).toMatchObject({
      fromVersion: 1,
      toVersion: 2,
      changeNote: '时间顺延一天',
    });
  });

  it('sends no SMS for edits of a draft, and withdraws a published notice from the site', async () => {
    const id = (
      await t.app.inject({
        method: 'POST',
        url: '/api/admin/notices',
        headers: org,
        payload: { kind: 'recheck', title: '体检复检通知', body: '复检安排', candidateIds },
      })
    ).json().id;
    const before = await smsCount();
    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/notices/${id}`,
      headers: org,
      payload: { title: '体检复检通知', body: '复检安排（修订）', candidateIds },
    });
    expect(edit.json().sms).toEqual({ jobId: null, recipients: 0 });
    await t.app.kaolu.jobs.drain();
    expect(await smsCount()).toBe(before);
    await t.app.inject({ method: 'POST', url: `/api/admin/notices/${id}/publish`, headers: org });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/admin/notices/${id}/withdraw`,
          headers: org,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/public/notices/${id}` })).statusCode,
    ).toBe(404);
  });

  it('texts every named candidate from a job, recording a phone over its daily SMS limit without failing the rest', async () => {
    const ids = [
      (await loginAsCandidate(t.app)).candidateId,
      (await loginAsCandidate(t.app)).candidateId,
      (await loginAsCandidate(t.app)).candidateId,
    ];
    // The first candidate's phone has used up today's quota (REG-06: 5 a day).
    const row = await findCandidateById(t.database.db, ids[0]!);
    const phone = t.app.kaolu.crypto.decryptField(row!.phoneEnc, {
      table: 'candidate',
      column: 'phone',
      rowId: ids[0]!,
    });
    for (let i = 0; i < t.app.kaolu.config.sms.dailyLimit; i++)
      await t.app.kaolu.sms.send({ phone, purpose: 'test', content: '占用额度' });
    const id = (
      await t.app.inject({
        method: 'POST',
        url: '/api/admin/notices',
        headers: org,
        payload: {
          kind: 'interview',
          title: '面试通知（第二批）',
          body: '第二批安排',
          candidateIds: ids,
        },
      })
    ).json().id;
    await t.app.inject({ method: 'POST', url: `/api/admin/notices/${id}/publish`, headers: org });
    await t.app.kaolu.jobs.drain();
    const before = await smsCount();
    const changed = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/notices/${id}`,
      headers: org,
      payload: { title: '面试通知（第二批）', body: '第二批安排（改期）', candidateIds: ids },
    });
    expect(changed.json().sms).toEqual({ jobId: expect.any(String), recipients: 3 });
    await t.app.kaolu.jobs.drain();
    expect(await smsCount()).toBe(before + 2);
    const job = await jobOf(changed.json().sms.jobId);
    expect(job).toMatchObject({
      status: 'succeeded',
      result: { noticeId: id, total: 3, sent: 2, refused: 1 },
    });
    // Staff recognise the refused candidate by masked name and phone; nothing personal in clear.
    expect(job.result.refusals).toEqual([
      {
        candidateId: ids[0],
        nameMasked: maskName(row!.name),
        phoneMasked: maskPhone(phone),
        code: 'SMS.DAILY_LIMIT',
        reason: '该考生手机号今日短信已达上限',
      },
    ]);
    expect(job.result.refusals[0].phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(JSON.stringify(job)).not.toContain(phone);
    expect(job.message).toContain('未发送 1 条');
  });

  it('texts each candidate exactly once when the job dies half way and is retried', async () => {
    const people = await Promise.all(Array.from({ length: 5 }, () => loginAsCandidate(t.app)));
    const ids = people.map((p) => p.candidateId);
    const phones = new Map<string, string>();
    for (const id of ids) {
      const row = await findCandidateById(t.database.db, id);
      phones.set(
        id,
        t.app.kaolu.crypto.decryptField(row!.phoneEnc, {
          table: 'candidate',
          column: 'phone',
          rowId: id,
        }),
      );
    }
    const id = (
      await t.app.inject({
        method: 'POST',
        url: '/api/admin/notices',
        headers: org,
        payload: {
          kind: 'interview',
          title: '面试通知（断点续发）',
          body: '安排',
          candidateIds: ids,
        },
      })
    ).json().id;

    // Attempt 1 dies right after the gateway committed the 3rd text (the worst moment: texted, not yet
    // recorded); attempt 2 dies before the 4th text reaches the gateway; attempt 3 runs to the end.
    const gateway = t.app.kaolu.sms;
    const realSend = gateway.send;
    let calls = 0;
    gateway.send = async (input: Parameters<SmsGateway['send']>[0]) => {
      calls++;
      if (calls === 3) {
        await realSend(input);
        throw new Error('服务器进程中断');
      }
      if (calls === 4) throw new Error('数据库连接中断');
      return realSend(input);
    };
    const jobId: string = (
      await t.app.inject({ method: 'POST', url: `/api/admin/notices/${id}/publish`, headers: org })
    ).json().sms.jobId;
    const [queued] = await t.database.db.select().from(jobTable).where(eq(jobTable.id, jobId));
    expect(queued!.maxAttempts).toBe(5);
    try {
      const retryNow = () =>
        t.database.db
          .update(jobTable)
          .set({ runAt: sql`now()` })
          .where(eq(jobTable.id, jobId));
      await t.app.kaolu.jobs.drain();
      expect(await jobOf(jobId)).toMatchObject({
        status: 'queued',
        attempts: 1,
        error: '服务器进程中断',
      });
      await retryNow();
      await t.app.kaolu.jobs.drain();
      expect(await jobOf(jobId)).toMatchObject({
        status: 'queued',
        attempts: 2,
        error: '数据库连接中断',
      });
      await retryNow();
      await t.app.kaolu.jobs.drain();
      const done = await jobOf(jobId);
      expect(done).toMatchObject({
        status: 'succeeded',
        attempts: 3,
        result: { noticeId: id, version: 1, total: 5, sent: 5, refused: 0, refusals: [] },
      });
    } finally {
      gateway.send = realSend;
    }

    const content =
      '【上海公务员考录】您的面试通知「面试通知（断点续发）」已发布，请登录报名网站查看。';
    const messages = await t.database.db
      .select()
      .from(smsMessage)
      .where(eq(smsMessage.content, content));
    const perPhone = ids.map(
      (c) =>
        messages.filter(
          (m) => m.phoneBidx === t.app.kaolu.crypto.blindIndex('phone', phones.get(c)!),
        ).length,
    );
    expect(perPhone).toEqual([1, 1, 1, 1, 1]);
    const deliveries = await t.database.db
      .select()
      .from(noticeSmsDelivery)
      .where(and(eq(noticeSmsDelivery.noticeId, id), eq(noticeSmsDelivery.noticeVersion, 1)));
    expect(deliveries.map((d) => d.outcome)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    expect(new Set(deliveries.map((d) => d.smsMessageId))).toEqual(
      new Set(messages.map((m) => m.id)),
    );

    // Running the same job again (another instance taking an expired lease over) texts nobody.
    await t.database.db
      .update(jobTable)
      .set({ status: 'running', lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(jobTable.id, jobId));
    await t.app.kaolu.jobs.drain();
    expect(await jobOf(jobId)).toMatchObject({
      status: 'succeeded',
      attempts: 4,
      result: { sent: 5, refused: 0 },
    });
    expect(
      (await t.database.db.select().from(smsMessage).where(eq(smsMessage.content, content))).length,
    ).toBe(5);
  });

  it('queues no SMS when a notice change rolls back', async () => {
    const id = (
      await t.app.inject({
        method: 'POST',
        url: '/api/admin/notices',
        headers: org,
        payload: { kind: 'announcement', title: '回滚测试公告', body: '内容', candidateIds },
      })
    ).json().id;
    await t.app.inject({ method: 'POST', url: `/api/admin/notices/${id}/publish`, headers: org });
    await t.app.kaolu.jobs.drain();
    const jobsBefore = (
      await t.app.inject({ method: 'GET', url: '/api/jobs?pageSize=100', headers: org })
    ).json().total;
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/notices/${id}`,
      headers: org,
      payload: {
        title: '回滚测试公告',
        body: '内容（修订）',
        candidateIds: ['00000000-0000-4000-8000-000000000000'],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/jobs?pageSize=100', headers: org })).json()
        .total,
    ).toBe(jobsBefore);
  });

  it('lets only notice managers edit notices', async () => {
    const unitUser = (await loginAs(t.app, 'unit_user')).headers;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/notices',
      headers: unitUser,
      payload: { kind: 'announcement', title: '越权公告', body: '内容' },
    });
    expect(res.statusCode).toBe(403);
  });
});
