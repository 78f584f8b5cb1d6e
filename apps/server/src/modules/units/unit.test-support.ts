import type { DbOrTx } from '../../db/client';
import { unit } from './unit.table';

// Test fixtures of the units module: other modules' tests create units through these, not the table.

/** Unit rows written straight to the database, returned in the order given. */
export async function insertTestUnits(
  db: DbOrTx,
  rows: Array<typeof unit.$inferInsert>,
): Promise<Array<typeof unit.$inferSelect>> {
  return db.insert(unit).values(rows).returning();
}
