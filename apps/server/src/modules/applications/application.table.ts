import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { candidate } from '../candidates/candidate.table';
import { recruitmentEvent } from '../events/event.table';
import { position } from '../positions/position.table';
import { unit } from '../units/unit.table';

// The status values; which moves between them are allowed is APPLICATION_TRANSITIONS.
export const APPLICATION_STATUSES = [
  'submitted',
  'returned',
  'approved',
  'rejected',
  'withdrawn',
] as const;

/**
 * A position application 职位报名 (§7). The partial unique index is what allows one active
 * application per candidate and event, also when two submits race; the profile is frozen with it.
 */
export const positionApplication = pgTable(
  'position_application',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidate.id),
    positionId: uuid('position_id')
      .notNull()
      .references(() => position.id),
    // The position's unit, kept on the row so review queues filter by scope without a join.
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull(),
    // The explained checks at submission, so the reviewer sees what the candidate was shown.
    checks: jsonb('checks').notNull().default([]),
    // The profile as reviewed: later edits of the profile do not change what the unit judges.
    profileVersion: integer('profile_version').notNull(),
    profileSnapshot: jsonb('profile_snapshot').notNull(),
    // 基础警察 (ONL-03b): the posts the candidate accepts, in his order of preference.
    policeIntentions: jsonb('police_intentions').$type<string[] | null>(),
    reviewReasonCode: text('review_reason_code'),
    reviewReasonText: text('review_reason_text'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by'),
    // When it (re)entered the unit's queue: the SLA clock starts here.
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('position_application_one_active_uq')
      .on(t.eventId, t.candidateId)
      .where(sql`status in ('submitted', 'returned', 'approved')`),
    // The review queues of a unit and of an event, oldest first, without a scan (NFR-PERF-1).
    index('position_application_unit_queue_idx').on(t.unitId, t.status, t.submittedAt),
    index('position_application_event_queue_idx').on(t.eventId, t.status, t.submittedAt),
    // "Rejected by this position before" is looked up by candidate and position at each assessment.
    index('position_application_candidate_idx').on(t.candidateId, t.positionId),
  ],
);

/** What happened to an application and why, in Chinese, as candidate and reviewer see it. */
export const applicationTimeline = pgTable(
  'application_timeline',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Insertion order: lines of one action may share a clock tick (PGlite's clock is 10 ms), so
    // the history is read in this order, never by time alone.
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => positionApplication.id),
    kind: text('kind').notNull(),
    fromStatus: text('from_status', { enum: APPLICATION_STATUSES }),
    toStatus: text('to_status', { enum: APPLICATION_STATUSES }),
    message: text('message').notNull(),
    at: timestamp('at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (t) => [index('application_timeline_application_idx').on(t.applicationId, t.seq)],
);
