import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { candidatePhoto } from './profile.table';

/**
 * The registered photo 报名照片 of a candidate, for the interview check-in desk to compare with the
 * person in front of it (IVW-05); undefined when none is on file. Read-only.
 */
export async function findCandidatePhoto(
  db: DbOrTx,
  candidateId: string,
): Promise<Buffer | undefined> {
  const [row] = await db
    .select({ content: candidatePhoto.content })
    .from(candidatePhoto)
    .where(eq(candidatePhoto.candidateId, candidateId));
  return row?.content;
}

/** Whether a candidate has a registered photo, without reading its bytes (IVW-05). */
export async function hasCandidatePhoto(db: DbOrTx, candidateId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: candidatePhoto.candidateId })
    .from(candidatePhoto)
    .where(eq(candidatePhoto.candidateId, candidateId));
  return row !== undefined;
}
