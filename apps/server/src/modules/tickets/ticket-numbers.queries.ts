import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { examRegistration } from '../registrations';
import { admissionTicket } from './ticket.table';

/**
 * Admission ticket numbers 准考证号 of an event by candidate, for the later stages that name
 * candidates by ticket (interview-score import, published composites, §7); only confirmed
 * registrations hold a seat, so a cancelled one names nobody.
 */
export async function ticketNumbersOf(
  db: DbOrTx,
  eventId: string,
  candidateIds?: readonly string[],
): Promise<Map<string, string>> {
  if (candidateIds && candidateIds.length === 0) return new Map();
  const rows = await db
    .select({ candidateId: examRegistration.candidateId, ticket: admissionTicket.ticketNumber })
    .from(admissionTicket)
    .innerJoin(examRegistration, eq(examRegistration.id, admissionTicket.registrationId))
    .where(
      and(
        eq(admissionTicket.eventId, eventId),
        eq(examRegistration.status, 'confirmed'),
        candidateIds
          ? inArray(examRegistration.candidateId, [...new Set(candidateIds)])
          : undefined,
      ),
    );
  return new Map(rows.map((r) => [r.candidateId, r.ticket]));
}
