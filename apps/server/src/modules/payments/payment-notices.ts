import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { yuanOf } from './money';
import type { PaymentsContext } from './payment-context';
import { paymentNotice, refundNotice } from './payment.table';
import { findNoticeById, updateNotice, type NoticeRow } from './payments.repository';

// Calls to the finance system run as jobs after commit: a rollback then never leaves a notice or
// refund issued at finance that kaolu does not know, and a finance outage only delays them.
export const ISSUE_NOTICE_JOB = 'payment.issue-notice';
export const ISSUE_REFUND_JOB = 'payment.issue-refund';

/**
 * Payment notices 缴费通知书 and refund notices 退缴费通知书 (REG-11): written in the caller's
 * transaction, then issued at the finance system by the jobs above.
 */
export function createPaymentNotices(deps: PaymentsContext) {
  const { db, jobs, exchange, registrations, now } = deps;
  const { addTimeline } = registrations;

  /** Creates the notice inside the registration's transaction; the finance call happens after commit. */
  async function createNotice(
    tx: DbOrTx,
    input: {
      registrationId: string;
      eventId: string;
      amountCents: number;
      payerName: string;
      dueAt: Date;
    },
  ) {
    const [row] = await tx
      .insert(paymentNotice)
      .values({ ...input, status: 'requested' })
      .returning();
    await jobs.enqueue(ISSUE_NOTICE_JOB, { noticeId: row!.id }, { maxAttempts: 20 }, tx);
    return row!;
  }

  /** Asks the finance system for the notice; idempotent (only a 'requested' notice is issued). */
  async function issueNotice(noticeId: string): Promise<void> {
    const notice = await findNoticeById(db, noticeId);
    if (!notice || notice.status !== 'requested') return;
    // The notice id is the reference, so a retried call after a lost answer names the same notice.
    const issued = await exchange.finance.issueNotice({
      reference: notice.id,
      payerName: notice.payerName,
      amountCents: notice.amountCents,
      dueAt: notice.dueAt.toISOString(),
      item: '公务员考试报名费',
    });
    await db.transaction(async (tx) => {
      const rows = await updateNotice(
        tx,
        notice.id,
        {
          status: 'issued',
          noticeNumber: issued.noticeNumber,
          payUrl: issued.payUrl,
          updatedAt: now(),
        },
        ['requested'],
      );
      // Closed (cancelled, waived, expired) while finance answered: keep its status, add no line.
      if (rows.length === 0) return;
      await addTimeline(tx, {
        registrationId: notice.registrationId,
        kind: 'payment_notice_issued',
        message: `缴费通知书已开具：编号 ${issued.noticeNumber}，金额 ${yuanOf(notice.amountCents)} 元，请在截止时间前缴费`,
      });
    });
  }

  /** Issues a refund notice once per payment (unique transaction id), then tells the finance system. */
  async function requestRefund(
    tx: DbOrTx,
    notice: Pick<NoticeRow, 'id' | 'registrationId'>,
    transactionId: string,
    amountCents: number,
    reason: string,
  ) {
    const rows = await tx
      .insert(refundNotice)
      .values({ paymentNoticeId: notice.id, transactionId, amountCents, reason, status: 'issued' })
      .onConflictDoNothing()
      .returning();
    // The payment already has its refund (a repeated cancel, or the callback and a cancel both
    // refunding it): the unique transaction id makes the second a no-op, so nobody is paid twice.
    if (rows.length === 0) return;
    await addTimeline(tx, {
      registrationId: notice.registrationId,
      kind: 'refund_issued',
      message: `退缴费通知书已开具：退还 ${yuanOf(amountCents)} 元，原因：${reason}`,
    });
    await jobs.enqueue(ISSUE_REFUND_JOB, { refundId: rows[0]!.id }, { maxAttempts: 20 }, tx);
  }

  /** Asks the finance system for the refund; idempotent (a refund with its number is done). */
  async function issueRefund(refundId: string): Promise<void> {
    const [refund] = await db.select().from(refundNotice).where(eq(refundNotice.id, refundId));
    if (!refund || refund.refundNumber) return;
    const notice = await findNoticeById(db, refund.paymentNoticeId);
    const { refundNumber } = await exchange.finance.issueRefund({
      reference: refund.id,
      noticeNumber: notice?.noticeNumber ?? '',
      transactionId: refund.transactionId,
      amountCents: refund.amountCents,
      reason: refund.reason,
    });
    await db.update(refundNotice).set({ refundNumber }).where(eq(refundNotice.id, refund.id));
  }

  return { createNotice, issueNotice, requestRefund, issueRefund };
}

export type PaymentNotices = ReturnType<typeof createPaymentNotices>;
