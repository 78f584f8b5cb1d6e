import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsMessage } from '../../platform/sms/sms.table';
import { createAuditRecorder, loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { setTestSubmittedAt } from '../applications/application.test-support';
import {
  createExaminee,
  createPublishedPosition,
  createReviewUnit,
  createSelectionEvent,
  publishScores,
} from '../applications/selection.test-support';
import { slaOf } from './review-sla';

const HOUR = 3_600_000;

describe('SLA marks', () => {
  it('marks a waiting application at 24 h and 48 h, and never a decided one', () => {
    const now = new Date('2026-06-10T12:00:00Z');
    const ago = (h: number) => new Date(now.getTime() - h * HOUR);
    expect([
      slaOf('submitted', ago(23.9), now),
      slaOf('submitted', ago(24), now),
      slaOf('submitted', ago(47.9), now),
      slaOf('submitted', ago(48), now),
    ]).toEqual(['ok', 'due', 'due', 'overdue']);
    expect(slaOf('returned', ago(100), now)).toBe('ok');
  });
});

describe('unit review 资格审查', () => {
  const audit = createAuditRecorder();
  let t: TestApp;
  let org: AuthHeaders;
  let event: Awaited<ReturnType<typeof createSelectionEvent>>;
  let unitA: Awaited<ReturnType<typeof createReviewUnit>>;
  let unitB: Awaited<ReturnType<typeof createReviewUnit>>;
  const ids: Record<string, string> = {};
  const get = (headers: AuthHeaders, url: string) => t.app.inject({ method: 'GET', url, headers });
  const post = (headers: AuthHeaders, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers, payload });
  const people: Array<Awaited<ReturnType<typeof createExaminee>>> = [];

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    org = (await loginAs(t.app, 'org_admin')).headers;
    event = await createSelectionEvent(t.app);
    unitA = await createReviewUnit(t.app, org, '市发展改革委');
    unitB = await createReviewUnit(t.app, org, '市财政局');
    for (let i = 0; i < 4; i++) people.push(await createExaminee(t.app, event.id));
    await publishScores(
      t.app,
      event.id,
      people.map((p) => [p.ticketNumber, 75, 70]),
    );
    const pa = await createPublishedPosition(t.app, event.id, unitA.unitId);
    const pb = await createPublishedPosition(t.app, event.id, unitB.unitId);
    const targets = [pa, pa, pa, pb];
    for (const [i, p] of people.entries()) {
      const res = await post(p.headers, '/api/candidate/applications', {
        eventId: event.id,
        positionId: targets[i]!.id,
      });
      ids[`c${i}`] = res.json().id;
    }
    // c0 has waited 50 h, c1 30 h: overdue and due.
    const db = t.app.kaolu.database.db;
    await setTestSubmittedAt(db, ids.c0!, new Date(Date.now() - 50 * HOUR));
    await setTestSubmittedAt(db, ids.c1!, new Date(Date.now() - 30 * HOUR));
  });
  afterAll(() => t.close());

  it("shows a reviewer only his unit's applications, oldest first, with SLA marks and counts", async () => {
    const queue = (await get(unitA.reviewer, `/api/admin/reviews?eventId=${event.id}`)).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toEqual([ids.c0, ids.c1, ids.c2]);
    expect(queue.items.map((i: { sla: string }) => i.sla)).toEqual(['overdue', 'due', 'ok']);
    expect(queue.counts).toMatchObject({ submitted: 3, approved: 0 });
    expect(queue.items[0].idNumberMasked).toMatch(/\*{4,}/);
    const other = (await get(unitB.reviewer, `/api/admin/reviews?eventId=${event.id}`)).json();
    expect(other.items.map((i: { id: string }) => i.id)).toEqual([ids.c3]);
    expect((await get(unitB.reviewer, `/api/admin/reviews/${ids.c0}`)).statusCode).toBe(404);
    expect(
      (
        await post(unitB.reviewer, `/api/admin/reviews/${ids.c0}/decision`, {
          outcome: 'approve',
          reasonCode: 'conditions_met',
        })
      ).statusCode,
    ).toBe(404);
    const bulk = (
      await post(unitB.reviewer, '/api/admin/reviews/bulk-approve', {
        ids: [ids.c0],
        confirm: true,
      })
    ).json();
    expect(bulk).toMatchObject({ approved: 0, skipped: [{ id: ids.c0 }] });
  });

  it('filters by SLA, keyword and page, and lists overdue items for org_admin only', async () => {
    expect(
      (await get(unitA.reviewer, `/api/admin/reviews?sla=due`))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toEqual([ids.c1]);
    const page2 = (await get(unitA.reviewer, `/api/admin/reviews?pageSize=2&page=2`)).json();
    expect(page2).toMatchObject({ total: 3, items: [{ id: ids.c2 }] });
    const overdue = (await get(org, '/api/admin/reviews/overdue')).json();
    expect(overdue.items.map((i: { id: string; unitName: string }) => [i.id, i.unitName])).toEqual([
      [ids.c0, '市发展改革委'],
    ]);
    expect((await get(unitA.reviewer, '/api/admin/reviews/overdue')).statusCode).toBe(403);
  });

  it('compares the national education record with the declaration, highlights differences and keeps the result', async () => {
    const simulator = t.app.kaolu.exchange.educationSimulator!;
    simulator.setRecords(people[0]!.idNumber, {
      found: true,
      records: [
        {
          school: '华东师范大学',
          major: '历史学',
          level: 'bachelor',
          degree: 'bachelor',
          graduationDate: '2020-07-01',
          fullTime: true,
          certificateNumber: '102692020000001',
        },
      ],
    });
    const check = (
      await post(unitA.reviewer, `/api/admin/reviews/${ids.c0}/education-check`, {})
    ).json();
    expect(check.outcome).toBe('mismatch');
    expect(
      check.fields
        .filter((f: { matches: boolean }) => !f.matches)
        .map((f: { label: string; declared: string; record: string }) => [
          f.label,
          f.declared,
          f.record,
        ]),
    ).toEqual([['专业', '汉语言文学', '历史学']]);
    const detail = (await get(unitA.reviewer, `/api/admin/reviews/${ids.c0}`)).json();
    expect(detail.educationCheck).toMatchObject({ id: check.id, outcome: 'mismatch' });
    simulator.setAvailable(false);
    const down = (
      await post(unitA.reviewer, `/api/admin/reviews/${ids.c1}/education-check`, {})
    ).json();
    expect(down.outcome).toBe('unavailable');
    simulator.setAvailable(true);
  });

  it('returns for more material, takes the supplement, approves, and tells the candidate each time', async () => {
    const bare = await post(unitA.reviewer, `/api/admin/reviews/${ids.c2}/decision`, {
      outcome: 'return',
      reasonCode: 'materials_missing',
    });
    expect(bare.statusCode).toBe(400);
    const returned = await post(unitA.reviewer, `/api/admin/reviews/${ids.c2}/decision`, {
      outcome: 'return',
      reasonCode: 'materials_missing',
      reasonText: '请上传学位证书',
    });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      reviewReasonCode: 'materials_missing',
    });
    const candidate = people[2]!;
    const inbox = (await get(candidate.headers, '/api/candidate/messages')).json().items;
    expect(inbox[0]).toMatchObject({ title: '职位报名审核结果：退回补充' });
    expect(inbox[0].body).toContain('请上传学位证书');
    await post(candidate.headers, `/api/candidate/applications/${ids.c2}/supplement`, {
      note: '已补充学位证书',
    });
    const approved = (
      await post(unitA.reviewer, `/api/admin/reviews/${ids.c2}/decision`, {
        outcome: 'approve',
        reasonCode: 'conditions_met',
      })
    ).json();
    expect(approved.status).toBe('approved');
    expect(approved.timeline.map((l: { toStatus: string }) => l.toStatus)).toEqual([
      'submitted',
      'returned',
      'submitted',
      'approved',
    ]);
    await t.app.kaolu.jobs.drain();
    const texts = await t.app.kaolu.database.db
      .select()
      .from(smsMessage)
      .where(eq(smsMessage.purpose, 'application_reviewed'));
    expect(texts).toHaveLength(2);
    const reviewed = audit.entries
      .filter((e) => e.action === 'application.reviewed' && e.targetId === ids.c2)
      .map((e) => e.details);
    expect(reviewed).toEqual([
      expect.objectContaining({ from: 'submitted', to: 'returned' }),
      expect.objectContaining({ from: 'submitted', to: 'approved' }),
    ]);
  });

  it('bulk approves only pending applications in scope after confirmation', async () => {
    const refused = await post(unitA.reviewer, '/api/admin/reviews/bulk-approve', {
      ids: [ids.c0, ids.c1],
    });
    expect(refused.statusCode).toBe(400);
    const res = (
      await post(unitA.reviewer, '/api/admin/reviews/bulk-approve', {
        ids: [ids.c0, ids.c1, ids.c2],
        confirm: true,
      })
    ).json();
    expect(res).toMatchObject({ approved: 2, skipped: [{ id: ids.c2, reason: '不是待审核状态' }] });
    const queue = (await get(unitA.reviewer, '/api/admin/reviews')).json();
    expect(queue.counts).toMatchObject({ submitted: 0, approved: 3 });
  });
});
