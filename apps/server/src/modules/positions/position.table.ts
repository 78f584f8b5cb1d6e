import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { recruitmentEvent } from '../events/event.table';
import { unit } from '../units/unit.table';

/** A position 职位 of an event's brochure 简章, filled by its unit. */
export const position = pgTable(
  'position',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').notNull().references(() => recruitmentEvent.id),
    unitId: uuid('unit_id').notNull().references(() => unit.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    category: text('category').notNull(),
    // Adjustment only moves candidates between positions with the same professional subject (§7).
    examSubject: text('exam_subject'),
    headcount: integer('headcount').notNull(),
    conditions: jsonb('conditions').notNull().default({}),
    township: boolean('township').notNull().default(false),
    basicPolice: boolean('basic_police').notNull().default(false),
    acceptsAdjustment: boolean('accepts_adjustment').notNull().default(true),
    interviewRatio: integer('interview_ratio'),
    status: text('status').notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('position_event_code_uq').on(t.eventId, t.code),
    index('position_event_idx').on(t.eventId, t.category),
    index('position_unit_idx').on(t.unitId),
  ],
);
