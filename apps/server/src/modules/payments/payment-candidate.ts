import { randomUUID } from 'node:crypto';
import type { PaymentNotice } from '@kaolu/contracts';
import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors/app-error';
import { signPaymentCallback } from '../data-exchange';
import { isRegistrationOf } from '../registrations';
import { yuanOf } from './money';
import type { PaymentCallbackHandler } from './payment-callback';
import type { PaymentsContext } from './payment-context';
import { paymentNotice } from './payment.table';
import { paymentDeadlineOf } from './payments-deadline';
import {
  findNoticeById,
  findNoticeByRegistration,
  findRefundsOf,
  updateNotice,
  type NoticeRow,
} from './payments.repository';

/** The candidate's side of payment: his notice, the payment page, and 模拟支付 where it exists. */
export function createPaymentCandidate(deps: PaymentsContext, callback: PaymentCallbackHandler) {
  const { db, crypto, exchange, now } = deps;
  const { handleCallback } = callback;

  /** The candidate opens the payment page: the notice shows 缴费确认中 until the callback arrives. */
  async function startPayment(
    candidateId: string,
    noticeId: string,
  ): Promise<{ payUrl: string; simulated: boolean; notice: PaymentNotice }> {
    const notice = await ownNotice(candidateId, noticeId);
    const deadline = (await paymentDeadlineOf(db, notice.eventId)) ?? notice.dueAt;
    if (
      !notice.payUrl ||
      !['issued', 'pending_confirmation'].includes(notice.status) ||
      now() >= deadline
    )
      throw new AppError('PAYMENT.NOT_PAYABLE');
    // Guarded on 'issued', so opening the page again does not touch a notice already waiting.
    await updateNotice(db, notice.id, { status: 'pending_confirmation', updatedAt: now() }, [
      'issued',
    ]);
    // `simulated` tells the page whether 模拟支付 exists, i.e. whether the simulate route is registered.
    const simulated = simulatePayment !== undefined;
    return {
      payUrl: notice.payUrl,
      simulated,
      notice: await presentNotice((await findNoticeById(db, notice.id))!),
    };
  }

  /**
   * Only while the finance simulator is the provider (development, tests, or production that named
   * `finance` in ALLOW_SIMULATORS): the simulator "pays" and sends the signed callback, as the bank would.
   * Absent otherwise, so the route is not registered at all and a candidate cannot mark his own fee paid.
   */
  const simulatePayment = exchange.simulators.finance
    ? async (candidateId: string, noticeId: string) => {
        const notice = await ownNotice(candidateId, noticeId);
        if (!notice.noticeNumber) throw new AppError('PAYMENT.NOT_PAYABLE');
        const fields = {
          noticeNumber: notice.noticeNumber,
          transactionId: `SIM${randomUUID().replaceAll('-', '').slice(0, 20)}`,
          amountCents: notice.amountCents,
          paidAt: now().toISOString(),
        };
        return handleCallback({
          ...fields,
          signature: signPaymentCallback(crypto, exchange.callbackSecret, fields),
        });
      }
    : undefined;

  /** The candidate's own notice; another candidate's id answers not found, never forbidden. */
  async function ownNotice(candidateId: string, noticeId: string): Promise<NoticeRow> {
    const [notice] = await db.select().from(paymentNotice).where(eq(paymentNotice.id, noticeId));
    if (!notice || !(await isRegistrationOf(db, notice.registrationId, candidateId)))
      throw new AppError('PAYMENT.NOT_FOUND');
    return notice;
  }

  /** A notice as the candidate sees it, in yuan, with its refunds (开具中 until numbered). */
  async function presentNotice(notice: NoticeRow): Promise<PaymentNotice> {
    const refunds = await findRefundsOf(db, [notice.id]);
    return {
      id: notice.id,
      registrationId: notice.registrationId,
      noticeNumber: notice.noticeNumber,
      amountYuan: yuanOf(notice.amountCents),
      payerName: notice.payerName,
      // The deadline in force, should staff have moved it after the notice was issued.
      dueAt: ((await paymentDeadlineOf(db, notice.eventId)) ?? notice.dueAt).toISOString(),
      status: notice.status,
      paidAt: notice.paidAt?.toISOString() ?? null,
      refunds: refunds.map((r) => ({
        refundNumber: r.refundNumber ?? '开具中',
        amountYuan: yuanOf(r.amountCents),
        reason: r.reason,
        status: r.status,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  }

  /** The notice of one of the candidate's registrations, or PAYMENT.NOT_FOUND. */
  async function noticeForRegistration(
    candidateId: string,
    registrationId: string,
  ): Promise<PaymentNotice> {
    const notice = await findNoticeByRegistration(db, registrationId);
    if (!notice) throw new AppError('PAYMENT.NOT_FOUND');
    return presentNotice(await ownNotice(candidateId, notice.id));
  }

  return { startPayment, simulatePayment, noticeForRegistration };
}
