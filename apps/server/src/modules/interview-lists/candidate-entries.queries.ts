import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { interviewListEntry } from './interview-list.table';
import type { ListEntryRow } from './interview-lists.queries';

/**
 * The list entries of some candidates of an event, every round and status (§7 adjustment: is he
 * on a first list, was he placed already) — for one candidate's page without reading the event.
 */
export async function listEntriesOfCandidates(
  db: DbOrTx,
  eventId: string,
  candidateIds: readonly string[],
): Promise<ListEntryRow[]> {
  if (candidateIds.length === 0) return [];
  return db
    .select()
    .from(interviewListEntry)
    .where(
      and(
        eq(interviewListEntry.eventId, eventId),
        inArray(interviewListEntry.candidateId, [...candidateIds]),
      ),
    );
}
