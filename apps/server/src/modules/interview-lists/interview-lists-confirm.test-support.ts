import { eq } from 'drizzle-orm';
import type { KaoluApp } from '../../app';
import { interviewListPosition } from './interview-list.table';

/**
 * Marks every list of an event confirmed, as the org's confirmation would, for the tests of the
 * stages that start from confirmed lists (composite scores); the confirmation route and its own
 * tests belong to the interview-lists use cases.
 */
export async function confirmListsDirectly(app: KaoluApp, eventId: string): Promise<void> {
  await app.kaolu.database.db
    .update(interviewListPosition)
    .set({ status: 'confirmed', confirmedAt: new Date(), confirmedBy: 'test' })
    .where(eq(interviewListPosition.eventId, eventId));
}
