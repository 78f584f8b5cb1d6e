import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { candidate } from '../candidates/candidate.table';
import { recruitmentEvent } from '../events/event.table';
import { position } from '../positions/position.table';
import { unit } from '../units/unit.table';

/** Where a candidate's interview scores came from: the Excel import or the interview system. */
export const INTERVIEW_SCORE_SOURCES = ['import', 'interview_system'] as const;

/**
 * A listed candidate's interview scores 面试成绩 (IVW-08, INT-07): structured and, where his
 * position's exam category gives one, professional; both null when he was absent 缺考.
 */
export const interviewScore = pgTable(
  'interview_score',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidate.id),
    positionId: uuid('position_id')
      .notNull()
      .references(() => position.id),
    structuredCenti: integer('structured_centi'),
    professionalCenti: integer('professional_centi'),
    absent: boolean('absent').notNull().default(false),
    source: text('source', { enum: INTERVIEW_SCORE_SOURCES }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [
    // One set of scores per candidate and event: a corrected import replaces the earlier one.
    primaryKey({ name: 'interview_score_pk', columns: [t.eventId, t.candidateId] }),
    index('interview_score_position_idx').on(t.positionId),
  ],
);

/**
 * The current composite 综合成绩 of each listed candidate (§7): the figures it was made of, the
 * rank in his position, whether he enters the physical exam and the explanation he reads.
 */
export const compositeResult = pgTable(
  'composite_result',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidate.id),
    positionId: uuid('position_id')
      .notNull()
      .references(() => position.id),
    // Kept on the row so a unit's view filters by scope without a join.
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    examCategory: text('exam_category').notNull(),
    writtenCenti: integer('written_centi').notNull(),
    structuredCenti: integer('structured_centi'),
    professionalCenti: integer('professional_centi'),
    absent: boolean('absent').notNull(),
    // Null when absent: no interview, no composite.
    compositeCenti: integer('composite_centi'),
    passed: boolean('passed').notNull(),
    // Competition rank among the position's candidates who passed the interview; null otherwise.
    rank: integer('rank'),
    physicalExam: boolean('physical_exam').notNull(),
    explanation: text('explanation').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    primaryKey({ name: 'composite_result_pk', columns: [t.eventId, t.candidateId] }),
    index('composite_result_position_idx').on(t.positionId, t.rank),
    index('composite_result_candidate_idx').on(t.candidateId),
  ],
);

/** An event's composite state: the version computed, whether scores changed since, publication. */
export const compositeRun = pgTable('composite_run', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => recruitmentEvent.id),
  version: integer('version').notNull(),
  // The policy version the composite was computed with, so the figures cite their rules.
  policyVersion: integer('policy_version').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  computedBy: text('computed_by').notNull(),
  // Set when interview scores arrive after the computation: publication waits for a recompute.
  stale: boolean('stale').notNull().default(false),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  publishedBy: text('published_by'),
});

/**
 * Every computation and publication of an event's composites, with the rows as they were, kept
 * for history and comparison across events (NFR-HIS-1).
 */
export const compositeVersion = pgTable(
  'composite_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    version: integer('version').notNull(),
    action: text('action', { enum: ['computed', 'published'] }).notNull(),
    policyVersion: integer('policy_version').notNull(),
    results: jsonb('results').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (t) => [index('composite_version_event_idx').on(t.eventId, t.createdAt)],
);
