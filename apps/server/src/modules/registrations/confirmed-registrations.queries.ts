import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { examRegistration } from './registration.table';

/** A confirmed exam registration as adjustment reads it: category, subject and frozen profile. */
export type ConfirmedRegistration = {
  registrationId: string;
  candidateId: string;
  examCategory: string;
  subjectCode: string | null;
  /** The profile frozen at registration: the one the position conditions are judged on (§7). */
  profileSnapshot: unknown;
};

/**
 * Every confirmed registration of an event, or of some candidates (adjustment §7: same category
 * and professional subject, conditions judged on the frozen profile).
 */
export async function confirmedRegistrationsOf(
  db: DbOrTx,
  eventId: string,
  candidateIds?: readonly string[],
): Promise<ConfirmedRegistration[]> {
  if (candidateIds?.length === 0) return [];
  return db
    .select({
      registrationId: examRegistration.id,
      candidateId: examRegistration.candidateId,
      examCategory: examRegistration.examCategory,
      subjectCode: examRegistration.subjectCode,
      profileSnapshot: examRegistration.profileSnapshot,
    })
    .from(examRegistration)
    .where(
      and(
        eq(examRegistration.eventId, eventId),
        eq(examRegistration.status, 'confirmed'),
        candidateIds ? inArray(examRegistration.candidateId, [...candidateIds]) : undefined,
      ),
    );
}
