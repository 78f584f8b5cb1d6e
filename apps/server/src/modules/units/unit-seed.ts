import type { DbOrTx } from '../../db/client';
import { unit } from './unit.table';

/** A unit row as the demo seed writes it (contact already sealed to the row id). */
export type UnitSeedRow = typeof unit.$inferInsert;

/** Bulk insert for the demo seed (no audit: generated data); returns each row's code and id. */
export async function insertSeedUnits(
  tx: DbOrTx,
  rows: readonly UnitSeedRow[],
): Promise<Array<{ id: string; code: string }>> {
  if (rows.length === 0) return [];
  return tx
    .insert(unit)
    .values([...rows])
    .returning({ id: unit.id, code: unit.code });
}
