import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { ComputedEntry, ComputedPosition } from './list-computation';
import { interviewListEntry, interviewListPosition } from './interview-list.table';

// Position rows per INSERT: below PostgreSQL's 65 535 bind parameters (19 columns × 2 000).
const BATCH = 2_000;
// Entry rows per INSERT … SELECT FROM unnest: seven array parameters whatever the count, so the
// batch is bounded only by memory; 100 000 rows keep each statement's arrays at a few megabytes.
const BULK = 100_000;

/**
 * Inserts first-round entries as typed arrays unnested in SQL (NFR-PERF-1): a national event writes
 * millions of rows, and one statement per 100 000 rows costs a fraction of multi-row VALUES.
 */
async function insertFirstEntries(
  tx: DbOrTx,
  eventId: string,
  entries: readonly ComputedEntry[],
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < entries.length; i += BULK) {
    const part = entries.slice(i, i + BULK);
    const column = <T>(pick: (e: ComputedEntry) => T) => sql.param(part.map(pick));
    await tx.execute(sql`
      insert into interview_list_entry (event_id, position_id, candidate_id, application_id, round,
        status, written_total_centi, rank, reason, created_at, updated_at)
      select ${eventId}::uuid, u.position_id, u.candidate_id, u.application_id, 'first', u.status,
        u.total, u.rank, u.reason, ${at}::timestamptz, ${at}::timestamptz
      from unnest(${column((e) => e.positionId)}::uuid[], ${column((e) => e.candidateId)}::uuid[],
        ${column((e) => e.applicationId)}::uuid[], ${column((e) => e.status)}::text[],
        ${column((e) => e.writtenTotalCenti)}::int[], ${column((e) => e.rank)}::int[],
        ${column((e) => e.reason)}::text[])
        as u(position_id, candidate_id, application_id, status, total, rank, reason)`);
  }
}

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
  await insertFirstEntries(tx, eventId, computed.entries, now);
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
