import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { admissionTicket } from './ticket.table';

/**
 * The ticket numbers 准考证号 of an event by registration id: the later stages show a candidate
 * by ticket number and masked name, never by an internal id (§7 lists and adjustment).
 */
export async function ticketNumbersOf(db: DbOrTx, eventId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({
      registrationId: admissionTicket.registrationId,
      number: admissionTicket.ticketNumber,
    })
    .from(admissionTicket)
    .where(eq(admissionTicket.eventId, eventId));
  return new Map(rows.map((r) => [r.registrationId, r.number]));
}
