import { inArray, or } from 'drizzle-orm';
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

/**
 * Units named by their name or code, as an import sheet names them (IVW-02 examiners' units and
 * declared conflicts): text → summary, for the texts that name a unit.
 */
export async function unitsByNameOrCode(
  db: DbOrTx,
  texts: readonly string[],
): Promise<Map<string, UnitSummary>> {
  const wanted = [...new Set(texts.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: unit.id, code: unit.code, name: unit.name, isPolice: unit.isPolice })
    .from(unit)
    .where(or(inArray(unit.name, wanted), inArray(unit.code, wanted)));
  const found = new Map<string, UnitSummary>();
  for (const r of rows) {
    found.set(r.code, r);
    found.set(r.name, r);
  }
  return found;
}
