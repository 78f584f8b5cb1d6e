import type { DbOrTx, Tx } from '../../db/client';
import type { AuditActor } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { registrationStatusOf } from '../registrations';
import type { PaymentsContext } from './payment-context';
import type { PaymentNotices } from './payment-notices';
import { findNoticeByRegistration, updateNotice } from './payments.repository';

/** Settling a fee that is no longer owed: a fee waiver (ONL-01) or a cancelled registration. */
export function createPaymentSettlement(
  deps: PaymentsContext,
  notices: Pick<PaymentNotices, 'requestRefund'>,
) {
  const { db, audit, registrations, now } = deps;
  const { transition: transitionRegistration } = registrations;
  const { requestRefund } = notices;

  /**
   * Fee waiver approved (ONL-01) or registration cancelled: an unpaid notice is closed; a paid one
   * gets a refund notice. `waived` keeps the registration (it becomes confirmed without payment).
   */
  async function settleForWaiverOrCancel(
    tx: DbOrTx,
    registrationId: string,
    kind: 'waived' | 'cancelled',
    reason: string,
  ): Promise<'refunded' | 'closed' | 'none'> {
    // Locked like the callback locks it: a confirmation racing the cancel is either refunded here or by the callback.
    const notice = await findNoticeByRegistration(tx, registrationId, true);
    if (!notice) return 'none';
    // A paid notice stays paid: the refund is a notice of its own beside it (退缴费通知书).
    if (notice.status === 'paid' && notice.transactionId) {
      await requestRefund(tx, notice, notice.transactionId, notice.paidCents, reason);
      return 'refunded';
    }
    await updateNotice(tx, notice.id, { status: kind, updatedAt: now() }, [
      'requested',
      'issued',
      'pending_confirmation',
      'expired',
    ]);
    return 'closed';
  }

  /**
   * An approved fee waiver (ONL-01, REG-11) in the caller's transaction (the problem center approves
   * the case and waives the fee together): unpaid → notice closed and registration confirmed; paid →
   * one refund notice (the refund's unique transaction id makes a repeat a no-op).
   */
  async function waiveFeeIn(
    tx: Tx,
    registrationId: string,
    reason: string,
    actor: AuditActor,
  ): Promise<'refunded' | 'closed' | 'none'> {
    // Notice before registration, the order every payment path locks them in (no deadlock with a callback).
    await findNoticeByRegistration(tx, registrationId, true);
    const status = await registrationStatusOf(tx, registrationId, true);
    if (!status) throw new AppError('REGISTRATION.NOT_FOUND');
    const registration = { status };
    const settled = await settleForWaiverOrCancel(
      tx,
      registrationId,
      'waived',
      `报名费减免：${reason}`,
    );
    if (registration.status === 'awaiting_payment' || registration.status === 'not_admitted') {
      await transitionRegistration(tx, registrationId, registration.status, 'confirmed', {
        kind: 'fee_waived',
        message: `报名费已减免（${reason}），报名完成`,
      });
    }
    await audit.record(tx, {
      action: 'payment.waived',
      actor,
      targetType: 'exam_registration',
      targetId: registrationId,
      result: 'success',
      details: { settled },
    });
    return settled;
  }

  /** The same waiver in a transaction of its own. */
  const waiveFee = (registrationId: string, reason: string, actor: AuditActor) =>
    db.transaction((tx) => waiveFeeIn(tx, registrationId, reason, actor));

  return { settleForWaiverOrCancel, waiveFee, waiveFeeIn };
}
