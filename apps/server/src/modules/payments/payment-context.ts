import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { DataExchange } from '../data-exchange';
import type { RegistrationsService } from '../registrations';

/**
 * What every use case of the module receives: the service's dependencies with the clock resolved.
 * Its own file, so use cases and the service share it without a cycle.
 */
export type PaymentsContext = {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  jobs: JobRunner;
  exchange: DataExchange;
  registrations: RegistrationsService;
  now: () => Date;
};
