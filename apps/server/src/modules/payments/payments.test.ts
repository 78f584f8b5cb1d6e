import type { StageWindow } from '@kaolu/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPaymentCallback } from '../data-exchange';
import { findEventById } from '../events';
import { updateTestEvent } from '../events/events.test-support';
import { createAuditRecorder, loginAs } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import {
  createCandidate,
  createOpenEvent,
  prepareCandidate,
  findTestRegistrationsOf,
} from '../registrations/registration.test-support';
import { registrationStatusOf } from '../registrations';
import { job } from '../../platform/jobs/job.table';
import { paymentCallback, paymentNotice, refundNotice } from './payment.table';
import { DEADLINE_SYSTEM_ACTOR, PAYMENT_DEADLINE_JOB } from './payments-deadline';

describe('payment notices and callbacks (REG-11)', () => {
  let t: TestApp;
  let eventId: string;
  const audit = createAuditRecorder();

  /** A registered candidate with an issued notice. */
  async function registered(inEvent = eventId) {
    const c = await createCandidate(t.app);
    await prepareCandidate(t.app, c.headers);
    t.app.kaolu.exchange.simulators.city!.setPerson(c.idNumber, {
      hukou: { shanghaiHukou: true, district: '黄浦区' },
    });
    const reg = (
      await t.app.inject({
        method: 'POST',
        url: '/api/candidate/registrations',
        headers: c.headers,
        payload: { eventId: inEvent, examCategory: 'comprehensive' },
      })
    ).json();
    await t.app.kaolu.jobs.drain();
    const notice = (
      await t.app.inject({
        method: 'GET',
        url: `/api/candidate/registrations/${reg.id}/payment`,
        headers: c.headers,
      })
    ).json();
    return { ...c, registrationId: reg.id as string, notice };
  }
  const signed = (fields: {
    noticeNumber: string;
    transactionId: string;
    amountCents: number;
    paidAt: string;
  }) => ({
    ...fields,
    signature: signPaymentCallback(t.app.kaolu.crypto, t.app.kaolu.exchange.callbackSecret, fields),
  });
  const callback = (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/payments/callback', payload });
  /** Ends the event's payment window at `at`, as staff moving the deadline would. */
  async function closePayment(id: string, at: Date) {
    const event = await findEventById(t.database.db, id);
    const schedule = (event!.schedule as StageWindow[]).map((w) =>
      w.stage === 'payment' ? { ...w, endsAt: at.toISOString() } : w,
    );
    await updateTestEvent(t.database.db, id, { schedule });
  }
  const statusOf = async (id: string) => (await registrationStatusOf(t.database.db, id))!;

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    eventId = (await createOpenEvent(t.app)).id;
  });
  afterAll(() => t.close());

  it('refuses a callback whose signature does not match, and changes nothing', async () => {
    const r = await registered();
    const body = signed({
      noticeNumber: r.notice.noticeNumber,
      transactionId: 'T-FORGED-1',
      amountCents: 5000,
      paidAt: new Date().toISOString(),
    });
    const res = await callback({ ...body, amountCents: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('PAYMENT.SIGNATURE_INVALID');
    expect(await statusOf(r.registrationId)).toBe('awaiting_payment');
    expect(audit.actions()).toContain('payment.callback_rejected');
  });

  it('shows 缴费确认中 (never unpaid) while the confirmation is pending, then confirms once for the same callback twice', async () => {
    const r = await registered();
    const started = await t.app.inject({
      method: 'POST',
      url: `/api/candidate/payments/${r.notice.id}/start`,
      headers: r.headers,
    });
    expect(started.json().notice.status).toBe('pending_confirmation');
    const body = signed({
      noticeNumber: r.notice.noticeNumber,
      transactionId: 'T-100',
      amountCents: 5000,
      paidAt: new Date().toISOString(),
    });
    expect((await callback(body)).json()).toEqual({ result: 'accepted' });
    expect((await callback(body)).json()).toEqual({ result: 'duplicate' });
    expect(await statusOf(r.registrationId)).toBe('confirmed');
    const [notice] = await t.database.db
      .select()
      .from(paymentNotice)
      .where(eq(paymentNotice.id, r.notice.id));
    expect(notice).toMatchObject({ status: 'paid', paidCents: 5000, transactionId: 'T-100' });
    expect(
      await t.database.db
        .select()
        .from(refundNotice)
        .where(eq(refundNotice.paymentNoticeId, r.notice.id)),
    ).toHaveLength(0);
  });

  it('never charges twice: a second payment for the same notice is refunded', async () => {
    const r = await registered();
    const at = new Date().toISOString();
    await callback(
      signed({
        noticeNumber: r.notice.noticeNumber,
        transactionId: 'T-200',
        amountCents: 5000,
        paidAt: at,
      }),
    );
    expect(
      (
        await callback(
          signed({
            noticeNumber: r.notice.noticeNumber,
            transactionId: 'T-201',
            amountCents: 5000,
            paidAt: at,
          }),
        )
      ).json(),
    ).toEqual({ result: 'refunded' });
    await t.app.kaolu.jobs.drain();
    const view = (
      await t.app.inject({
        method: 'GET',
        url: `/api/candidate/registrations/${r.registrationId}/payment`,
        headers: r.headers,
      })
    ).json();
    expect(view.status).toBe('paid');
    expect(view.refunds).toEqual([
      expect.objectContaining({
        amountYuan: '50.00',
        reason: '同一报名重复缴费',
        refundNumber: expect.stringMatching(/^TF\d{16}$/),
      }),
    ]);
  });

  it('refuses an amount that differs from the notice', async () => {
    const r = await registered();
    const res = await callback(
      signed({
        noticeNumber: r.notice.noticeNumber,
        transactionId: 'T-300',
        amountCents: 4000,
        paidAt: new Date().toISOString(),
      }),
    );
    expect(res.json().error.code).toBe('PAYMENT.AMOUNT_MISMATCH');
    expect(await statusOf(r.registrationId)).toBe('awaiting_payment');
  });

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

  it('issues a refund notice when the fee is waived after payment, and closes an unpaid notice', async () => {
    const paid = await registered();
    await t.app.inject({
      method: 'POST',
      url: `/api/candidate/payments/${paid.notice.id}/simulate`,
      headers: paid.headers,
    });
    const unpaid = await registered();
    // The problem center approves waivers (ONL-01) and calls this service in its transaction.
    const admin = await loginAs(t.app, 'org_admin');
    const waive = (id: string) =>
      t.app.kaolu.modules.payments.waiveFee(id, '城乡低保家庭', {
        kind: 'staff',
        id: admin.userId,
        username: admin.username,
      });
    expect(await waive(paid.registrationId)).toBe('refunded');
    expect(await waive(unpaid.registrationId)).toBe('closed');
    expect(await statusOf(unpaid.registrationId)).toBe('confirmed');
    const refunds = await t.database.db
      .select()
      .from(refundNotice)
      .where(eq(refundNotice.paymentNoticeId, paid.notice.id));
    expect(refunds).toEqual([
      expect.objectContaining({ amountCents: 5000, reason: '报名费减免：城乡低保家庭' }),
    ]);
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

  it('refunds a paid fee when the registration is cancelled, and charges a re-registration only once more', async () => {
    const r = await registered();
    await t.app.inject({
      method: 'POST',
      url: `/api/candidate/payments/${r.notice.id}/simulate`,
      headers: r.headers,
    });
    expect(await statusOf(r.registrationId)).toBe('confirmed');
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/candidate/registrations/${r.registrationId}/cancel`,
      headers: r.headers,
    });
    expect(cancelled.statusCode).toBe(200);
    const refunds = await t.database.db
      .select()
      .from(refundNotice)
      .where(eq(refundNotice.paymentNoticeId, r.notice.id));
    expect(refunds).toEqual([
      expect.objectContaining({ amountCents: 5000, reason: '考生撤销报名' }),
    ]);

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/registrations',
      headers: r.headers,
      payload: { eventId, examCategory: 'comprehensive' },
    });
    expect(again.statusCode).toBe(200);
    const newId = again.json().id as string;
    expect(newId).not.toBe(r.registrationId);
    await t.app.kaolu.jobs.drain();
    const second = (
      await t.app.inject({
        method: 'GET',
        url: `/api/candidate/registrations/${newId}/payment`,
        headers: r.headers,
      })
    ).json();
    expect(second).toMatchObject({ status: 'issued', amountYuan: '50.00' });
    expect(second.noticeNumber).not.toBe(r.notice.noticeNumber);
    await t.app.inject({
      method: 'POST',
      url: `/api/candidate/payments/${second.id}/simulate`,
      headers: r.headers,
    });
    expect(await statusOf(newId)).toBe('confirmed');
    // A late bank confirmation for the old notice is refunded, never kept.
    const stray = await callback(
      signed({
        noticeNumber: r.notice.noticeNumber,
        transactionId: 'T-500',
        amountCents: 5000,
        paidAt: new Date().toISOString(),
      }),
    );
    expect(stray.json()).toEqual({ result: 'refunded' });

    // Across both registrations the candidate paid three times and got two back: one fee kept.
    const registrations = await findTestRegistrationsOf(t.database.db, r.candidateId);
    const notices = await t.database.db
      .select()
      .from(paymentNotice)
      .where(
        inArray(
          paymentNotice.registrationId,
          registrations.map((x) => x.id),
        ),
      );
    const calls = await t.database.db
      .select()
      .from(paymentCallback)
      .where(
        inArray(
          paymentCallback.noticeNumber,
          notices.map((n) => n.noticeNumber!),
        ),
      );
    const back = await t.database.db
      .select()
      .from(refundNotice)
      .where(
        inArray(
          refundNotice.paymentNoticeId,
          notices.map((n) => n.id),
        ),
      );
    const net =
      calls.reduce((s, c) => s + c.amountCents, 0) - back.reduce((s, c) => s + c.amountCents, 0);
    expect(net).toBe(5000);
  });

  it('refunds a payment confirmed after its unpaid registration was cancelled', async () => {
    const r = await registered();
    await t.app.inject({
      method: 'POST',
      url: `/api/candidate/payments/${r.notice.id}/start`,
      headers: r.headers,
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/candidate/registrations/${r.registrationId}/cancel`,
      headers: r.headers,
    });
    const [closed] = await t.database.db
      .select()
      .from(paymentNotice)
      .where(eq(paymentNotice.id, r.notice.id));
    expect(closed!.status).toBe('cancelled');
    const late = await callback(
      signed({
        noticeNumber: r.notice.noticeNumber,
        transactionId: 'T-600',
        amountCents: 5000,
        paidAt: new Date().toISOString(),
      }),
    );
    expect(late.json()).toEqual({ result: 'refunded' });
    expect(await statusOf(r.registrationId)).toBe('cancelled');
  });

  it('never keeps the fee of a registration cancelled while the bank confirmation arrives, and never deadlocks', async () => {
    for (let n = 0; n < 4; n += 1) {
      const r = await registered();
      const body = signed({
        noticeNumber: r.notice.noticeNumber,
        transactionId: `T-RACE-${n}`,
        amountCents: 5000,
        paidAt: new Date().toISOString(),
      });
      const [cancel, paid] = await Promise.all([
        t.app.inject({
          method: 'POST',
          url: `/api/candidate/registrations/${r.registrationId}/cancel`,
          headers: r.headers,
        }),
        callback(body),
      ]);
      expect([cancel.statusCode, paid.statusCode]).not.toContain(500);
      const refunds = await t.database.db
        .select()
        .from(refundNotice)
        .where(eq(refundNotice.transactionId, `T-RACE-${n}`));
      // Either the cancel won (the payment is refunded) or the payment did (confirmed; the cancel may be retried).
      if ((await statusOf(r.registrationId)) === 'cancelled') expect(refunds).toHaveLength(1);
      else expect([await statusOf(r.registrationId), refunds.length]).toEqual(['confirmed', 0]);
    }
  });

  it('lists expected, paid and refunded amounts for finance and exports them to Excel', async () => {
    const admin = await loginAs(t.app, 'org_admin');
    const page = (
      await t.app.inject({
        method: 'GET',
        url: `/api/admin/payments/reconciliation?eventId=${eventId}&pageSize=100`,
        headers: admin.headers,
      })
    ).json();
    const rows = page.items as Array<{
      paidYuan: string;
      refundedYuan: string;
      expectedYuan: string;
    }>;
    const sum = (key: 'paidYuan' | 'refundedYuan' | 'expectedYuan') =>
      rows.reduce((s, r) => s + Math.round(Number(r[key]) * 100), 0);
    expect(page.totals.notices).toBe(rows.length);
    expect(Math.round(Number(page.totals.paidYuan) * 100)).toBe(sum('paidYuan'));
    expect(Math.round(Number(page.totals.refundedYuan) * 100)).toBe(sum('refundedYuan'));
    expect(sum('refundedYuan')).toBeGreaterThanOrEqual(15_000);
    expect(JSON.stringify(page)).not.toContain('王小明');
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/admin/payments/reconciliation/export?eventId=${eventId}`,
      headers: admin.headers,
    });
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(rows.length + 1);
    expect(audit.actions()).toContain('payment.exported');
    const unit = await loginAs(t.app, 'unit_user');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/admin/payments/reconciliation?eventId=${eventId}`,
          headers: unit.headers,
        })
      ).statusCode,
    ).toBe(403);
  });
});
