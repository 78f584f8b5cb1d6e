import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { writtenScore } from './scores.table';
import type { WrittenResultRow } from './written-results.queries';

/**
 * The written results of some candidates of an event (§7 adjustment: a candidate's own page reads
 * his result, not the whole event's, NFR-PERF-1). Same rows as writtenResultsOf, filtered.
 */
export async function writtenResultsOfCandidates(
  db: DbOrTx,
  eventId: string,
  candidateIds: readonly string[],
): Promise<WrittenResultRow[]> {
  if (candidateIds.length === 0) return [];
  return db
    .select({
      candidateId: writtenScore.candidateId,
      examCategory: writtenScore.examCategory,
      majorType: writtenScore.majorType,
      totalCenti: writtenScore.totalCenti,
    })
    .from(writtenScore)
    .where(
      and(eq(writtenScore.eventId, eventId), inArray(writtenScore.candidateId, [...candidateIds])),
    );
}
