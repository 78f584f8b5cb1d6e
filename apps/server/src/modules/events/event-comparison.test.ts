import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, loginAsCandidate, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { insertTestApplications } from '../applications/application.test-support';
import { insertTestPosition } from '../positions/position.test-support';
import { insertTestRegistrations } from '../registrations/registration.test-support';
import { insertTestPassLines, insertTestScores } from '../scores/score.test-support';
import { createUnit } from './events.test-support';
import { recruitmentEvent } from './event.table';
import { copyTemplate } from './policy-templates';

describe('event comparison (NFR-HIS-1)', () => {
  let t: TestApp;
  let org: AuthHeaders;
  let closedId: string;
  let runningId: string;
  let thirdId: string;

  /** A closed 2025 event with brochure, registrations, scores and applications, seeded row by row. */
  async function seedClosedEvent(unitId: string): Promise<string> {
    const db = t.database.db;
    const [event] = await db
      .insert(recruitmentEvent)
      .values({
        code: 'CMP2025',
        name: '2025年度面上招录',
        type: 'general',
        year: 2025,
        status: 'closed',
        policy: copyTemplate('general'),
      })
      .returning();
    const id = event!.id;
    const p1 = await insertTestPosition(db, {
      eventId: id,
      unitId,
      code: 'C01',
      title: '综合管理岗',
      category: 'comprehensive',
      examCategory: 'comprehensive',
      headcount: 3,
      hired: 2,
      status: 'published',
      conditions: { residence: 'any' },
    });
    const p2 = await insertTestPosition(db, {
      eventId: id,
      unitId,
      code: 'C02',
      title: '执法岗',
      category: 'law_enforcement',
      examCategory: 'law_enforcement',
      examSubject: 'LE-LAW',
      headcount: 2,
      status: 'published',
      conditions: { residence: 'any' },
    });
    const people = await Promise.all(Array.from({ length: 6 }, () => loginAsCandidate(t.app)));
    const c = people.map((p) => p.candidateId);
    const statuses = [
      ['comprehensive', 'confirmed'],
      ['comprehensive', 'confirmed'],
      ['comprehensive', 'awaiting_payment'],
      ['comprehensive', 'rejected'],
      ['comprehensive', 'cancelled'],
      ['law_enforcement', 'confirmed'],
    ] as const;
    const regs = await insertTestRegistrations(
      db,
      statuses.map(([examCategory, status], i) => ({
        eventId: id,
        candidateId: c[i]!,
        examCategory,
        status,
        profileVersion: 1,
        profileSnapshot: {},
        policyVersion: 1,
      })),
    );
    await insertTestPassLines(db, [
      { eventId: id, examCategory: 'comprehensive', lineCenti: 6000 },
      { eventId: id, examCategory: 'law_enforcement', lineCenti: 5000 },
    ]);
    // 70.00 passes the 60 line, 55.00 does not; the absent 执法 candidate has no total and passes nothing.
    await insertTestScores(db, [
      {
        eventId: id,
        registrationId: regs[0]!.id,
        candidateId: c[0]!,
        examCategory: 'comprehensive',
        totalCenti: 7000,
      },
      {
        eventId: id,
        registrationId: regs[1]!.id,
        candidateId: c[1]!,
        examCategory: 'comprehensive',
        totalCenti: 5500,
      },
      {
        eventId: id,
        registrationId: regs[5]!.id,
        candidateId: c[5]!,
        examCategory: 'law_enforcement',
        absent: true,
        totalCenti: null,
      },
    ]);
    const application = (
      candidateId: string,
      p: typeof p1,
      status: 'approved' | 'withdrawn' | 'submitted',
    ) => ({
      eventId: id,
      candidateId,
      positionId: p.id,
      unitId,
      status,
      profileVersion: 1,
      profileSnapshot: {},
    });
    await insertTestApplications(db, [
      application(c[0]!, p1, 'approved'),
      application(c[1]!, p1, 'withdrawn'),
      application(c[1]!, p2, 'submitted'),
    ]);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    org = (await loginAs(t.app, 'org_admin')).headers;
    const { unitId } = await createUnit(t.app, org, '比较测试单位');
    closedId = await seedClosedEvent(unitId);
    const [running] = await t.database.db
      .insert(recruitmentEvent)
      .values({
        code: 'CMP2026',
        name: '2026年度面上招录',
        type: 'general',
        year: 2026,
        status: 'registration',
        policy: copyTemplate('general'),
      })
      .returning();
    runningId = running!.id;
    await insertTestPosition(t.database.db, {
      eventId: runningId,
      unitId,
      code: 'D01',
      title: '综合管理岗',
      category: 'comprehensive',
      examCategory: 'comprehensive',
      headcount: 5,
      status: 'published',
      conditions: { residence: 'any' },
    });
    const [third] = await t.database.db
      .insert(recruitmentEvent)
      .values({
        code: 'CMPEME',
        name: '应急执法招录',
        type: 'emergency_enforcement',
        year: 2026,
        status: 'draft',
        policy: copyTemplate('emergency_enforcement'),
      })
      .returning();
    thirdId = third!.id;
  });
  afterAll(() => t.close());

  const compare = (ids: string, headers = org) =>
    t.app.inject({
      method: 'GET',
      url: `/api/admin/events/compare?ids=${encodeURIComponent(ids)}`,
      headers,
    });

  it('puts a closed event beside a running one with figures counted from their data', async () => {
    const res = await compare(`${closedId},${runningId}`);
    expect(res.statusCode).toBe(200);
    const [closed, running] = res.json().items;
    expect(closed).toMatchObject({
      id: closedId,
      code: 'CMP2025',
      type: 'general',
      year: 2025,
      status: 'closed',
      units: 1,
      positions: 2,
      headcount: 5,
      hired: 2,
      // The cancelled registration is left out; 待缴费 has passed the checks but not paid.
      registrations: { total: 5, passedChecks: 4, paid: 3 },
      passed: 1,
      applications: { submitted: 2, approved: 1 },
    });
    const categories = Object.fromEntries(
      closed.categories.map((c: { examCategory: string }) => [c.examCategory, c]),
    );
    expect(categories.comprehensive).toEqual({
      examCategory: 'comprehensive',
      name: '综合管理类',
      positions: 1,
      headcount: 3,
      registrations: 4,
      paid: 2,
      passed: 1,
    });
    expect(categories.law_enforcement).toEqual({
      examCategory: 'law_enforcement',
      name: '行政执法类',
      positions: 1,
      headcount: 2,
      registrations: 1,
      paid: 1,
      passed: 0,
    });
    expect(categories.police).toMatchObject({ name: '公安类', positions: 0, registrations: 0 });
    expect(running).toMatchObject({
      id: runningId,
      status: 'registration',
      positions: 1,
      headcount: 5,
      hired: 0,
      registrations: { total: 0, passedChecks: 0, paid: 0 },
      passed: 0,
      applications: { submitted: 0, approved: 0 },
    });
  });

  it('keeps a closed event readable: detail, positions, brochures and policy versions', async () => {
    for (const url of [
      `/api/admin/events/${closedId}`,
      `/api/admin/events/${closedId}/positions`,
      `/api/admin/events/${closedId}/brochures`,
      `/api/admin/events/${closedId}/policy-versions`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: org });
      expect(res.statusCode, `${url} ${res.body}`).toBe(200);
    }
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/admin/events?status=closed', headers: org })
    ).json();
    expect(list.items.map((e: { id: string }) => e.id)).toContain(closedId);
  });

  it('compares up to five events in the order asked', async () => {
    const res = await compare(`${thirdId},${runningId},${closedId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((e: { id: string }) => e.id)).toEqual([
      thirdId,
      runningId,
      closedId,
    ]);
    expect(res.json().items[0].categories.map((c: { name: string }) => c.name)).toEqual([
      '应急执法类',
    ]);
  });

  it('refuses fewer than two or more than five events, and malformed ids, in Chinese', async () => {
    const one = await compare(closedId);
    expect(one.statusCode).toBe(400);
    expect(one.json().error.message).toBe('请选择2至5个不同的招录事项进行比较（当前1个）');
    // The same event twice is one event.
    expect((await compare(`${closedId},${closedId}`)).json().error.message).toContain('当前1个');
    const six = await compare(
      [closedId, runningId, thirdId, randomUUID(), randomUUID(), randomUUID()].join(','),
    );
    expect(six.statusCode).toBe(400);
    expect(six.json().error.message).toContain('当前6个');
    const bad = await compare(`${closedId},abc`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('招录事项编号格式不正确：abc');
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/admin/events/compare',
      headers: org,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('招录事项');
  });

  it('answers 404 naming an unknown event', async () => {
    const unknown = randomUUID();
    const res = await compare(`${closedId},${unknown}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({
      code: 'EVENT.NOT_FOUND',
      message: `招录事项不存在：${unknown}`,
    });
  });

  it('limits an event-scoped org admin to his events and refuses everyone without event.manage', async () => {
    const scoped = (await loginAs(t.app, [{ role: 'org_admin', eventId: closedId }])).headers;
    expect((await compare(`${closedId},${runningId}`, scoped)).statusCode).toBe(403);
    const support = (await loginAs(t.app, 'support')).headers;
    expect((await compare(`${closedId},${runningId}`, support)).statusCode).toBe(403);
    // Units read events too, but the figures of every unit's recruitment are the organisation department's.
    const unitUser = (await loginAs(t.app, 'unit_user')).headers;
    expect((await compare(`${closedId},${runningId}`, unitUser)).statusCode).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/admin/events/compare?ids=${closedId},${runningId}`,
        })
      ).statusCode,
    ).toBe(401);
  });
});
