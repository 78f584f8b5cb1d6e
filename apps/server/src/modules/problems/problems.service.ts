import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import { createFileStore } from '../../platform/files';
import type { SmsGateway } from '../../platform/sms';
import { createProblemCandidate } from './problem-candidate';
import type { ProblemsContext } from './problem-context';
import { createSlaReminders } from './problem-sla';
import { createProblemStaff } from './problem-staff';
import { findApprovedAppeals } from './problems.repository';

export type ProblemsDeps = Omit<ProblemsContext, 'files' | 'now'> & {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  // Staff are texted when a case's deadline nears (ONL-01 SLA reminders).
  sms: SmsGateway;
  now?: () => Date;
};
export type ProblemsService = ReturnType<typeof createProblemsService>;

/**
 * The problem center 报名问题处理中心 (ONL-01), one group of use cases per file (NFR-MNT-1): the
 * candidate's cases and the staff queue with decisions and their effects. Evidence goes to the
 * platform's encrypted file store, exactly as profile materials do.
 */
export function createProblemsService(deps: ProblemsDeps) {
  // One context for both sides, with the file store built on the same database and crypto.
  const context: ProblemsContext = {
    ...deps,
    files: createFileStore({ db: deps.db, crypto: deps.crypto }),
    now: deps.now ?? (() => new Date()),
  };
  return {
    db: deps.db,
    candidate: createProblemCandidate(context),
    staff: createProblemStaff(context),
    slaReminders: createSlaReminders({ ...context, crypto: deps.crypto, sms: deps.sms }),
    /** The approved appeals the registration checks consult (installed with registrations.useAppeals). */
    approvedAppeals: findApprovedAppeals,
  };
}
