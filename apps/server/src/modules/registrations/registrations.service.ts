import type { RegistrationStatus } from '@kaolu/contracts';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { DataExchange } from '../data-exchange';
import type { ProfilesService } from '../profiles';
import { createRegistrationCancel } from './registration-cancel';
import { NO_APPEALS, type RegistrationAppeals } from './registration-appeals';
import { RECHECK_JOB, type RegistrationFees } from './registration-context';
import { createRegistrationEligibility } from './registration-eligibility';
import { addTimeline, transitionRegistration } from './registration-status';
import { createRegistrationSubmission } from './registration-submission';
import { createRegistrationVerification } from './registration-verification';

export { RECHECK_JOB, type RegistrationFees } from './registration-context';

/** What the use cases need; `now` is the module clock, replaced in tests. */
export type RegistrationsDeps = {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  jobs: JobRunner;
  exchange: DataExchange;
  profiles: ProfilesService;
  now: () => Date;
};
export type RegistrationsService = ReturnType<typeof createRegistrationsService>;

/**
 * Exam registration 笔试报名 use cases (ONL, §7, NFR-EXC-1), one group per file (NFR-MNT-1):
 * eligibility and precheck, submission with its fee step, the 待核验 recheck, cancellation.
 */
export function createRegistrationsService(deps: RegistrationsDeps) {
  const { jobs } = deps;
  // Installed by payments after both services are built (see RegistrationFees); a missing handler
  // is a wiring bug, so it throws a plain Error rather than an AppError.
  let installedFees: RegistrationFees | undefined;
  const fees = (): RegistrationFees => {
    if (!installedFees)
      throw new Error('no module handles registration fees (the payments module installs them)');
    return installedFees;
  };
  // Appeals are optional: until the problem center installs its query, no appeal is approved.
  let installedAppeals: RegistrationAppeals = NO_APPEALS;
  const appeals = () => installedAppeals;
  const context = { ...deps, fees, appeals };
  const eligibility = createRegistrationEligibility(context);
  const submission = createRegistrationSubmission(context, eligibility);
  const { recheck, recheckPending } = createRegistrationVerification(
    context,
    eligibility,
    submission,
  );
  const { cancel } = createRegistrationCancel(context, eligibility);

  // The job runs the same recheck the service exposes; a thrown error is the job's retry signal.
  jobs.register<{ registrationId: string }>(RECHECK_JOB, async ({ payload }) =>
    recheck(payload.registrationId),
  );

  return {
    precheck: eligibility.precheck,
    register: submission.register,
    recheck,
    recheckPending,
    cancel,
    /** Installs the fee handling (the payments module calls this once, when it is built). */
    useFees(handler: RegistrationFees): void {
      installedFees = handler;
    },
    /** Installs the query of approved appeals (the problems module calls this once, ONL-01). */
    useAppeals(handler: RegistrationAppeals): void {
      installedAppeals = handler;
    },
    /** Moves a registration if it is still in `from`, with its timeline line (guarded; false when it had moved on). */
    transition: (
      tx: DbOrTx,
      registrationId: string,
      from: RegistrationStatus,
      to: RegistrationStatus,
      timeline: { kind: string; message: string },
      extra: { checks?: unknown } = {},
    ) =>
      transitionRegistration(tx, registrationId, from, to, timeline, {
        ...extra,
        at: deps.now(),
      }),
    /** Adds a line to a registration's timeline (what the candidate sees happened, and why). */
    addTimeline,
  };
}
