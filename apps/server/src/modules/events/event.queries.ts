import { inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { rowsOf, type DbOrTx } from '../../db/client';
import { recruitmentEvent } from './event.table';
import type { EventRecord } from './events.repository';

// Read-only queries over events for other modules (NFR-MNT-1): they never read the event table.
// Events are few (tens a year), so a page of rows is joined with its events in memory.

/** Events by id (any order, unknown ids left out), for a page of rows that shows or applies them. */
export async function findEventsByIds(db: DbOrTx, ids: readonly string[]): Promise<EventRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(recruitmentEvent)
    .where(inArray(recruitmentEvent.id, [...new Set(ids)]));
  return rows as EventRecord[];
}

/** Every event's id, name and year, newest year first: pickers choose events by name (NFR-UX-1). */
export async function findEventChoices(
  db: DbOrTx,
): Promise<Array<{ id: string; name: string; year: number }>> {
  return db
    .select({ id: recruitmentEvent.id, name: recruitmentEvent.name, year: recruitmentEvent.year })
    .from(recruitmentEvent)
    .orderBy(sql`${recruitmentEvent.year} desc`, recruitmentEvent.name);
}

/** Events by id as a map, for joining rows with their event in memory. */
export async function eventsByIdOf(
  db: DbOrTx,
  ids: readonly string[],
): Promise<Map<string, EventRecord>> {
  return new Map((await findEventsByIds(db, ids)).map((e) => [e.id, e]));
}

/**
 * The public search version: the newest change of any event (events.touch stamps it when what is
 * published changes). Read on every public position read; a handful of event rows.
 */
export async function readSearchVersion(db: DbOrTx): Promise<string> {
  const [row] = rowsOf<{ version: string | null }>(
    await db.execute(sql`select max(updated_at)::text as version from recruitment_event`),
  );
  return row?.version ?? '';
}

/**
 * An SQL expression: a whole number of the row's event policy at this JSON path, or the fallback
 * when the policy has none (policies saved before the setting existed). For filters that judge each
 * row by its own event's policy inside the paged SQL (the review SLA, NFR-PERF-1).
 */
export function eventPolicyIntOf(
  eventId: AnyPgColumn,
  path: readonly string[],
  fallback: number,
): SQL<number> {
  const jsonPath = sql.raw(`'{${path.join(',')}}'`);
  return sql<number>`coalesce((select (${recruitmentEvent.policy} #>> ${jsonPath})::int from ${recruitmentEvent} where ${recruitmentEvent.id} = ${eventId}), ${sql.raw(String(Math.trunc(fallback)))})`;
}
