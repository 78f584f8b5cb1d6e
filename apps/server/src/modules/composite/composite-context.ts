import type { Db, DbOrTx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import type { MessagesService } from '../messages';
import type { CompositeInputs } from './composite-inputs';
import { findRun } from './composite.repository';

/** What every composite use case is built from (NFR-MNT-1: one group of use cases per file). */
export type CompositeDeps = {
  db: Db;
  audit: AuditLog;
  // Candidates are told when their composite is published (portal message and SMS, §7).
  messages: Pick<MessagesService, 'notify'>;
  now: () => Date;
};

/** The name a run or a history entry records for the person (or system) that made it. */
export function actorName(ctx: ChangeContext): string {
  const a = ctx.actor;
  return a.kind === 'staff'
    ? a.username
    : a.kind === 'anonymous'
      ? 'anonymous'
      : `${a.kind}:${a.id}`;
}

/**
 * Scores may come in and composites be computed only once every interview list is confirmed (the
 * candidates are settled) and until the composite is published (candidates have read it, §7).
 */
export async function assertScoresOpen(tx: DbOrTx, inputs: CompositeInputs): Promise<void> {
  if (!inputs.listsConfirmed) throw new AppError('COMPOSITE.LISTS_NOT_CONFIRMED');
  const run = await findRun(tx, inputs.event.id, true);
  if (run?.publishedAt) throw new AppError('COMPOSITE.ALREADY_PUBLISHED');
}
