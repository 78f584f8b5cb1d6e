import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import type { DataExchange } from '../data-exchange';
import type { ProfilesService } from '../profiles';
import type { ScoresService } from '../scores';

/**
 * What every use case of the module receives: the service's dependencies with the clock resolved.
 * Kept in a file of its own so the use-case files and the service factory share it without a cycle.
 */
export type ApplicationsContext = {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  exchange: DataExchange;
  profiles: ProfilesService;
  scores: ScoresService;
  now: () => Date;
};
