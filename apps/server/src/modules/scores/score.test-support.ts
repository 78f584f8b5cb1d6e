import type { DbOrTx } from '../../db/client';
import { passLine, writtenScore } from './scores.table';

// Test fixtures of written scores: the event comparison's tests write results directly (the import
// has its own tests).

/** Pass lines written straight to the database. */
export async function insertTestPassLines(
  db: DbOrTx,
  rows: Array<typeof passLine.$inferInsert>,
): Promise<void> {
  await db.insert(passLine).values(rows);
}

/** Written scores written straight to the database. */
export async function insertTestScores(
  db: DbOrTx,
  rows: Array<typeof writtenScore.$inferInsert>,
): Promise<void> {
  await db.insert(writtenScore).values(rows);
}
