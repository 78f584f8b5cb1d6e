import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { compositeResult, compositeRun } from './composite.table';

/** One candidate of an event's published physical-exam list 体检名单 (§7). */
export type PublishedPhysicalExamRow = {
  candidateId: string;
  positionId: string;
  unitId: string;
  rank: number | null;
};

/**
 * The published physical-exam list of an event (§7): the candidates the composite marked for the
 * physical exam, by position and rank; null while the composite is not published, since an
 * unpublished ranking may still change.
 */
export async function findPublishedPhysicalExamList(
  db: DbOrTx,
  eventId: string,
): Promise<PublishedPhysicalExamRow[] | null> {
  const [run] = await db
    .select({ publishedAt: compositeRun.publishedAt })
    .from(compositeRun)
    .where(and(eq(compositeRun.eventId, eventId), isNotNull(compositeRun.publishedAt)));
  if (!run) return null;
  return db
    .select({
      candidateId: compositeResult.candidateId,
      positionId: compositeResult.positionId,
      unitId: compositeResult.unitId,
      rank: compositeResult.rank,
    })
    .from(compositeResult)
    .where(and(eq(compositeResult.eventId, eventId), eq(compositeResult.physicalExam, true)))
    .orderBy(asc(compositeResult.positionId), asc(compositeResult.rank));
}
