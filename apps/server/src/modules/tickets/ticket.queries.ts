import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { examRegistration } from '../registrations';
import { admissionTicket } from './ticket.table';

// Read-only queries over admission tickets for other modules (NFR-MNT-1): they never read the table.

/**
 * The ticket number 准考证号 of every candidate of an event who holds one, by candidate id: the
 * interview system imports its candidates from the published interview lists with them (IVW-02).
 */
export async function ticketNumbersOf(db: DbOrTx, eventId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({
      candidateId: examRegistration.candidateId,
      ticketNumber: admissionTicket.ticketNumber,
    })
    .from(admissionTicket)
    .innerJoin(examRegistration, eq(examRegistration.id, admissionTicket.registrationId))
    .where(eq(admissionTicket.eventId, eventId));
  return new Map(rows.map((r) => [r.candidateId, r.ticketNumber]));
}
