import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { confirmedRegistrationIdsOf } from '../registrations';
import { admissionTicket } from './ticket.table';

/**
 * The candidate holding each of these ticket numbers in the event (unknown numbers are absent):
 * imports that name candidates by 准考证号 (体测, INT-02) find them here.
 */
export async function ticketHoldersOf(
  db: DbOrTx,
  eventId: string,
  ticketNumbers: readonly string[],
): Promise<Map<string, string>> {
  if (ticketNumbers.length === 0) return new Map();
  const tickets = await db
    .select({
      registrationId: admissionTicket.registrationId,
      ticket: admissionTicket.ticketNumber,
    })
    .from(admissionTicket)
    .where(
      and(
        eq(admissionTicket.eventId, eventId),
        inArray(admissionTicket.ticketNumber, [...new Set(ticketNumbers)]),
      ),
    );
  // Registration → candidate for the event's confirmed registrations, reversed once.
  const candidateOf = new Map(
    [...(await confirmedRegistrationIdsOf(db, eventId))].map(([c, r]) => [r, c]),
  );
  const out = new Map<string, string>();
  for (const t of tickets) {
    const candidateId = candidateOf.get(t.registrationId);
    if (candidateId) out.set(t.ticket, candidateId);
  }
  return out;
}
