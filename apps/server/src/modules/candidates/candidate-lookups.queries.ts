import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { candidate } from './candidate.table';

/**
 * The candidate id behind each of these ID-number blind indexes (NFR-SEC-2), in one query: imports
 * that name candidates by 身份证号 (体测, INT-02) resolve a whole sheet without a query per row.
 */
export async function candidateIdsByIdNumberBidx(
  db: DbOrTx,
  blindIndexes: readonly string[],
): Promise<Map<string, string>> {
  if (blindIndexes.length === 0) return new Map();
  const rows = await db
    .select({ id: candidate.id, bidx: candidate.idNumberBidx })
    .from(candidate)
    .where(inArray(candidate.idNumberBidx, [...new Set(blindIndexes)]));
  return new Map(rows.map((r) => [r.bidx, r.id]));
}
