import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { candidate } from './candidate.table';

// Test fixtures of the candidate record: tests elsewhere write rows through these, never the table,
// for states the API cannot make (a ciphertext bound to another row, a session without password).

/** A candidate row written straight to the database (ciphertexts and blind indexes given). */
export async function insertTestCandidate(
  db: DbOrTx,
  values: typeof candidate.$inferInsert,
): Promise<void> {
  await db.insert(candidate).values(values);
}

/** Overwrites some columns of a candidate row, bypassing the service (key-rotation tests). */
export async function updateTestCandidate(
  db: DbOrTx,
  id: string,
  values: Partial<typeof candidate.$inferInsert>,
): Promise<void> {
  await db.update(candidate).set(values).where(eq(candidate.id, id));
}

/** How many candidate rows exist (the demo seed's count). */
export async function countTestCandidates(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(candidate);
  return row!.n;
}

/** Some candidate rows as stored, ciphertexts included (the demo seed's encryption check). */
export async function findTestCandidates(
  db: DbOrTx,
  limit: number,
): Promise<Array<typeof candidate.$inferSelect>> {
  return db.select().from(candidate).limit(limit);
}
