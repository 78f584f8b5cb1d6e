import { boolean, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { recruitmentEvent } from '../events/event.table';
import { unit } from '../units/unit.table';

// External examiners 外派考官 (INT-09a) of a recruitment event: units offer examiners and state how
// many they need in; the org allocates (dispatch engine), adjusts by hand and confirms.

/** An examiner a unit sends out; toUnitId is his allocation (null: not sent). */
export const dispatchExaminer = pgTable('examiner_dispatch_examiner', {
  id: uuid('id').primaryKey().defaultRandom(),
  eventId: uuid('event_id')
    .notNull()
    .references(() => recruitmentEvent.id),
  unitId: uuid('unit_id')
    .notNull()
    .references(() => unit.id),
  nameEnc: text('name_enc').notNull(),
  title: text('title'),
  toUnitId: uuid('to_unit_id').references(() => unit.id),
  // Set when the org moved him by hand after the allocation (the board shows it).
  manual: boolean('manual').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** How many outside examiners a unit needs in for the event. */
export const dispatchNeed = pgTable(
  'examiner_dispatch_need',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    count: integer('count').notNull(),
  },
  (t) => [unique('examiner_dispatch_need_uq').on(t.eventId, t.unitId)],
);

/** The dispatch of one event: open → allocated (may be re-run and adjusted) → confirmed. */
export const dispatchRound = pgTable('examiner_dispatch_round', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => recruitmentEvent.id),
  status: text('status', { enum: ['open', 'allocated', 'confirmed'] })
    .notNull()
    .default('open'),
  allocatedAt: timestamp('allocated_at', { withTimezone: true }),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  confirmedBy: text('confirmed_by'),
});
