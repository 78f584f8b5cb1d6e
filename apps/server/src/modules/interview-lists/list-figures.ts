import { and, countDistinct, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { interviewListEntry } from './interview-list.table';

/**
 * The event comparison's after-review figure (NFR-HIS-1): candidates on an interview list, first
 * round and adjustment together (one person counts once whichever round placed him).
 */
export async function countListedFigures(db: DbOrTx, eventId: string): Promise<number> {
  const [row] = await db
    .select({ n: countDistinct(interviewListEntry.candidateId) })
    .from(interviewListEntry)
    .where(and(eq(interviewListEntry.eventId, eventId), eq(interviewListEntry.status, 'listed')));
  return Number(row?.n ?? 0);
}
