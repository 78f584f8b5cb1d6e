import { randomUUID } from 'node:crypto';
import type { PaymentCallback, PaymentNotice } from '@kaolu/contracts';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditActor, AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import type { JobRunner } from '../../platform/jobs/job-runner';
import { signPaymentCallback, verifyPaymentCallback, type DataExchange } from '../data-exchange';
import {
  isRegistrationOf,
  registrationStatusOf,
  type RegistrationsService,
} from '../registrations';
import { yuanOf } from './money';
import { createDeadlineSweep, paymentDeadlineOf } from './payments-deadline';
import { paymentCallback, paymentNotice, refundNotice } from './payment.table';
import {
  findNoticeById,
  findNoticeByNumber,
  findNoticeByRegistration,
  findRefundsOf,
  updateNotice,
  type NoticeRow,
} from './payments.repository';

// Calls to the finance system run as jobs after commit: a rollback then never leaves a notice or
// refund issued at finance that kaolu does not know, and a finance outage only delays them.
export const ISSUE_NOTICE_JOB = 'payment.issue-notice';
export const ISSUE_REFUND_JOB = 'payment.issue-refund';

/** `registrations` is the earlier stage: payments moves a registration only through its service. */
export type PaymentsDeps = {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  jobs: JobRunner;
  exchange: DataExchange;
  registrations: RegistrationsService;
  now?: () => Date;
};
export type PaymentsService = ReturnType<typeof createPaymentsService>;
// Callbacks come from the finance system, not a person: their audit entries name this actor.
const SYSTEM: AuditActor = { kind: 'system', id: 'payments' };

/** Payment notices, signed confirmations and refunds (REG-11). */
export function createPaymentsService(deps: PaymentsDeps) {
  const { db, crypto, audit, jobs, exchange, registrations } = deps;
  const { addTimeline, transition: transitionRegistration } = registrations;
  const now = deps.now ?? (() => new Date());
  const deadlines = createDeadlineSweep({ db, audit, jobs, registrations, now });

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
        { status: 'issued', noticeNumber: issued.noticeNumber, payUrl: issued.payUrl },
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
    await updateNotice(db, notice.id, { status: 'pending_confirmation' }, ['issued']);
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

  /** The staff trigger of the deadline sweep (kept beside the automatic job); always audited. */
  async function expireUnpaid(
    eventId: string,
    actor: AuditActor,
  ): Promise<{ notAdmitted: number }> {
    return deadlines.expireUnpaid(eventId, actor, { alwaysAudit: true });
  }

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
    await updateNotice(tx, notice.id, { status: kind }, [
      'requested',
      'issued',
      'pending_confirmation',
      'expired',
    ]);
    return 'closed';
  }

  /** An approved fee waiver (ONL-01): unpaid → notice closed and registration confirmed; paid → refund notice. */
  async function waiveFee(
    registrationId: string,
    reason: string,
    actor: AuditActor,
  ): Promise<'refunded' | 'closed' | 'none'> {
    return db.transaction(async (tx) => {
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
    });
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

  // A thrown finance error makes the job retry with backoff (20 attempts, set at enqueue).
  jobs.register<{ noticeId: string }>(ISSUE_NOTICE_JOB, async ({ payload }) =>
    issueNotice(payload.noticeId),
  );
  jobs.register<{ refundId: string }>(ISSUE_REFUND_JOB, async ({ payload }) =>
    issueRefund(payload.refundId),
  );

  return {
    createNotice,
    issueNotice,
    issueRefund,
    handleCallback,
    startPayment,
    simulatePayment,
    expireUnpaid,
    settleForWaiverOrCancel,
    waiveFee,
    noticeForRegistration,
    deadlines,
  };
}
