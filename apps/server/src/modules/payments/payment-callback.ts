import type { PaymentCallback } from '@kaolu/contracts';
import type { AuditActor } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { verifyPaymentCallback } from '../data-exchange';
import { registrationStatusOf } from '../registrations';
import { yuanOf } from './money';
import type { PaymentsContext } from './payment-context';
import type { PaymentNotices } from './payment-notices';
import { paymentCallback } from './payment.table';
import { paymentDeadlineOf } from './payments-deadline';
import { findNoticeByNumber, updateNotice } from './payments.repository';

// Callbacks come from the finance system, not a person: their audit entries name this actor.
const SYSTEM: AuditActor = { kind: 'system', id: 'payments' };

/** The finance system's signed payment confirmation 缴费确认 (REG-11): kept, refunded or a duplicate. */
export function createPaymentCallback(
  deps: PaymentsContext,
  notices: Pick<PaymentNotices, 'requestRefund'>,
) {
  const { db, crypto, audit, exchange, registrations, now } = deps;
  const { transition: transitionRegistration } = registrations;
  const { requestRefund } = notices;

  /**
   * A signed confirmation from the finance system. Bad signature → refused; a transaction seen
   * before → nothing changes; a second payment, or one after the deadline, → refunded, never kept.
   */
  async function handleCallback(
    body: PaymentCallback,
  ): Promise<{ result: 'accepted' | 'duplicate' | 'refunded' }> {
    const fields = {
      noticeNumber: body.noticeNumber,
      transactionId: body.transactionId,
      amountCents: body.amountCents,
      paidAt: body.paidAt,
    };
    // A forged callback changes nothing, so its audit entry is written outside any transaction.
    if (!verifyPaymentCallback(crypto, exchange.callbackSecret, fields, body.signature)) {
      await audit.record(db, {
        action: 'payment.callback_rejected',
        actor: SYSTEM,
        targetType: 'payment_notice',
        targetId: body.noticeNumber,
        result: 'failure',
        details: { transactionId: body.transactionId },
      });
      throw new AppError('PAYMENT.SIGNATURE_INVALID');
    }
    return db.transaction(async (tx) => {
      // The notice is locked first, as every payment path does, so callbacks, cancels and waivers
      // on one registration run one after the other.
      const notice = await findNoticeByNumber(tx, body.noticeNumber, true);
      if (!notice) throw new AppError('PAYMENT.NOT_FOUND');
      if (body.amountCents !== notice.amountCents)
        throw new AppError('PAYMENT.AMOUNT_MISMATCH', {
          details: { expected: notice.amountCents },
        });
      const paidAt = new Date(body.paidAt);
      // The bank's payment time counts, not the callback's arrival: a payment made in time whose
      // confirmation arrives after the sweep still admits the candidate (not_admitted → confirmed).
      const deadline = (await paymentDeadlineOf(tx, notice.eventId)) ?? notice.dueAt;
      const late = paidAt.getTime() > deadline.getTime();
      // Read after the notice lock: a cancel locks the notice first too, so the two never interleave.
      const status = await registrationStatusOf(tx, notice.registrationId);
      const registration = status ? { status } : undefined;
      const withdrawn = registration?.status === 'cancelled' || registration?.status === 'rejected';
      // Kept only for a payable notice: a paid one means a second payment, a closed one a notice
      // withdrawn or waived; the money then goes back, it is never silently kept.
      const keep =
        !late &&
        !withdrawn &&
        (notice.status === 'issued' ||
          notice.status === 'pending_confirmation' ||
          notice.status === 'expired');
      const outcome = keep ? 'accepted' : 'refunded';
      const inserted = await tx
        .insert(paymentCallback)
        .values({
          transactionId: body.transactionId,
          noticeNumber: body.noticeNumber,
          amountCents: body.amountCents,
          paidAt,
          outcome,
          payload: fields,
        })
        .onConflictDoNothing()
        .returning();
      // A resent callback (same transaction id) is answered duplicate and changes nothing.
      if (inserted.length === 0) return { result: 'duplicate' as const };
      if (!keep) {
        const reason = late
          ? '缴费时间晚于缴费截止时间'
          : notice.status === 'paid'
            ? '同一报名重复缴费'
            : withdrawn
              ? '报名已撤销或未通过审核'
              : '缴费通知书已作废或已减免';
        await requestRefund(tx, notice, body.transactionId, body.amountCents, reason);
        await audit.record(tx, {
          action: 'payment.refunded',
          actor: SYSTEM,
          targetType: 'payment_notice',
          targetId: notice.id,
          result: 'success',
          details: { reason, transactionId: body.transactionId },
        });
        return { result: 'refunded' as const };
      }
      await updateNotice(tx, notice.id, {
        updatedAt: now(),
        status: 'paid',
        paidCents: body.amountCents,
        paidAt,
        transactionId: body.transactionId,
      });
      if (
        registration &&
        (registration.status === 'awaiting_payment' || registration.status === 'not_admitted')
      ) {
        await transitionRegistration(tx, notice.registrationId, registration.status, 'confirmed', {
          kind: 'paid',
          message: `缴费成功（${yuanOf(body.amountCents)} 元），报名完成`,
        });
      }
      await audit.record(tx, {
        action: 'payment.confirmed',
        actor: SYSTEM,
        targetType: 'payment_notice',
        targetId: notice.id,
        result: 'success',
        details: { transactionId: body.transactionId, amountCents: body.amountCents },
      });
      return { result: 'accepted' as const };
    });
  }

  return { handleCallback };
}

export type PaymentCallbackHandler = ReturnType<typeof createPaymentCallback>;
