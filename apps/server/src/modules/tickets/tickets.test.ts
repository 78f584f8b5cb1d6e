import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRecorder, loginAs } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { updateTestEvent } from '../events/events.test-support';
import {
  createCandidate,
  createOpenEvent,
  prepareCandidate,
} from '../registrations/registration.test-support';
import { planSeats, type PlanRoom } from './seat-plan';

const rooms: PlanRoom[] = [
  { id: 'r1', examCategory: 'A', siteName: '上海市第一考点', roomCode: '1', capacity: 3 },
  { id: 'r2', examCategory: 'A', siteName: '上海市第一考点', roomCode: '2', capacity: 3 },
  { id: 'r3', examCategory: 'B', siteName: '上海市第二考点', roomCode: '1', capacity: 2 },
];
const regs = [...'abcde']
  .map((x) => ({ id: x, examCategory: 'A' }))
  .concat([{ id: 'f', examCategory: 'B' }]);

describe('seat plan', () => {
  it('gives the same seats for the same seed and input, whatever the input order', () => {
    const one = planSeats('seed-2026-exam', regs, rooms);
    const two = planSeats('seed-2026-exam', [...regs].reverse(), [...rooms].reverse());
    expect(one).toEqual(two);
    if (!one.ok) throw new Error('plan failed');
    expect(one.seats).toHaveLength(6);
    expect(new Set(one.seats.map((s) => `${s.roomId}/${s.seatNumber}`)).size).toBe(6);
    expect(one.seats.find((s) => s.registrationId === 'f')!.roomId).toBe('r3');
    expect(one.record).toMatchObject({ seed: 'seed-2026-exam', algorithm: 'SM3-CTR-v1' });
  });

  it('changes the order with another seed and refuses when a category lacks seats', () => {
    const orders = ['s1', 's2', 's3', 's4'].map((seed) => {
      const plan = planSeats(seed, regs, rooms);
      return plan.ok ? plan.seats.map((s) => s.registrationId).join('') : '';
    });
    expect(new Set(orders).size).toBeGreaterThan(1);
    const short = planSeats(
      's1',
      [...regs, { id: 'g', examCategory: 'B' }, { id: 'h', examCategory: 'B' }],
      rooms,
    );
    expect(short).toEqual({
      ok: false,
      shortages: [{ examCategory: 'B', candidates: 3, seats: 2 }],
    });
  });
});

describe('admission tickets', () => {
  let t: TestApp;
  const audit = createAuditRecorder();
  beforeAll(async () => {
    t = await createTestApp({}, { audit });
  });
  afterAll(() => t.close());

  it('draws seats after the payment deadline from a recorded seed, once, and prints the ticket', async () => {
    const event = await createOpenEvent(t.app, { fee: { amountYuan: 0, waiverAllowed: true } });
    const c = await createCandidate(t.app);
    await prepareCandidate(t.app, c.headers);
    t.app.kaolu.exchange.simulators.city!.setPerson(c.idNumber, {
      hukou: { shanghaiHukou: true, district: '徐汇区' },
    });
    const reg = (
      await t.app.inject({
        method: 'POST',
        url: '/api/candidate/registrations',
        headers: c.headers,
        payload: { eventId: event.id, examCategory: 'comprehensive' },
      })
    ).json();
    expect(reg.status).toBe('confirmed');
    const admin = await loginAs(t.app, 'org_admin');
    const room = {
      examCategory: 'comprehensive',
      siteName: '上海市第二中学考点',
      siteAddress: '上海市黄浦区金陵中路100号',
      roomCode: '7',
      capacity: 30,
    };
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/admin/events/${event.id}/exam-rooms`,
          headers: admin.headers,
          payload: room,
        })
      ).statusCode,
    ).toBe(200);
    const draw = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/admin/events/${event.id}/seat-assignments`,
        headers: admin.headers,
        payload: { seed: 'kaolu-2026-seat-seed' },
      });
    expect((await draw()).json().error.code).toBe('TICKET.PAYMENT_OPEN');
    const schedule = (
      event.schedule as Array<{ stage: string; startsAt: string; endsAt: string }>
    ).map((w) =>
      w.stage === 'payment' || w.stage === 'admission_ticket'
        ? {
            ...w,
            startsAt: '2020-01-01T00:00:00+08:00',
            endsAt: w.stage === 'payment' ? '2020-01-02T00:00:00+08:00' : w.endsAt,
          }
        : w,
    );
    await updateTestEvent(t.database.db, event.id, { schedule });
    const done = await draw();
    expect(done.json()).toMatchObject({
      seed: 'kaolu-2026-seat-seed',
      algorithm: 'SM3-CTR-v1',
      assigned: 1,
    });
    expect(audit.entries.find((e) => e.action === 'seat.assigned')?.details).toMatchObject({
      seed: 'kaolu-2026-seat-seed',
      inputDigest: done.json().inputDigest,
    });
    expect((await draw()).json().error.code).toBe('TICKET.ALREADY_DRAWN');
    const ticket = (
      await t.app.inject({
        method: 'GET',
        url: `/api/candidate/registrations/${reg.id}/ticket`,
        headers: c.headers,
      })
    ).json();
    expect(ticket).toMatchObject({
      candidateName: '王小明',
      examCategoryName: '综合管理类',
      roomCode: '7',
      seatNumber: 1,
      siteName: '上海市第二中学考点',
    });
    expect(ticket.ticketNumber).toMatch(/^202601000101$/);
    expect(ticket.idNumberMasked).toMatch(/^310\*{11}\d{3}[\dX]$/);
    const other = await createCandidate(t.app);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/candidate/registrations/${reg.id}/ticket`,
          headers: other.headers,
        })
      ).json().error.code,
    ).toBe('TICKET.NOT_READY');
  });
});
