import type { ApplicationStatus } from '@kaolu/contracts';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import { applicationTimeline, positionApplication } from './application.table';

/** Allowed status changes (§7): change only before review, approved is locked, rejected is final. */
export const APPLICATION_TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  // Withdrawn is reached only by a change of position, which submits a new application row.
  submitted: ['approved', 'rejected', 'returned', 'withdrawn'],
  // 退回补充: the candidate's supplement puts it back in the unit's queue.
  returned: ['submitted'],
  approved: [],
  rejected: [],
  withdrawn: [],
};

/** Throws APPLICATION.INVALID_TRANSITION unless `from → to` is in the table. */
export function assertApplicationTransition(from: ApplicationStatus, to: ApplicationStatus): void {
  if (!APPLICATION_TRANSITIONS[from].includes(to))
    throw new AppError('APPLICATION.INVALID_TRANSITION', { details: { from, to } });
}

/** Adds one timeline line in the caller's transaction. */
export async function addApplicationTimeline(
  tx: DbOrTx,
  entry: {
    applicationId: string;
    kind: string;
    message: string;
    fromStatus?: ApplicationStatus | null;
    toStatus?: ApplicationStatus | null;
  },
): Promise<void> {
  await tx
    .insert(applicationTimeline)
    .values({ ...entry, fromStatus: entry.fromStatus ?? null, toStatus: entry.toStatus ?? null });
}

/**
 * Moves an application from `from` to `to` only if it is still in `from` (a guarded update, so a
 * change and a review cannot both win) and writes the timeline. Answers false when it had moved on.
 */
export async function transitionApplication(
  tx: DbOrTx,
  id: string,
  from: ApplicationStatus,
  to: ApplicationStatus,
  timeline: { kind: string; message: string },
  // updatedAt is the caller's clock reading (the injected clock), stamped on the moved row.
  set: Partial<typeof positionApplication.$inferInsert> & { updatedAt: Date },
): Promise<boolean> {
  // A move outside the table is a bug in the caller, so it throws before touching the row.
  assertApplicationTransition(from, to);
  const rows = await tx
    .update(positionApplication)
    .set({ ...set, status: to })
    .where(and(eq(positionApplication.id, id), eq(positionApplication.status, from)))
    .returning({ id: positionApplication.id });
  if (rows.length === 0) return false;
  await addApplicationTimeline(tx, {
    applicationId: id,
    ...timeline,
    fromStatus: from,
    toStatus: to,
  });
  return true;
}
