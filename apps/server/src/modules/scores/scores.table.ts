import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { candidate } from '../candidates/candidate.table';
import { recruitmentEvent } from '../events/event.table';
import { examRegistration } from '../registrations/registration.table';

/**
 * A written-exam result 笔试成绩 of one registration (ONL-02). Scores are integers in hundredths
 * (exact decimals); null with `absent` means 缺考. The total is on the 100-point scale.
 */
export const writtenScore = pgTable(
  'written_score',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    // Unique: one result per registration, the upsert target of a re-import.
    registrationId: uuid('registration_id')
      .notNull()
      .unique()
      .references(() => examRegistration.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidate.id),
    examCategory: text('exam_category').notNull(),
    // 司法医护 (INT-03): the major type whose pass line applies; null elsewhere.
    majorType: text('major_type'),
    xingceCenti: integer('xingce_centi'),
    shenlunCenti: integer('shenlun_centi'),
    professionalCenti: integer('professional_centi'),
    absent: boolean('absent').notNull().default(false),
    totalCenti: integer('total_centi'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The staff list filters by event and category; the candidate's page reads by candidate.
    index('written_score_event_idx').on(t.eventId, t.examCategory),
    index('written_score_candidate_idx').on(t.candidateId),
  ],
);

/** Pass lines 合格线 per category, and per major type for 司法医护 ('' = the whole category). */
export const passLine = pgTable(
  'pass_line',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    examCategory: text('exam_category').notNull(),
    // '' rather than null, so the primary key (which cannot hold nulls) covers the category line.
    majorType: text('major_type').notNull().default(''),
    lineCenti: integer('line_centi').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'pass_line_pk', columns: [t.eventId, t.examCategory, t.majorType] })],
);

/** When an event's scores were published: before this row exists candidates see nothing (ONL-02). */
export const scoreRelease = pgTable('score_release', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => recruitmentEvent.id),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  // The staff username of the publisher (or 'system'), beside the audit entry.
  publishedBy: text('published_by').notNull(),
});
