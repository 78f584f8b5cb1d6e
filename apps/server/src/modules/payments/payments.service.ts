import type { Db } from '../../db/client';
import type { AuditActor, AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { DataExchange } from '../data-exchange';
import type { RegistrationsService } from '../registrations';
import { createPaymentCallback } from './payment-callback';
import { createPaymentCandidate } from './payment-candidate';
import { createPaymentNotices, ISSUE_NOTICE_JOB, ISSUE_REFUND_JOB } from './payment-notices';
import { createPaymentSettlement } from './payment-settlement';
import { createDeadlineSweep } from './payments-deadline';

export { ISSUE_NOTICE_JOB, ISSUE_REFUND_JOB } from './payment-notices';

/** `registrations` is the earlier stage: payments moves a registration only through its service. */
export type PaymentsDeps = {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  jobs: JobRunner;
  exchange: DataExchange;
  registrations: RegistrationsService;
  now: () => Date;
};
export type PaymentsService = ReturnType<typeof createPaymentsService>;

/**
 * Payment notices, signed confirmations and refunds (REG-11), one group of use cases per file
 * (NFR-MNT-1): notices and refunds at finance, the callback, the candidate's side, settlement of
 * waived or cancelled fees, and the deadline sweep.
 */
export function createPaymentsService(deps: PaymentsDeps) {
  const { db, audit, jobs, registrations } = deps;
  const { now } = deps;
  const context = deps;
  const deadlines = createDeadlineSweep({ db, audit, jobs, registrations, now });
  const notices = createPaymentNotices(context);
  const callback = createPaymentCallback(context, notices);
  const candidate = createPaymentCandidate(context, callback);
  const settlement = createPaymentSettlement(context, notices);

  /** The staff trigger of the deadline sweep (kept beside the automatic job); always audited. */
  async function expireUnpaid(
    eventId: string,
    actor: AuditActor,
  ): Promise<{ notAdmitted: number }> {
    return deadlines.expireUnpaid(eventId, actor, { alwaysAudit: true });
  }

  // A thrown finance error makes the job retry with backoff (20 attempts, set at enqueue).
  jobs.register<{ noticeId: string }>(ISSUE_NOTICE_JOB, async ({ payload }) =>
    notices.issueNotice(payload.noticeId),
  );
  jobs.register<{ refundId: string }>(ISSUE_REFUND_JOB, async ({ payload }) =>
    notices.issueRefund(payload.refundId),
  );

  return {
    createNotice: notices.createNotice,
    issueNotice: notices.issueNotice,
    issueRefund: notices.issueRefund,
    handleCallback: callback.handleCallback,
    startPayment: candidate.startPayment,
    simulatePayment: candidate.simulatePayment,
    expireUnpaid,
    settleForWaiverOrCancel: settlement.settleForWaiverOrCancel,
    waiveFee: settlement.waiveFee,
    waiveFeeIn: settlement.waiveFeeIn,
    noticeForRegistration: candidate.noticeForRegistration,
    deadlines,
  };
}
