import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { examRegistration } from '../registrations';
import { admissionTicket } from './ticket.table';

// Read-only look-ups between candidates and their admission tickets 准考证 in one event, for lists
// that show candidates by ticket number (interview lists, INT-02 §7) and imports that name them.

/** The candidate holding each of these ticket numbers in the event (unknown numbers are absent). */
export async function ticketHoldersOf(
  db: DbOrTx,
  eventId: string,
  ticketNumbers: readonly string[],
): Promise<Map<string, string>> {
  if (ticketNumbers.length === 0) return new Map();
  const rows = await db
    .select({ candidateId: examRegistration.candidateId, ticket: admissionTicket.ticketNumber })
    .from(admissionTicket)
    .innerJoin(examRegistration, eq(examRegistration.id, admissionTicket.registrationId))
    .where(
      and(
        eq(admissionTicket.eventId, eventId),
        inArray(admissionTicket.ticketNumber, [...new Set(ticketNumbers)]),
      ),
    );
  return new Map(rows.map((r) => [r.ticket, r.candidateId]));
}
