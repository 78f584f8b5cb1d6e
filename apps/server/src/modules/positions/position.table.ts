import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { recruitmentEvent } from '../events/event.table';
import { unit } from '../units/unit.table';

/** A position 职位 of an event's brochure 简章, filled by its unit. */
export const position = pgTable(
  'position',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    category: text('category').notNull(),
    examCategory: text('exam_category'),
    // Adjustment only moves candidates between positions with the same professional subject (§7).
    examSubject: text('exam_subject'),
    headcount: integer('headcount').notNull(),
    // Hires so far, kept by the results stage; INT-08 opens headcount − hired in the second round.
    hired: integer('hired').notNull().default(0),
    conditions: jsonb('conditions').notNull().default({}),
    // Format-specific brochure fields (应急执法 体能测评, 聘任制 聘期 …), validated per format.
    details: jsonb('details').notNull().default({}),
    township: boolean('township').notNull().default(false),
    basicPolice: boolean('basic_police').notNull().default(false),
    acceptsAdjustment: boolean('accepts_adjustment').notNull().default(true),
    interviewRatio: integer('interview_ratio'),
    // Follows the brochure: draft → submitted → approved → published (brochures.service move()).
    status: text('status').notNull().default('draft'),
    // INT-08: the first-round position a second-round position was generated from.
    sourcePositionId: uuid('source_position_id').references((): AnyPgColumn => position.id),
    // Search columns derived from the conditions by the database, so every writer (seed, import) agrees.
    educationRank: integer('education_rank').generatedAlwaysAs(
      sql`case conditions->>'minEducation' when 'high_school' then 1 when 'junior_college' then 2 when 'bachelor' then 3 when 'master' then 4 when 'doctor' then 5 else 0 end`,
    ),
    residence: text('residence').generatedAlwaysAs(sql`coalesce(conditions->>'residence', 'any')`),
    majorText: text('major_text').generatedAlwaysAs(
      sql`coalesce(conditions->>'majorKeywords', '')`,
    ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The code is unique per event: an import updates the position with the same code.
    unique('position_event_code_uq').on(t.eventId, t.code),
    index('position_event_idx').on(t.eventId, t.category),
    index('position_unit_idx').on(t.unitId),
    // Public search reads published positions of one event in code order.
    index('position_status_event_code_idx').on(t.status, t.eventId, t.code),
  ],
);

/** One unit's brochure 简章 in one event: the workflow state of its positions (INT-02, INT-08). */
export const brochure = pgTable(
  'brochure',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    status: text('status').notNull().default('filling'),
    comment: text('comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One brochure per unit and event: lockBrochure locks exactly this row.
  (t) => [unique('brochure_event_unit_uq').on(t.eventId, t.unitId)],
);
