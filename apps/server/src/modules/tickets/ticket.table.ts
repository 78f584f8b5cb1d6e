import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { recruitmentEvent } from '../events/event.table';
import { examRegistration } from '../registrations/registration.table';

/** An exam room at a site, for one exam category of an event. */
export const examRoom = pgTable(
  'exam_room',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    examCategory: text('exam_category').notNull(),
    siteName: text('site_name').notNull(),
    siteAddress: text('site_address').notNull(),
    roomCode: text('room_code').notNull(),
    capacity: integer('capacity').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A room code is unique within its site, so two rooms cannot claim the same door.
    unique('exam_room_event_site_room_uq').on(t.eventId, t.siteName, t.roomCode),
    index('exam_room_event_idx').on(t.eventId),
  ],
);

/** The recorded seat draw of an event: seed, algorithm and input digest, so anyone can replay it. */
export const seatDraw = pgTable('seat_draw', {
  id: uuid('id').primaryKey().defaultRandom(),
  // One draw per event: re-drawing would let someone pick a favourable seed.
  eventId: uuid('event_id')
    .notNull()
    .unique()
    .references(() => recruitmentEvent.id),
  seed: text('seed').notNull(),
  algorithm: text('algorithm').notNull(),
  inputDigest: text('input_digest').notNull(),
  summary: jsonb('summary').notNull(),
  // Staff username, or the actor kind for a system draw.
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An admission ticket 准考证: the seat assigned to a confirmed registration. */
export const admissionTicket = pgTable(
  'admission_ticket',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // One seat per registration.
    registrationId: uuid('registration_id')
      .notNull()
      .unique()
      .references(() => examRegistration.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    roomId: uuid('room_id')
      .notNull()
      .references(() => examRoom.id),
    seatNumber: integer('seat_number').notNull(),
    // Unique across all events, so a ticket number alone names one candidate's seat.
    ticketNumber: text('ticket_number').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // No two candidates on one seat, whatever the plan says.
    unique('admission_ticket_room_seat_uq').on(t.roomId, t.seatNumber),
    index('admission_ticket_event_idx').on(t.eventId),
  ],
);
