import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRecorder, loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { copyTemplate } from './policy-templates';
import { windowAround } from './events.test-support';

describe('recruitment events for org_admin', () => {
  let t: TestApp;
  let org: AuthHeaders;
  const audit = createAuditRecorder();

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    org = (await loginAs(t.app, 'org_admin')).headers;
  });
  afterAll(() => t.close());

  const create = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/admin/events', headers: org, payload });

  it('creates a 面上 and an 应急执法 event, each with a copy of its type template as policy version 1', async () => {
    const general = await create({
      code: 'GEN2026',
      name: '2026年度面上招录',
      type: 'general',
      year: 2026,
    });
    const emergency = await create({
      code: 'EME2026',
      name: '2026年度应急执法招录',
      type: 'emergency_enforcement',
      year: 2026,
    });
    expect(general.statusCode).toBe(200);
    expect(general.json()).toMatchObject({
      status: 'draft',
      policyVersion: 1,
      policy: { order: 'exam_first', brochure: { format: 'standard' } },
    });
    expect(emergency.json().policy).toMatchObject({
      order: 'position_first',
      brochure: { format: 'emergency_enforcement' },
    });
    expect(audit.actions()).toContain('event.created');
  });

  it('refuses a duplicate event code', async () => {
    await create({ code: 'DUP1', name: '重复编号事项', type: 'general', year: 2026 });
    const again = await create({ code: 'DUP1', name: '重复编号事项', type: 'general', year: 2026 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('EVENT.CODE_TAKEN');
  });

  it('saves an edited policy as a new version and keeps the old one', async () => {
    const { id } = (
      await create({ code: 'POL1', name: '政策版本事项', type: 'general', year: 2026 })
    ).json();
    const policy = copyTemplate('general');
    policy.interview.ratio = 4;
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/events/${id}/policy`,
      headers: org,
      payload: { policy, reason: '职位竞争激烈，调整面试比例' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ policyVersion: 2, policy: { interview: { ratio: 4 } } });
    const versions = (
      await t.app.inject({
        method: 'GET',
        url: `/api/admin/events/${id}/policy-versions`,
        headers: org,
      })
    ).json().items;
    expect(
      versions.map((v: { version: number; policy: { interview: { ratio: number } } }) => [
        v.version,
        v.policy.interview.ratio,
      ]),
    ).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(await t.app.kaolu.events.policyAt(id, 1)).toMatchObject({ interview: { ratio: 3 } });
    const entry = audit.entries.find(
      (e) => e.action === 'event_policy.changed' && e.targetId === id,
    );
    expect(entry?.details).toMatchObject({
      fromVersion: 1,
      toVersion: 2,
      reason: '职位竞争激烈，调整面试比例',
    });
  });

  it('explains an invalid policy in Chinese and keeps the current version', async () => {
    const { id } = (
      await create({ code: 'POL2', name: '错误政策事项', type: 'general', year: 2026 })
    ).json();
    const policy = copyTemplate('general');
    policy.scoreWeights.written = 50;
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/events/${id}/policy`,
      headers: org,
      payload: { policy, reason: '测试' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('成绩权重之和必须为100，当前为110');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/admin/events/${id}`, headers: org })).json()
        .policyVersion,
    ).toBe(1);
  });

  it('refuses a schedule naming a stage the policy does not have', async () => {
    const res = await create({
      code: 'SCH1',
      name: '聘任制事项',
      type: 'contract',
      year: 2026,
      schedule: [{ stage: 'written_exam', ...windowAround(true) }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('「笔试」不在本事项的政策阶段中');
  });

  it('moves an event along its lifecycle and refuses a skipped step', async () => {
    const { id } = (
      await create({ code: 'LIFE1', name: '生命周期事项', type: 'general', year: 2026 })
    ).json();
    const move = (to: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/admin/events/${id}/transition`,
        headers: org,
        payload: { to },
      });
    const skipped = await move('registration');
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().error.message).toBe('招录事项不能从「草稿」变为「报名中」');
    expect((await move('collecting')).json().status).toBe('collecting');
    expect(
      audit.entries.find((e) => e.action === 'event.status_changed' && e.targetId === id)?.details,
    ).toEqual({ from: 'draft', to: 'collecting' });
  });

  it('changes a deadline at once (REG-01), auditing old and new value with the reason', async () => {
    const window = windowAround(true);
    const { id } = (
      await create({
        code: 'DL1',
        name: '截止时间事项',
        type: 'general',
        year: 2026,
        schedule: [{ stage: 'exam_registration', ...window }],
      })
    ).json();
    const endsAt = new Date(Date.parse(window.endsAt) + 86_400_000).toISOString();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${id}/deadlines`,
      headers: org,
      payload: { stage: 'exam_registration', endsAt, reason: '系统故障顺延一天' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().schedule[0].endsAt).toBe(endsAt);
    const entry = audit.entries.find((e) => e.action === 'deadline.changed' && e.targetId === id);
    expect(entry?.details).toEqual({
      stage: 'exam_registration',
      from: window.endsAt,
      to: endsAt,
      reason: '系统故障顺延一天',
    });
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${id}/deadlines`,
      headers: org,
      payload: {
        stage: 'exam_registration',
        endsAt: new Date(Date.parse(window.startsAt) - 1000).toISOString(),
        reason: '错误',
      },
    });
    expect(early.statusCode).toBe(400);
  });

  it('lets a unit user read events but not create or adjust them', async () => {
    const unitUser = (await loginAs(t.app, 'unit_user')).headers;
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/admin/events', headers: unitUser }))
        .statusCode,
    ).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/events',
      headers: unitUser,
      payload: { code: 'X1', name: '越权事项', type: 'general', year: 2026 },
    });
    expect(res.statusCode).toBe(403);
  });

  it('shows an event-scoped org_admin only his event', async () => {
    const { id } = (
      await create({ code: 'SCOPE1', name: '授权范围事项', type: 'general', year: 2026 })
    ).json();
    const other = (
      await create({ code: 'SCOPE2', name: '其他事项', type: 'general', year: 2026 })
    ).json();
    const scoped = (await loginAs(t.app, [{ role: 'org_admin', eventId: id }])).headers;
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/admin/events', headers: scoped })
    ).json();
    expect(list.items.map((e: { id: string }) => e.id)).toEqual([id]);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/admin/events/${other.id}`, headers: scoped }))
        .statusCode,
    ).toBe(403);
  });

  it('keeps drafts off the public site and shows a published event schedule', async () => {
    const { id } = (
      await create({ code: 'PUB1', name: '公开事项', type: 'general', year: 2026 })
    ).json();
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/public/events/${id}` })).statusCode,
    ).toBe(404);
    await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${id}/transition`,
      headers: org,
      payload: { to: 'collecting' },
    });
    const res = await t.app.inject({ method: 'GET', url: `/api/public/events/${id}` });
    expect(res.json()).toMatchObject({
      id,
      order: 'exam_first',
      status: 'collecting',
      registration: { feeYuan: 50, photo: { maxKb: 50 } },
    });
    expect(res.json().registration.examCategories.map((c: { name: string }) => c.name)).toContain(
      '综合管理类',
    );
  });
});
