import type { PhysicalExamItem } from '@kaolu/contracts';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  physicalExamChange,
  physicalExamEntry,
  physicalExamResultHistory,
  physicalExamRound,
} from './physical-exam.table';

// The management side's queries (§7, REG-04, INT-09g); the exchange store has its own repository.

export type EntryRow = typeof physicalExamEntry.$inferSelect;
export type RoundRow = typeof physicalExamRound.$inferSelect;
export type ChangeRow = typeof physicalExamChange.$inferSelect;
export type Outcome = {
  result: 'qualified' | 'unqualified';
  items: PhysicalExamItem[];
  remarks: string;
};

/** Adds the candidates not yet on the event's list; returns how many were added. */
export async function insertEntries(
  tx: DbOrTx,
  rows: Array<Omit<typeof physicalExamEntry.$inferInsert, 'id'>>,
): Promise<number> {
  if (rows.length === 0) return 0;
  const added = await tx
    .insert(physicalExamEntry)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: physicalExamEntry.id });
  return added.length;
}

/** The event's entries by position and rank. */
export async function entriesOf(db: DbOrTx, eventId: string): Promise<EntryRow[]> {
  return db
    .select()
    .from(physicalExamEntry)
    .where(eq(physicalExamEntry.eventId, eventId))
    .orderBy(asc(physicalExamEntry.positionId), asc(physicalExamEntry.rank));
}

/** A candidate's entries (every event), newest first. */
export async function entriesOfCandidate(db: DbOrTx, candidateId: string): Promise<EntryRow[]> {
  return db
    .select()
    .from(physicalExamEntry)
    .where(eq(physicalExamEntry.candidateId, candidateId))
    .orderBy(desc(physicalExamEntry.createdAt));
}

export async function findEntry(db: DbOrTx, id: string, lock = false) {
  const q = db.select().from(physicalExamEntry).where(eq(physicalExamEntry.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function markRecheckRequested(tx: DbOrTx, id: string, at: Date) {
  await tx
    .update(physicalExamEntry)
    .set({ recheckRequestedAt: at })
    .where(eq(physicalExamEntry.id, id));
}

/** The rounds of these entries. */
export async function roundsOf(db: DbOrTx, entryIds: readonly string[]): Promise<RoundRow[]> {
  if (entryIds.length === 0) return [];
  return db
    .select()
    .from(physicalExamRound)
    .where(inArray(physicalExamRound.entryId, [...entryIds]));
}

export async function findRound(db: DbOrTx, id: string, lock = false) {
  const q = db.select().from(physicalExamRound).where(eq(physicalExamRound.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Creates the round or moves its hospital, time and place (only while it has no result). */
export async function upsertRound(
  tx: DbOrTx,
  row: Omit<typeof physicalExamRound.$inferInsert, 'id'>,
): Promise<RoundRow> {
  const [saved] = await tx
    .insert(physicalExamRound)
    .values(row)
    .onConflictDoUpdate({
      target: [physicalExamRound.entryId, physicalExamRound.round],
      set: { hospitalId: row.hospitalId, examAt: row.examAt, place: row.place },
    })
    .returning();
  return saved!;
}

/** Sets a round's result and keeps the value in its history (INT-09g). */
export async function recordOutcome(
  tx: DbOrTx,
  roundId: string,
  outcome: Outcome,
  meta: { at: Date; by: string; source: 'hospital' | 'change_approved'; changeId?: string },
) {
  await tx
    .update(physicalExamRound)
    .set({ ...outcome, resultAt: meta.at })
    .where(eq(physicalExamRound.id, roundId));
  await tx.insert(physicalExamResultHistory).values({
    roundId,
    ...outcome,
    source: meta.source,
    changeId: meta.changeId ?? null,
    recordedBy: meta.by,
  });
}

/** A round's results, oldest first. */
export async function historyOf(db: DbOrTx, roundIds: readonly string[]) {
  if (roundIds.length === 0) return [];
  return db
    .select()
    .from(physicalExamResultHistory)
    .where(inArray(physicalExamResultHistory.roundId, [...roundIds]))
    .orderBy(asc(physicalExamResultHistory.recordedAt));
}

/** Moves a change request in; a submission already moved is left alone (the job may rerun). */
export async function insertChange(
  tx: DbOrTx,
  row: Omit<typeof physicalExamChange.$inferInsert, 'id'>,
): Promise<boolean> {
  const added = await tx
    .insert(physicalExamChange)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: physicalExamChange.id });
  return added.length > 0;
}

/** Change requests, pending first then by time (the org's approval list). */
export async function findChanges(db: DbOrTx, status?: ChangeRow['status']) {
  return db
    .select()
    .from(physicalExamChange)
    .where(status ? eq(physicalExamChange.status, status) : undefined)
    .orderBy(desc(physicalExamChange.requestedAt))
    .limit(500);
}

export async function findChange(db: DbOrTx, id: string, lock = false) {
  const q = db.select().from(physicalExamChange).where(eq(physicalExamChange.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function decideChange(
  tx: DbOrTx,
  id: string,
  decision: { status: 'approved' | 'rejected'; at: Date; by: string; note: string },
) {
  await tx
    .update(physicalExamChange)
    .set({
      status: decision.status,
      decidedAt: decision.at,
      decidedBy: decision.by,
      note: decision.note,
    })
    .where(and(eq(physicalExamChange.id, id), eq(physicalExamChange.status, 'pending')));
}
