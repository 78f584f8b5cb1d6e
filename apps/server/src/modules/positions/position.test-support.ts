import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { position } from './position.table';

// Test fixtures of positions: later stages' tests (application, review, scores) write a published
// position through this, not the table, when the brochure workflow is not what they test.

/** The columns a test may set on a position row. */
export type TestPositionValues = typeof position.$inferInsert;

/** A position row written straight to the database, returned as stored. */
export async function insertTestPosition(db: DbOrTx, values: TestPositionValues) {
  const [row] = await db.insert(position).values(values).returning();
  return row!;
}

/** How many position rows exist, in every event (the demo seed's count). */
export async function countTestPositions(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(position);
  return row!.n;
}

/** Changes columns of a position row straight in the database (a brochure detail, a category). */
export async function updateTestPosition(
  db: DbOrTx,
  id: string,
  values: Partial<TestPositionValues>,
): Promise<void> {
  await db.update(position).set(values).where(eq(position.id, id));
}
