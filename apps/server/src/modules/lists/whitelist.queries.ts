import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { listEntry } from './list-entry.table';

/**
 * The whitelist of an event as directed units by ID-number blind index (REG-01, INT-02): read
 * whole once, so adjustment can keep every whitelisted candidate within his unit without a query
 * per candidate.
 */
export async function whitelistUnitsOf(db: DbOrTx, eventId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ bidx: listEntry.idNumberBidx, unitId: listEntry.unitId })
    .from(listEntry)
    .where(and(eq(listEntry.eventId, eventId), eq(listEntry.kind, 'whitelist')));
  // An entry without a unit directs nowhere, so it does not restrict adjustment.
  return new Map(rows.filter((r) => r.unitId).map((r) => [r.bidx, r.unitId!]));
}
