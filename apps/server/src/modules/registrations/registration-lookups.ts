import type { RegistrationStatus } from '@kaolu/contracts';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { examRegistration } from './registration.table';

// Read-only look-ups for the later stages (tickets, scores, applications): they read registrations
// through these, never the table (NFR-MNT-1).

/** What the later stages need of a registration. */
export type RegistrationSummary = {
  id: string;
  candidateId: string;
  eventId: string;
  examCategory: string;
  status: RegistrationStatus;
};

const summary = {
  id: examRegistration.id,
  candidateId: examRegistration.candidateId,
  eventId: examRegistration.eventId,
  examCategory: examRegistration.examCategory,
  status: examRegistration.status,
};

/**
 * The event's confirmed registrations (who sits the exam), in the database's own order: the seat
 * draw's input order, which its recorded seed replays.
 */
export async function findConfirmedRegistrations(
  db: DbOrTx,
  eventId: string,
): Promise<RegistrationSummary[]> {
  const rows = await db
    .select(summary)
    .from(examRegistration)
    .where(and(eq(examRegistration.eventId, eventId), eq(examRegistration.status, 'confirmed')));
  return rows as RegistrationSummary[];
}

/** One registration, or undefined. */
export async function findRegistrationSummary(
  db: DbOrTx,
  id: string,
): Promise<RegistrationSummary | undefined> {
  const [row] = await db.select(summary).from(examRegistration).where(eq(examRegistration.id, id));
  return row as RegistrationSummary | undefined;
}

/** The candidate's confirmed registration in the event (with its frozen profile), or undefined. */
export async function findConfirmedRegistrationOf(
  db: DbOrTx,
  eventId: string,
  candidateId: string,
) {
  const [row] = await db
    .select()
    .from(examRegistration)
    .where(
      and(
        eq(examRegistration.eventId, eventId),
        eq(examRegistration.candidateId, candidateId),
        eq(examRegistration.status, 'confirmed'),
      ),
    );
  return row;
}
