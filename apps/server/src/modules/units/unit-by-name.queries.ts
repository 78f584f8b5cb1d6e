import { inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { unit } from './unit.table';
import type { UnitSummary } from './unit.queries';

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
    .select({
      id: unit.id,
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      parentId: unit.parentId,
      isPolice: unit.isPolice,
    })
    .from(unit)
    .where(or(inArray(unit.name, wanted), inArray(unit.code, wanted)));
  const found = new Map<string, UnitSummary>();
  for (const r of rows) {
    found.set(r.code, r);
    found.set(r.name, r);
  }
  return found;
}
