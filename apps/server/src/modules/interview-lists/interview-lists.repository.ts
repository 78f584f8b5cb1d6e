import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { ComputedEntry, ComputedPosition } from './list-computation';
import { interviewListEntry, interviewListPosition } from './interview-list.table';

// Rows per INSERT: far below PostgreSQL's 65 535 bind parameters (9 columns × 5 000).
const BATCH = 5_000;

/** A computed position with its unit's name and department, copied for search and scope. */
export type ListedPosition = ComputedPosition & { unitName: string; unitParentId: string | null };

/** Replaces the event's first-round entries and position figures with a new computation. */
export async function replaceFirstLists(
  tx: DbOrTx,
  eventId: string,
  computed: { positions: ListedPosition[]; entries: ComputedEntry[] },
  now: Date,
): Promise<void> {
  await tx
    .delete(interviewListEntry)
    .where(and(eq(interviewListEntry.eventId, eventId), eq(interviewListEntry.round, 'first')));
  for (let i = 0; i < computed.entries.length; i += BATCH) {
    const rows = computed.entries.slice(i, i + BATCH).map((e) => ({
      ...e,
      eventId,
      round: 'first' as const,
      createdAt: now,
      updatedAt: now,
    }));
    await tx.insert(interviewListEntry).values(rows);
  }
  for (let i = 0; i < computed.positions.length; i += BATCH) {
    const rows = computed.positions.slice(i, i + BATCH).map((p) => ({
      ...p,
      eventId,
      status: 'draft' as const,
      computedAt: now,
    }));
    // A recomputation raises the version and returns a confirmed list to draft.
    await tx
      .insert(interviewListPosition)
      .values(rows)
      .onConflictDoUpdate({
        target: interviewListPosition.positionId,
        set: {
          unitId: sql`excluded.unit_id`,
          unitParentId: sql`excluded.unit_parent_id`,
          positionCode: sql`excluded.position_code`,
          positionTitle: sql`excluded.position_title`,
          unitName: sql`excluded.unit_name`,
          headcount: sql`excluded.headcount`,
          ratioCenti: sql`excluded.ratio_centi`,
          quota: sql`excluded.quota`,
          passLineCenti: sql`excluded.pass_line_centi`,
          lineCenti: sql`excluded.line_centi`,
          tiedBeyondQuota: sql`excluded.tied_beyond_quota`,
          listed: sql`excluded.listed`,
          shortfall: sql`excluded.shortfall`,
          status: sql`'draft'`,
          version: sql`${interviewListPosition.version} + 1`,
          computedAt: sql`excluded.computed_at`,
          confirmedAt: sql`null`,
          confirmedBy: sql`null`,
        },
      });
  }
}

/** A placement made by adjustment: the candidate enters the position's list in that round. */
export type AdjustedPlacement = {
  candidateId: string;
  positionId: string;
  round: 'public' | 'unified';
  writtenTotalCenti: number;
  reason: string;
};

/** Inserts adjustment entries and moves each position's listed / shortfall figures with them. */
export async function insertPlacements(
  tx: DbOrTx,
  eventId: string,
  placements: readonly AdjustedPlacement[],
  now: Date,
): Promise<void> {
  if (placements.length === 0) return;
  await tx.insert(interviewListEntry).values(
    placements.map((p) => ({
      ...p,
      eventId,
      status: 'listed' as const,
      rank: null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const perPosition = new Map<string, number>();
  for (const p of placements)
    perPosition.set(p.positionId, (perPosition.get(p.positionId) ?? 0) + 1);
  for (const [positionId, n] of perPosition) {
    await tx
      .update(interviewListPosition)
      .set({
        listed: sql`${interviewListPosition.listed} + ${n}`,
        shortfall: sql`greatest(0, ${interviewListPosition.shortfall} - ${n})`,
        version: sql`${interviewListPosition.version} + 1`,
      })
      .where(eq(interviewListPosition.positionId, positionId));
  }
}
