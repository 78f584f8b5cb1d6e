import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { admissionTicket } from './ticket.table';

// Read-only queries over admission tickets for later stages (scores): they never read the table.

/** Ticket numbers of an event's registrations, by registration id (drawn seats only). */
export async function ticketNumbersOfEvent(
  db: DbOrTx,
  eventId: string,
): Promise<Map<string, string>> {
  const rows = await db
    .select({
      registrationId: admissionTicket.registrationId,
      ticket: admissionTicket.ticketNumber,
    })
    .from(admissionTicket)
    .where(eq(admissionTicket.eventId, eventId));
  return new Map(rows.map((r) => [r.registrationId, r.ticket]));
}

/** Ticket numbers of some registrations (a page of rows), by registration id. */
export async function ticketNumbersOf(
  db: DbOrTx,
  registrationIds: readonly string[],
): Promise<Map<string, string>> {
  if (registrationIds.length === 0) return new Map();
  const rows = await db
    .select({
      registrationId: admissionTicket.registrationId,
      ticket: admissionTicket.ticketNumber,
    })
    .from(admissionTicket)
    .where(inArray(admissionTicket.registrationId, [...new Set(registrationIds)]));
  return new Map(rows.map((r) => [r.registrationId, r.ticket]));
}

/**
 * An ORDER BY expression: the ticket number of the row's registration (null without a seat, so
 * last in ascending order), for lists paged in ticket order without joining the ticket table.
 */
export function ticketNumberOf(registrationId: AnyPgColumn): SQL<string | null> {
  return sql<
    string | null
  >`(select ${admissionTicket.ticketNumber} from ${admissionTicket} where ${admissionTicket.registrationId} = ${registrationId})`;
}
