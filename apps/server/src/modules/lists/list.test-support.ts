import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { listEntry } from './list-entry.table';

// Test fixtures of the REG-01 lists: other modules' tests write entries through these, not the table.

/** A list entry written straight to the database (ciphertext and blind index given by the test). */
export async function insertTestListEntry(
  db: DbOrTx,
  values: typeof listEntry.$inferInsert,
): Promise<void> {
  await db.insert(listEntry).values(values);
}

/** Every list entry of every event, as stored (key-rotation tests decrypt them). */
export async function findTestListEntries(
  db: DbOrTx,
): Promise<Array<typeof listEntry.$inferSelect>> {
  return db.select().from(listEntry);
}

/** Removes an event's entries, so a later test of the same event starts without lists. */
export async function deleteTestListEntries(db: DbOrTx, eventId: string): Promise<void> {
  await db.delete(listEntry).where(eq(listEntry.eventId, eventId));
}
