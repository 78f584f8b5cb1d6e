import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { SmsGateway } from '../../platform/sms';
import { createNoticeEditing } from './notice-editing';
import { createNoticeQueries } from './notice-queries';
import { NOTICE_SMS_JOB, runNoticeSmsJob, type NoticeSmsPayload } from './notice-sms.job';

export type { SmsReport } from './notice-editing';
export type NoticesService = ReturnType<typeof createNoticesService>;

/**
 * Notices (REG-03 interview, REG-04 re-check, announcements): staff edit and publish quickly, every
 * version is kept, and the candidates a published notice names get an SMS when it appears or changes.
 * The SMS go out from a durable job queued in the change's transaction: a rolled-back edit texts
 * nobody, and a notice to thousands of candidates does not hold the request (progress: /api/jobs/:id).
 * Composed of the reads (notice-queries.ts) and the changes (notice-editing.ts).
 */
export function createNoticesService(deps: {
  db: Db;
  audit: AuditLog;
  crypto: CryptoProvider;
  sms: SmsGateway;
  jobs: JobRunner;
  now: () => Date;
}) {
  const { now } = deps;
  // Registered when the service is built, so any instance's worker can run a queued SMS job.
  deps.jobs.register<NoticeSmsPayload>(NOTICE_SMS_JOB, (job) => runNoticeSmsJob(deps, job));
  return {
    ...createNoticeQueries(deps.db),
    ...createNoticeEditing({ db: deps.db, audit: deps.audit, jobs: deps.jobs, now }),
  };
}
