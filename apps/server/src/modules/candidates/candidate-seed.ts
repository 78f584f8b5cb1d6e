import type { DbOrTx } from '../../db/client';
import { candidate } from './candidate.table';

/** A candidate row as the demo seed writes it: ciphertexts and blind indexes already computed. */
export type CandidateSeedRow = typeof candidate.$inferInsert;

/**
 * Bulk insert for the demo seed (no audit: generated people, no person's change). A row whose ID
 * number is already taken is skipped, so re-running a batch changes nothing.
 */
export async function insertSeedCandidates(
  db: DbOrTx,
  rows: readonly CandidateSeedRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(candidate)
    .values([...rows])
    .onConflictDoNothing({ target: candidate.idNumberBidx });
}
