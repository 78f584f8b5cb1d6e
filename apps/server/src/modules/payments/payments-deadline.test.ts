import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRecorder, loginAs } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createOpenEvent } from '../registrations/registration.test-support';
import { job } from '../../platform/jobs/job.table';
import { paymentSteps } from './payment-steps.test-support';
import { DEADLINE_SYSTEM_ACTOR, PAYMENT_DEADLINE_JOB } from './payments-deadline';

describe('payment notices and callbacks (REG-11)', () => {
  let t: TestApp;
  let eventId: string;
  const audit = createAuditRecorder();
  const { registered, signed, callback, closePayment, statusOf } = paymentSteps(() => ({
    t,
    eventId,
  }));

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    eventId = (await createOpenEvent(t.app)).id;
  });
  afterAll(() => t.close());

  it('does not admit a candidate unpaid at the deadline, but keeps one whose confirmation is pending', async () => {
    const closing = (await createOpenEvent(t.app)).id;
    const unpaid = await registered(closing);
    const pending = await registered(closing);
    await t.app.inject({
      method: 'POST',
      url: `/api/candidate/payments/${pending.notice.id}/start`,
      headers: pending.headers,
    });
    const admin = await loginAs(t.app, 'org_admin');
    const expire = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/admin/events/${closing}/payments/expire`,
        headers: admin.headers,
        payload: {},
      });
    // Before the deadline the staff trigger changes nothing.
    expect((await expire()).json()).toEqual({ notAdmitted: 0 });
    expect(await statusOf(unpaid.registrationId)).toBe('awaiting_payment');
    const past = new Date(Date.now() - 60_000);
    await closePayment(closing, past);
    const res = await expire();
    expect(res.json().notAdmitted).toBe(1);
    expect(await statusOf(unpaid.registrationId)).toBe('not_admitted');
    expect(await statusOf(pending.registrationId)).toBe('awaiting_payment');
    // A payment made after the deadline is refunded, not kept.
    const late = await callback(
      signed({
        noticeNumber: unpaid.notice.noticeNumber,
        transactionId: 'T-400',
        amountCents: 5000,
        paidAt: new Date().toISOString(),
      }),
    );
    expect(late.json()).toEqual({ result: 'refunded' });
    expect(await statusOf(unpaid.registrationId)).toBe('not_admitted');
    // One paid in time but confirmed after the sweep is still admitted.
    const inTime = await callback(
      signed({
        noticeNumber: pending.notice.noticeNumber,
        transactionId: 'T-401',
        amountCents: 5000,
        paidAt: new Date(past.getTime() - 60_000).toISOString(),
      }),
    );
    expect(inTime.json()).toEqual({ result: 'accepted' });
    expect(await statusOf(pending.registrationId)).toBe('confirmed');
  });

  it('marks unpaid registrations not admitted automatically at the deadline, once, as the system, however often the tick runs', async () => {
    const closing = (await createOpenEvent(t.app)).id;
    const unpaid = await registered(closing);
    const paid = await registered(closing);
    await t.app.inject({
      method: 'POST',
      url: `/api/candidate/payments/${paid.notice.id}/simulate`,
      headers: paid.headers,
    });
    const { deadlines } = t.app.kaolu.modules.payments;
    // Before the deadline the tick finds nothing due.
    expect((await deadlines.tick()).enqueued).toEqual([]);
    await closePayment(closing, new Date(Date.now() - 60_000));
    const before = audit.entries.length;
    // Two instances ticking: the first enqueues the sweep, the second sees it queued.
    expect((await deadlines.tick()).enqueued).toEqual([closing]);
    expect((await deadlines.tick()).enqueued).toEqual([]);
    const queued = await t.database.db
      .select()
      .from(job)
      .where(and(eq(job.kind, PAYMENT_DEADLINE_JOB), eq(job.status, 'queued')));
    expect(queued).toHaveLength(1);
    await t.app.kaolu.jobs.drain();
    expect(await statusOf(unpaid.registrationId)).toBe('not_admitted');
    expect(await statusOf(paid.registrationId)).toBe('confirmed');
    const [done] = await t.database.db.select().from(job).where(eq(job.id, queued[0]!.id));
    expect(done).toMatchObject({ status: 'succeeded', progress: 100 });
    // Nothing is left due: further ticks, a second sweep and the manual trigger change nothing.
    expect((await deadlines.tick()).enqueued).toEqual([]);
    expect(await deadlines.expireUnpaid(closing, DEADLINE_SYSTEM_ACTOR)).toEqual({
      notAdmitted: 0,
    });
    const sweeps = audit.entries
      .slice(before)
      .filter((e) => e.action === 'payment.deadline_applied');
    expect(sweeps).toEqual([
      expect.objectContaining({
        actor: { kind: 'system', id: PAYMENT_DEADLINE_JOB },
        targetId: closing,
        details: expect.objectContaining({
          notAdmitted: 1,
          registrationIds: [unpaid.registrationId],
        }),
      }),
    ]);
    const timeline = (
      await t.app.inject({
        method: 'GET',
        url: '/api/candidate/registrations',
        headers: unpaid.headers,
      })
    ).json().items[0].timeline;
    expect(timeline.at(-1)).toMatchObject({
      kind: 'not_admitted',
      message: '缴费截止时仍未缴费，不能参加考试',
    });
  });
});
