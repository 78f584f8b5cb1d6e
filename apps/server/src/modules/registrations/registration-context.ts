import type { Db, Tx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { DataExchange } from '../data-exchange';
import type { ProfilesService } from '../profiles';
import type { RegistrationAppeals } from './registration-appeals';

// The job that asks the city platform again for a 待核验 registration (NFR-EXC-1).
export const RECHECK_JOB = 'registration.recheck';

/**
 * The fee of a registration (REG-11), offered by the payments module. Payment follows registration,
 * so payments depends on registrations and installs these with `useFees` when it is built; both run
 * inside the registration's transaction.
 */
export type RegistrationFees = {
  /** Issues the payment notice; false when the fee is zero (no notice, the registration is confirmed). */
  issueNotice(
    tx: Tx,
    input: {
      registrationId: string;
      eventId: string;
      amountYuan: number;
      payerName: string;
      dueAt: Date;
    },
  ): Promise<boolean>;
  /** Closes the unpaid notice or refunds the paid one of a cancelled registration. */
  settleOnCancel(
    tx: Tx,
    registrationId: string,
    reason: string,
  ): Promise<'refunded' | 'closed' | 'none'>;
};

/**
 * What every use case of the module receives: the service's dependencies with the clock resolved
 * and `fees`, the installed fee handling. Its own file, so use cases and the service share it
 * without a cycle.
 */
export type RegistrationsContext = {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  jobs: JobRunner;
  exchange: DataExchange;
  profiles: ProfilesService;
  now: () => Date;
  fees: () => RegistrationFees;
  /** Approved problem-center appeals (ONL-01), installed by the problems module. */
  appeals: () => RegistrationAppeals;
};
