import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  adjustmentApplication,
  adjustmentPosition,
  adjustmentProposal,
  adjustmentRound,
} from './adjustment.table';

// Drizzle only: every function takes the db or the caller's transaction.

export type RoundRow = typeof adjustmentRound.$inferSelect;
export type AdjustmentPositionRow = typeof adjustmentPosition.$inferSelect;
export type ApplicationRow = typeof adjustmentApplication.$inferSelect;
export type ProposalRow = typeof adjustmentProposal.$inferSelect;

/** The event's round, locked when asked, so two changes of its state serialise. */
export async function findRound(
  db: DbOrTx,
  eventId: string,
  lock = false,
): Promise<RoundRow | undefined> {
  const query = db.select().from(adjustmentRound).where(eq(adjustmentRound.eventId, eventId));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Creates the round (open) if the event has none yet. */
export async function ensureRound(tx: DbOrTx, eventId: string, now: Date): Promise<void> {
  await tx.insert(adjustmentRound).values({ eventId, createdAt: now }).onConflictDoNothing();
}

/** Moves the round's state (public close, unified proposed / confirmed) in the caller's transaction. */
export async function updateRound(
  tx: DbOrTx,
  eventId: string,
  set: Partial<Omit<RoundRow, 'eventId'>>,
): Promise<void> {
  await tx.update(adjustmentRound).set(set).where(eq(adjustmentRound.eventId, eventId));
}

/** The positions the org opened to the public round, with their places. */
export async function findPublishedPositions(
  db: DbOrTx,
  eventId: string,
): Promise<AdjustmentPositionRow[]> {
  return db.select().from(adjustmentPosition).where(eq(adjustmentPosition.eventId, eventId));
}

/** Publishes a position or changes its places; the position id is unique, so a re-publish updates. */
export async function upsertPublishedPosition(
  tx: DbOrTx,
  row: { eventId: string; positionId: string; unitId: string; places: number },
  now: Date,
): Promise<void> {
  await tx
    .insert(adjustmentPosition)
    .values({ ...row, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: adjustmentPosition.positionId,
      set: { places: row.places, updatedAt: now },
    });
}

/** Takes positions back from the round; the caller has checked nobody applied to them. */
export async function deletePublishedPositions(tx: DbOrTx, ids: string[]): Promise<void> {
  if (ids.length) await tx.delete(adjustmentPosition).where(inArray(adjustmentPosition.id, ids));
}

/** Applications of an event, optionally only those of some statuses. */
export async function findApplications(
  db: DbOrTx,
  eventId: string,
  statuses?: ApplicationRow['status'][],
): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(adjustmentApplication)
    .where(
      and(
        eq(adjustmentApplication.eventId, eventId),
        statuses ? inArray(adjustmentApplication.status, statuses) : undefined,
      ),
    );
}

/** The candidate's application of an event, locked for the change that follows. */
export async function findOwnApplication(
  tx: DbOrTx,
  eventId: string,
  candidateId: string,
  lock = true,
): Promise<ApplicationRow | undefined> {
  const query = tx
    .select()
    .from(adjustmentApplication)
    .where(
      and(
        eq(adjustmentApplication.eventId, eventId),
        eq(adjustmentApplication.candidateId, candidateId),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** One application by id, locked: a decision and a change by the candidate serialise on it. */
export async function findApplicationById(
  tx: DbOrTx,
  id: string,
): Promise<ApplicationRow | undefined> {
  const [row] = await tx
    .select()
    .from(adjustmentApplication)
    .where(eq(adjustmentApplication.id, id))
    .for('update');
  return row;
}

/**
 * Inserts or rewrites the candidate's one application of the event (§7: one at a time). A change
 * clears the earlier decision, so a refused candidate starts afresh at the new position.
 */
export async function saveApplication(
  tx: DbOrTx,
  row: Omit<ApplicationRow, 'id' | 'createdAt' | 'decidedAt' | 'decidedBy'>,
): Promise<string> {
  const [saved] = await tx
    .insert(adjustmentApplication)
    .values({ ...row, createdAt: row.updatedAt })
    .onConflictDoUpdate({
      target: [adjustmentApplication.eventId, adjustmentApplication.candidateId],
      set: {
        adjustmentPositionId: row.adjustmentPositionId,
        positionId: row.positionId,
        unitId: row.unitId,
        status: row.status,
        writtenTotalCenti: row.writtenTotalCenti,
        reason: row.reason,
        decidedAt: sql`null`,
        decidedBy: sql`null`,
        updatedAt: row.updatedAt,
      },
    })
    .returning({ id: adjustmentApplication.id });
  return saved!.id;
}

/** Sets a status (and reason) on one application: a decision, a withdrawal or the close's outcome. */
export async function updateApplication(
  tx: DbOrTx,
  id: string,
  set: Partial<Omit<ApplicationRow, 'id'>>,
): Promise<void> {
  await tx.update(adjustmentApplication).set(set).where(eq(adjustmentApplication.id, id));
}

/** The event's unified proposal: one row per candidate of the pool, placed or not. */
export async function findProposals(db: DbOrTx, eventId: string): Promise<ProposalRow[]> {
  return db.select().from(adjustmentProposal).where(eq(adjustmentProposal.eventId, eventId));
}

/** Replaces the event's proposal with a new one from the engine. */
export async function replaceProposals(
  tx: DbOrTx,
  eventId: string,
  rows: Omit<ProposalRow, 'eventId'>[],
): Promise<void> {
  await tx.delete(adjustmentProposal).where(eq(adjustmentProposal.eventId, eventId));
  // 7 columns × 2 000 rows stays far below PostgreSQL's bind-parameter limit.
  for (let i = 0; i < rows.length; i += 2000)
    await tx
      .insert(adjustmentProposal)
      .values(rows.slice(i, i + 2000).map((r) => ({ ...r, eventId })));
}

/** A hand edit of one candidate's row: his new position (or none), the source and the reason. */
export async function updateProposal(
  tx: DbOrTx,
  eventId: string,
  candidateId: string,
  set: Pick<ProposalRow, 'positionId' | 'source' | 'reasons' | 'updatedAt'>,
): Promise<void> {
  await tx
    .update(adjustmentProposal)
    .set(set)
    .where(
      and(eq(adjustmentProposal.eventId, eventId), eq(adjustmentProposal.candidateId, candidateId)),
    );
}

/** One page of the applications within a reviewer's scope (its SQL condition), newest first. */
export async function findApplicationsWhere(
  db: DbOrTx,
  scope: SQL | undefined,
  filter: { eventId?: string; status?: ApplicationRow['status']; page: number; pageSize: number },
): Promise<{ rows: ApplicationRow[]; total: number }> {
  const where = and(
    scope,
    filter.eventId ? eq(adjustmentApplication.eventId, filter.eventId) : undefined,
    filter.status ? eq(adjustmentApplication.status, filter.status) : undefined,
  );
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(adjustmentApplication)
      .where(where)
      .orderBy(desc(adjustmentApplication.updatedAt), asc(adjustmentApplication.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(adjustmentApplication).where(where),
  ]);
  return { rows, total: totals?.n ?? 0 };
}
