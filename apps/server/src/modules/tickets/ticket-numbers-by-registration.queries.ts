import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { admissionTicket } from './ticket.table';

/**
 * The ticket numbers 准考证号 of an event (or of some of its registrations) by registration id:
 * the later stages show a candidate by ticket number and masked name, never by an internal id
 * (§7 lists and adjustment).
 */
export async function ticketNumbersByRegistrationOf(
  db: DbOrTx,
  eventId: string,
  registrationIds?: readonly string[],
): Promise<Map<string, string>> {
  if (registrationIds?.length === 0) return new Map();
  const rows = await db
    .select({
      registrationId: admissionTicket.registrationId,
      number: admissionTicket.ticketNumber,
    })
    .from(admissionTicket)
    .where(
      and(
        eq(admissionTicket.eventId, eventId),
        registrationIds ? inArray(admissionTicket.registrationId, [...registrationIds]) : undefined,
      ),
    );
  return new Map(rows.map((r) => [r.registrationId, r.number]));
}
