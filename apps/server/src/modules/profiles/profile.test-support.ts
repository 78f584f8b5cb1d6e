import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { candidateProfile } from './profile.table';

// Test fixtures of the 一户一档 profile: key-rotation tests read and overwrite the stored document.

/** The stored profile row of a candidate (document with its sealed secrets), if any. */
export async function findTestProfileRow(db: DbOrTx, candidateId: string) {
  const [row] = await db
    .select()
    .from(candidateProfile)
    .where(eq(candidateProfile.candidateId, candidateId));
  return row;
}

/** Overwrites the stored document, as an instance still on the old key would. */
export async function updateTestProfileDocument(
  db: DbOrTx,
  candidateId: string,
  document: unknown,
): Promise<void> {
  await db
    .update(candidateProfile)
    .set({ document })
    .where(eq(candidateProfile.candidateId, candidateId));
}
