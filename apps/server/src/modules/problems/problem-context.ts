import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { FileStore } from '../../platform/files';
import type { MessagesService } from '../messages';
import type { PaymentsService } from '../payments';
import type { ProfilesService } from '../profiles';

/**
 * What every use case of the problem center receives: the platform pieces and the services of the
 * modules whose changes an approved case drives (fee waiver, name change) or that tell the candidate.
 */
export type ProblemsContext = {
  db: Db;
  audit: AuditLog;
  files: FileStore;
  messages: Pick<MessagesService, 'notify'>;
  payments: Pick<PaymentsService, 'waiveFeeIn'>;
  // An approved name change renames through the profiles service (versioned, audited there).
  profiles: Pick<ProfilesService, 'changeName'>;
  now: () => Date;
};
