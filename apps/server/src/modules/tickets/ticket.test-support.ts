import type { DbOrTx } from '../../db/client';
import { admissionTicket, examRoom } from './ticket.table';

// Test fixtures of tickets: later stages' tests seat a registration directly (the draw has its own
// tests), so the score import can match the candidate by ticket number.

/** A room of its own and seat 1 in it for the registration, under this ticket number. */
export async function insertTestSeat(
  db: DbOrTx,
  seat: { eventId: string; registrationId: string; roomCode: string; ticketNumber: string },
): Promise<void> {
  const [room] = await db
    .insert(examRoom)
    .values({
      eventId: seat.eventId,
      examCategory: 'any',
      siteName: '考点',
      siteAddress: '上海',
      roomCode: seat.roomCode,
      capacity: 30,
    })
    .returning();
  await db.insert(admissionTicket).values({
    registrationId: seat.registrationId,
    eventId: seat.eventId,
    roomId: room!.id,
    seatNumber: 1,
    ticketNumber: seat.ticketNumber,
  });
}
