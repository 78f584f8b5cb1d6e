import { and, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { compositeResult } from './composite.table';

/**
 * The event comparison's last figure so far (NFR-HIS-1): candidates the current composite
 * computation sends to the physical exam (within the headcount, ties at the last place included).
 */
export async function countPhysicalExamFigures(db: DbOrTx, eventId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(compositeResult)
    .where(and(eq(compositeResult.eventId, eventId), eq(compositeResult.physicalExam, true)));
  return Number(row?.n ?? 0);
}
