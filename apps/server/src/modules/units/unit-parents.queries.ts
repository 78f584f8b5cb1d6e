import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { unit } from './unit.table';

/**
 * The department 上级部门 above each given unit (null for a top-level one), in one query: a grant
 * on a department reaches its units' records, as in the review queue (least privilege, NFR-SEC-1).
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
