import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRecorder, loginAs } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createOpenEvent } from '../registrations/registration.test-support';
import { paymentNotice, refundNotice } from './payment.table';
import { paymentSteps } from './payment-steps.test-support';

describe('payment notices and callbacks (REG-11)', () => {
  let t: TestApp;
  let eventId: string;
  const audit = createAuditRecorder();
  const { registered, signed, callback, statusOf } = paymentSteps(() => ({ t, eventId }));

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
});
