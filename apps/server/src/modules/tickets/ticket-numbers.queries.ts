import type { DbOrTx } from '../../db/client';
import { confirmedRegistrationIdsOf } from '../registrations';
import { ticketNumbersOf as ticketNumbersOfRegistrations } from './ticket.queries';

/**
 * Admission ticket numbers 准考证号 of an event by candidate, for the later stages that name
 * candidates by ticket (interview lists, interview-score import, published composites, §7); only
 * confirmed registrations hold a seat, so a cancelled one names nobody.
 */
export async function ticketNumbersOf(
  db: DbOrTx,
  eventId: string,
  candidateIds?: readonly string[],
): Promise<Map<string, string>> {
  const registrations = await confirmedRegistrationIdsOf(db, eventId, candidateIds);
  const numbers = await ticketNumbersOfRegistrations(db, [...registrations.values()]);
  const out = new Map<string, string>();
  for (const [candidateId, registrationId] of registrations) {
    const number = numbers.get(registrationId);
    if (number) out.set(candidateId, number);
  }
  return out;
}
