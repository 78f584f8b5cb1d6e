import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { unit } from './unit.table';

/** What other modules show or decide by about a unit: its name, and whether it is police (INT-07). */
export type UnitSummary = { id: string; code: string; name: string; isPolice: boolean };

/** The summaries of the given units, in one query, by id. */
export async function unitSummariesOf(
  db: DbOrTx,
  ids: readonly string[],
): Promise<Map<string, UnitSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: unit.id, code: unit.code, name: unit.name, isPolice: unit.isPolice })
    .from(unit)
    .where(inArray(unit.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
