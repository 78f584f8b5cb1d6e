import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { unit } from './unit.table';

/**
 * The department above each of these units (null at the top), so a module can keep the reach of a
 * department's staff over its units' records the way review does (NFR-SEC-1 least privilege).
 */
export async function unitParentsOf(
  db: DbOrTx,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: unit.id, parentId: unit.parentId })
    .from(unit)
    .where(inArray(unit.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.parentId]));
}
