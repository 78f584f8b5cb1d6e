import type { Db, DbOrTx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { findEventById, type EventRecord } from '../events';
import type { MessagesService } from '../messages';

/**
 * What every use case of the module receives. Its own file, so use cases and the service share it
 * without a cycle.
 */
export type ScoresContext = {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  messages: MessagesService;
  /** The platform clock: import and pass-line times. */
  now: () => Date;
};

/** The event or EVENT.NOT_FOUND; its policy names the categories and their subjects. */
export async function loadScoresEvent(db: DbOrTx, eventId: string): Promise<EventRecord> {
  const event = await findEventById(db, eventId);
  if (!event) throw new AppError('EVENT.NOT_FOUND');
  return event;
}
