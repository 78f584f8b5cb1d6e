import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { examRegistration } from './registration.table';

/**
 * The confirmed registration of each candidate in an event (or of the given candidates), as
 * candidateId → registrationId: how later stages reach a candidate's admission ticket without
 * reading the registration rows themselves.
 */
export async function confirmedRegistrationIdsOf(
  db: DbOrTx,
  eventId: string,
  candidateIds?: readonly string[],
): Promise<Map<string, string>> {
  if (candidateIds?.length === 0) return new Map();
  const rows = await db
    .select({ candidateId: examRegistration.candidateId, id: examRegistration.id })
    .from(examRegistration)
    .where(
      and(
        eq(examRegistration.eventId, eventId),
        eq(examRegistration.status, 'confirmed'),
        candidateIds
          ? inArray(examRegistration.candidateId, [...new Set(candidateIds)])
          : undefined,
      ),
    );
  return new Map(rows.map((r) => [r.candidateId, r.id]));
}
