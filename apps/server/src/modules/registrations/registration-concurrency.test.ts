import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { job } from '../../platform/jobs/job.table';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { updateTestEvent } from '../events/events.test-support';
import { examRegistration } from './registration.table';
import {
  createCandidate,
  createOpenEvent,
  prepareCandidate,
  nonHukouMasterProfile as master,
} from './registration.test-support';

describe('exam registration 笔试报名', () => {
  let t: TestApp;
  let eventId: string;
  const register = (headers: Record<string, string>, payload: Record<string, unknown> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/candidate/registrations',
      headers,
      payload: { eventId, examCategory: 'comprehensive', ...payload },
    });

  beforeAll(async () => {
    t = await createTestApp();
    eventId = (await createOpenEvent(t.app)).id;
  });
  afterAll(() => t.close());

  it('accepts exactly one of many concurrent submits, and the database refuses a second row', async () => {
    const c = await createCandidate(t.app);
    await prepareCandidate(t.app, c.headers);
    t.app.kaolu.exchange.simulators.city!.setPerson(c.idNumber, {
      hukou: { shanghaiHukou: true, district: '徐汇区' },
    });
    const results = await Promise.all(Array.from({ length: 6 }, () => register(c.headers)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409, 409, 409, 409]);
    expect(
      results
        .filter((r) => r.statusCode === 409)
        .every((r) => r.json().error.code === 'REGISTRATION.ALREADY_REGISTERED'),
    ).toBe(true);
    const [row] = await t.database.db
      .select()
      .from(examRegistration)
      .where(eq(examRegistration.candidateId, c.candidateId));
    const { id: _id, ...copy } = row!;
    await expect(t.database.db.insert(examRegistration).values(copy)).rejects.toThrow();
  });

  it('lets a candidate who cancelled register again, still only once under concurrent submits, keeping the cancelled one as history', async () => {
    const c = await createCandidate(t.app);
    await prepareCandidate(t.app, c.headers);
    t.app.kaolu.exchange.simulators.city!.setPerson(c.idNumber, {
      hukou: { shanghaiHukou: true, district: '徐汇区' },
    });
    const first = (await register(c.headers)).json();
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/candidate/registrations/${first.id}/cancel`,
          headers: c.headers,
        })
      ).statusCode,
    ).toBe(200);
    const results = await Promise.all(Array.from({ length: 6 }, () => register(c.headers)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const rows = await t.database.db
      .select()
      .from(examRegistration)
      .where(eq(examRegistration.candidateId, c.candidateId));
    expect(rows.map((r) => r.status).sort()).toEqual(['awaiting_payment', 'cancelled']);
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/candidate/registrations', headers: c.headers })
    ).json();
    expect(list.items.map((i: { status: string }) => i.status)).toEqual([
      'awaiting_payment',
      'cancelled',
    ]);
    // The database itself: a second active row is refused, another cancelled row is history and allowed.
    const { id: _id, ...copy } = rows.find((r) => r.status === 'awaiting_payment')!;
    await expect(t.database.db.insert(examRegistration).values(copy)).rejects.toThrow();
    await t.database.db.insert(examRegistration).values({ ...copy, status: 'cancelled' });
  });

  it('saves the registration as 待核验 when the platform is down, and the recheck decides it later', async () => {
    const sim = t.app.kaolu.exchange.simulators.city!;
    const c = await createCandidate(t.app, { region: '320102' });
    await prepareCandidate(t.app, c.headers, master);
    sim.setPerson(c.idNumber, {
      hukou: { shanghaiHukou: false, district: null },
      permit: { held: true, issuedOn: '2019-03-01', validUntil: '2028-03-01' },
      points: { held: true, points: 135, standardScore: 120 },
    });
    sim.setAvailable(false);
    try {
      const res = await register(c.headers);
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('pending_verification');
      expect(res.json().checks.at(-1)).toMatchObject({
        code: 'ELIGIBILITY.RESIDENCE_PENDING',
        result: 'pending',
      });
      const id = res.json().id as string;
      const queued = await t.database.db
        .select()
        .from(job)
        .where(and(eq(job.kind, 'registration.recheck'), eq(job.status, 'queued')));
      expect(
        queued.some((j) => (j.payload as { registrationId: string }).registrationId === id),
      ).toBe(true);
      // Still down: the recheck fails (the job retries later) and nothing is decided.
      await expect(t.app.kaolu.modules.registrations.recheck(id)).rejects.toThrow(
        '市数据共享平台仍不可用',
      );
      const [still] = await t.database.db
        .select()
        .from(examRegistration)
        .where(eq(examRegistration.id, id));
      expect(still!.status).toBe('pending_verification');
      sim.setAvailable(true);
      expect(await t.app.kaolu.modules.registrations.recheck(id)).toEqual({
        status: 'awaiting_payment',
      });
      const mine = (
        await t.app.inject({
          method: 'GET',
          url: '/api/candidate/registrations',
          headers: c.headers,
        })
      ).json().items[0];
      expect(mine.status).toBe('awaiting_payment');
      expect(mine.timeline.map((x: { kind: string }) => x.kind)).toEqual([
        'submitted',
        'verification_pending',
        'verification_passed',
      ]);
    } finally {
      sim.setAvailable(true);
    }
  });

  it('rejects a 待核验 registration whose recheck fails, with the reason in the timeline', async () => {
    const sim = t.app.kaolu.exchange.simulators.city!;
    const c = await createCandidate(t.app, { region: '320102' });
    await prepareCandidate(t.app, c.headers, master);
    sim.setPerson(c.idNumber, {
      hukou: { shanghaiHukou: false, district: null },
      permit: { held: true, issuedOn: '2019-03-01', validUntil: '2024-03-01' },
      points: { held: true, points: 135, standardScore: 120 },
    });
    sim.setAvailable(false, 'permit_validity');
    const id = (await register(c.headers)).json().id as string;
    sim.setAvailable(true);
    expect(await t.app.kaolu.modules.registrations.recheck(id)).toEqual({ status: 'rejected' });
    const mine = (
      await t.app.inject({ method: 'GET', url: '/api/candidate/registrations', headers: c.headers })
    )
      .json()
      .items.find((r: { id: string }) => r.id === id);
    expect(mine.status).toBe('rejected');
    expect(mine.timeline.at(-1).message).toContain('居住证有效期');
  });

  it('refuses a registration outside the window with the window in Shanghai time', async () => {
    const closed = await createOpenEvent(t.app);
    await updateTestEvent(t.database.db, closed.id, {
      schedule: [
        {
          stage: 'exam_registration',
          startsAt: '2020-01-01T00:00:00+08:00',
          endsAt: '2020-01-10T00:00:00+08:00',
        },
      ],
    });
    const c = await createCandidate(t.app);
    await prepareCandidate(t.app, c.headers);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/registrations',
      headers: c.headers,
      payload: { eventId: closed.id, examCategory: 'comprehensive' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('已截止');
  });
});
