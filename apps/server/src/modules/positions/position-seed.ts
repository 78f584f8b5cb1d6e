import type { DbOrTx } from '../../db/client';
import { position } from './position.table';

/** A position row as the demo seed writes it. */
export type PositionSeedRow = typeof position.$inferInsert;

/** Bulk insert for the demo seed (no audit: generated data, in the seed's transaction). */
export async function insertSeedPositions(
  tx: DbOrTx,
  rows: readonly PositionSeedRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(position).values([...rows]);
}
