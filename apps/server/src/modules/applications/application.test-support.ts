import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { positionApplication } from './application.table';

// Test fixtures of position applications: tests elsewhere (review SLA, event comparison) set states
// the API cannot make, such as an application that has waited 50 hours.

/** Applications written straight to the database. */
export async function insertTestApplications(
  db: DbOrTx,
  rows: Array<typeof positionApplication.$inferInsert>,
): Promise<void> {
  await db.insert(positionApplication).values(rows);
}

/** Moves an application's submission time (how long it has waited in the unit's queue). */
export async function setTestSubmittedAt(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db
    .update(positionApplication)
    .set({ submittedAt: at })
    .where(eq(positionApplication.id, id));
}
