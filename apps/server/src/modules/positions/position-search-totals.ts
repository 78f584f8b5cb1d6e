import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client';
import { recruitmentEvent } from '../events/event.table';

// Bounds for the totals cache: entries live at most a minute and there are at most this many.
const MAX_ENTRIES = 5000;
const TTL_MS = 60_000;

/**
 * Marks an event's published positions as changed by touching the event row; call inside the
 * transaction that publishes or withdraws positions.
 */
export async function bumpSearchVersion(tx: DbOrTx, eventId: string): Promise<void> {
  await tx.update(recruitmentEvent).set({ updatedAt: new Date() }).where(sql`${recruitmentEvent.id} = ${eventId}`);
}

/** The search version: the newest event change, read on every search (a handful of event rows). */
export async function readSearchVersion(db: DbOrTx): Promise<string> {
  const [row] = rowsOf<{ version: string | null }>(await db.execute(sql`select max(updated_at)::text as version from recruitment_event`));
  return row?.version ?? '';
}

/**
 * Totals of the public position search, cached per (search version, filters): counting 20 000
 * positions on every page view is the costliest part of a search, and the totals only change when
 * positions are published. The version comes from the database, so no instance serves a stale total
 * after a publication commits; the TTL bounds any writer that publishes without touching its event.
 */
export function createSearchTotals(now: () => number = Date.now) {
  const cache = new Map<string, { total: number; at: number }>();
  return async (version: string, filterKey: string, count: () => Promise<number>): Promise<number> => {
    const key = `${version}|${filterKey}`;
    const hit = cache.get(key);
    if (hit && now() - hit.at < TTL_MS) return hit.total;
    const total = await count();
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, { total, at: now() });
    return total;
  };
}
