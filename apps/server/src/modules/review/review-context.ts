import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import type { EducationRecords } from '../data-exchange';
import type { MessagesService } from '../messages';
import type { ScoresService } from '../scores';

/**
 * What every use case of the module receives: the service's dependencies with the clock resolved.
 * Its own file, so use cases and the service share it without a cycle.
 */
export type ReviewContext = {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  messages: MessagesService;
  scores: ScoresService;
  education: EducationRecords;
  now: () => Date;
};
