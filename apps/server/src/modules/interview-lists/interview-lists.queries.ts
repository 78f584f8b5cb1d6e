import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  interviewListEntry,
  interviewListPosition,
  physicalTestResult,
  type LIST_ENTRY_STATUSES,
  type LIST_ROUNDS,
} from './interview-list.table';

// Read-only queries other modules call through index.ts: adjustment reads the shortfalls and who
// is already listed; composite scores read the final lists (INT-02, §7).

export type ListRound = (typeof LIST_ROUNDS)[number];
export type ListEntryStatus = (typeof LIST_ENTRY_STATUSES)[number];

/** One position's list figures as stored. */
export type PositionListFigures = typeof interviewListPosition.$inferSelect;

/** A candidate's outcome on one list, as stored. */
export type ListEntryRow = typeof interviewListEntry.$inferSelect;

/** Every position list of an event (in no particular order). */
export async function positionListsOf(db: DbOrTx, eventId: string): Promise<PositionListFigures[]> {
  return db.select().from(interviewListPosition).where(eq(interviewListPosition.eventId, eventId));
}

/** Positions whose list is confirmed or published and still short of its quota (adjustment, §7). */
export async function shortPositionsOf(
  db: DbOrTx,
  eventId: string,
): Promise<PositionListFigures[]> {
  return db
    .select()
    .from(interviewListPosition)
    .where(
      and(
        eq(interviewListPosition.eventId, eventId),
        sql`${interviewListPosition.status} in ('confirmed', 'published')`,
        sql`${interviewListPosition.shortfall} > 0`,
      ),
    );
}

/** The entries of an event, optionally of one position, round or status. */
export async function listEntriesOf(
  db: DbOrTx,
  eventId: string,
  filter: { positionId?: string; round?: ListRound; status?: ListEntryStatus } = {},
): Promise<ListEntryRow[]> {
  return db
    .select()
    .from(interviewListEntry)
    .where(
      and(
        eq(interviewListEntry.eventId, eventId),
        filter.positionId ? eq(interviewListEntry.positionId, filter.positionId) : undefined,
        filter.round ? eq(interviewListEntry.round, filter.round) : undefined,
        filter.status ? eq(interviewListEntry.status, filter.status) : undefined,
      ),
    );
}

/** Who is listed in the first round: they take no part in adjustment (§7). */
export async function firstListCandidateIds(db: DbOrTx, eventId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: interviewListEntry.candidateId })
    .from(interviewListEntry)
    .where(
      and(
        eq(interviewListEntry.eventId, eventId),
        eq(interviewListEntry.round, 'first'),
        eq(interviewListEntry.status, 'listed'),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** Candidates of the event who failed the 体测 (INT-02). */
export async function physicalTestFailuresOf(db: DbOrTx, eventId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: physicalTestResult.candidateId })
    .from(physicalTestResult)
    .where(and(eq(physicalTestResult.eventId, eventId), eq(physicalTestResult.passed, false)));
  return new Set(rows.map((r) => r.id));
}
