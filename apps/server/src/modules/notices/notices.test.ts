import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRecorder, loginAs, loginAsCandidate, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { smsMessage } from '../../platform/sms/sms.table';

describe('notices (REG-03/04)', () => {
  let t: TestApp;
  let org: AuthHeaders;
  let candidateIds: string[];
  const audit = createAuditRecorder();

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    org = (await loginAs(t.app, 'org_admin')).headers;
    candidateIds = [(await loginAsCandidate(t.app)).candidateId, (await loginAsCandidate(t.app)).candidateId];
  });
  afterAll(() => t.close());

  const smsCount = async () => (await t.database.db.select().from(smsMessage)).length;

  it('keeps a draft off the public site, publishes it and texts the candidates it names', async () => {
    const created = await t.app.inject({
      method: 'POST', url: '/api/admin/notices', headers: org,
      payload: { kind: 'interview', title: '面试通知（第一批）', body: '请于3月20日8:00到场。', candidateIds },
    });
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    expect((await t.app.inject({ method: 'GET', url: '/api/public/notices' })).json().total).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/notices/${id}` })).statusCode).toBe(404);
    const published = await t.app.inject({ method: 'POST', url: `/api/admin/notices/${id}/publish`, headers: org });
    expect(published.json().sms).toEqual({ sent: 2, failed: 0 });
    const list = (await t.app.inject({ method: 'GET', url: '/api/public/notices' })).json();
    expect(list).toEqual({ items: [{ id, title: '面试通知（第一批）', publishedAt: expect.any(String) }], total: 1 });
  });

  it('keeps every version and texts the named candidates again when a published notice changes', async () => {
    const id = (await t.app.inject({ method: 'GET', url: '/api/public/notices' })).json().items[0].id;
    const before = await smsCount();
    const changed = await t.app.inject({
      method: 'PUT', url: `/api/admin/notices/${id}`, headers: org,
      payload: { title: '面试通知（第一批）', body: '请于3月21日8:00到场。', candidateIds: [candidateIds[0]], changeNote: '时间顺延一天' },
    });
    expect(changed.json()).toMatchObject({ notice: { version: 2, candidateCount: 1 }, sms: { sent: 2, failed: 0 } });
    expect(await smsCount()).toBe(before + 2);
    const versions = (await t.app.inject({ method: 'GET', url: `/api/admin/notices/${id}/versions`, headers: org })).json().items;
    expect(versions.map((v: { version: number; body: string }) => [v.version, v.body])).toEqual([[2, '请于3月21日8:00到场。'], [1, '请于3月20日8:00到场。']]);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/notices/${id}` })).json()).toMatchObject({ version: 2, body: '请于3月21日8:00到场。', kind: 'interview' });
    expect(audit.entries.find((e) => e.action === 'notice.changed')?.details).toMatchObject({ fromVersion: 1, toVersion: 2, changeNote: '时间顺延一天' });
  });

  it('sends no SMS for edits of a draft, and withdraws a published notice from the site', async () => {
    const id = (await t.app.inject({ method: 'POST', url: '/api/admin/notices', headers: org, payload: { kind: 'recheck', title: '体检复检通知', body: '复检安排', candidateIds } })).json().id;
    const before = await smsCount();
    const edit = await t.app.inject({ method: 'PUT', url: `/api/admin/notices/${id}`, headers: org, payload: { title: '体检复检通知', body: '复检安排（修订）', candidateIds } });
    expect(edit.json().sms).toEqual({ sent: 0, failed: 0 });
    expect(await smsCount()).toBe(before);
    await t.app.inject({ method: 'POST', url: `/api/admin/notices/${id}/publish`, headers: org });
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/notices/${id}/withdraw`, headers: org })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/notices/${id}` })).statusCode).toBe(404);
  });

  it('lets only notice managers edit notices', async () => {
    const unitUser = (await loginAs(t.app, 'unit_user')).headers;
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/notices', headers: unitUser, payload: { kind: 'announcement', title: '越权公告', body: '内容' } });
    expect(res.statusCode).toBe(403);
  });
});
