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
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { positionApplication } from '../applications/application.table';
import { candidate } from '../candidates/candidate.table';
import { recruitmentEvent } from '../events/event.table';
import { position } from '../positions/position.table';
import { unit } from '../units/unit.table';

/** A position's interview list moves draft → confirmed (by the org) → published (to the public). */
export const INTERVIEW_LIST_STATUSES = ['draft', 'confirmed', 'published'] as const;

/**
 * One position's interview list 面试名单 (INT-02, §7): the quota from headcount × ratio, the pass line
 * it was drawn with, the line score of the last place, ties beyond the quota and the shortfall that
 * adjustment may fill. `listed` counts every round; `shortfall` is what is still missing.
 */
export const interviewListPosition = pgTable(
  'interview_list_position',
  {
    positionId: uuid('position_id')
      .primaryKey()
      .references(() => position.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    // Kept on the row so a unit's view filters by scope without a join.
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    // Copied at computation so the staff search (code, title, unit) and the unit's scope (its own
    // unit or the department above, as in review) need no join into other modules' tables.
    unitParentId: uuid('unit_parent_id'),
    positionCode: text('position_code').notNull().default(''),
    positionTitle: text('position_title').notNull().default(''),
    unitName: text('unit_name').notNull().default(''),
    headcount: integer('headcount').notNull(),
    // 1:3 is 300: ratios may have two decimals (1:2.5).
    ratioCenti: integer('ratio_centi').notNull(),
    quota: integer('quota').notNull(),
    // The category's pass line the list was drawn with; null when the category has none set.
    passLineCenti: integer('pass_line_centi'),
    lineCenti: integer('line_centi'),
    tiedBeyondQuota: integer('tied_beyond_quota').notNull().default(0),
    listed: integer('listed').notNull().default(0),
    shortfall: integer('shortfall').notNull().default(0),
    status: text('status', { enum: INTERVIEW_LIST_STATUSES }).notNull().default('draft'),
    // Raised at each recomputation or placement, so a published figure names the version it shows.
    version: integer('version').notNull().default(1),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: text('confirmed_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: text('published_by'),
  },
  (t) => [index('interview_list_position_event_idx').on(t.eventId, t.status)],
);

/** How a candidate came onto (or stayed off) a list: the first list, or a round of adjustment. */
export const LIST_ROUNDS = ['first', 'public', 'unified'] as const;
/** listed, or the reason he is not: under the pass line, past the quota, failed the 体测 (INT-02). */
export const LIST_ENTRY_STATUSES = [
  'listed',
  'below_cutoff',
  'outside_quota',
  'physical_test_failed',
] as const;

/**
 * Every approved applicant's outcome on his position's list, with the Chinese reason the candidate
 * and the staff see (INT-02, §7). Adjustment placements are entries of round public / unified.
 */
export const interviewListEntry = pgTable(
  'interview_list_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    positionId: uuid('position_id')
      .notNull()
      .references(() => position.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidate.id),
    // The approved application of the first round; adjustment entries have none.
    applicationId: uuid('application_id').references(() => positionApplication.id),
    round: text('round', { enum: LIST_ROUNDS }).notNull(),
    status: text('status', { enum: LIST_ENTRY_STATUSES }).notNull(),
    writtenTotalCenti: integer('written_total_centi'),
    // Competition rank by written total among the position's applicants (1, 1, 3).
    rank: integer('rank'),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One outcome per candidate and round: a recomputation replaces the first round's rows.
    unique('interview_list_entry_round_uq').on(t.eventId, t.candidateId, t.round),
    index('interview_list_entry_position_idx').on(t.positionId, t.status, t.writtenTotalCenti),
    index('interview_list_entry_candidate_idx').on(t.candidateId),
  ],
);

/** 体测 physical-test results (INT-02): a failed candidate leaves the interview list. */
export const physicalTestResult = pgTable(
  'physical_test_result',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidate.id),
    passed: boolean('passed').notNull(),
    detail: text('detail'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    importedBy: text('imported_by').notNull(),
  },
  (t) => [primaryKey({ name: 'physical_test_result_pk', columns: [t.eventId, t.candidateId] })],
);

/**
 * Every confirmed or published state of an event's lists, kept for history and comparison
 * (NFR-HIS-1): per position the figures and the listed candidate ids at that moment.
 */
export const interviewListVersion = pgTable(
  'interview_list_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    action: text('action').notNull(),
    positions: jsonb('positions').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (t) => [index('interview_list_version_event_idx').on(t.eventId, t.createdAt)],
);
