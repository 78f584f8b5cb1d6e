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

// The status values; which moves between them are allowed is REGISTRATION_TRANSITIONS.
export const REGISTRATION_STATUSES = [
  'pending_verification',
  'awaiting_payment',
  'confirmed',
  'rejected',
  'not_admitted',
  'cancelled',
] as const;

/**
 * An exam registration 笔试报名. A partial unique index on (event, candidate) over every row not
 * cancelled is what stops a second active registration, also when two submits race; cancelled rows
 * stay as history, so a candidate who withdrew can register again. The profile is frozen as submitted.
 */
export const examRegistration = pgTable(
  'exam_registration',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidate.id),
    examCategory: text('exam_category').notNull(),
    subjectCode: text('subject_code'),
    status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
    // The explained automatic checks, replaced when a 待核验 recheck decides.
    checks: jsonb('checks').notNull().default([]),
    profileVersion: integer('profile_version').notNull(),
    profileSnapshot: jsonb('profile_snapshot').notNull(),
    // The policy version the checks ran under, so a later policy change can be told apart.
    policyVersion: integer('policy_version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('exam_registration_event_candidate_active_uq')
      .on(t.eventId, t.candidateId)
      .where(sql`${t.status} <> 'cancelled'`),
    index('exam_registration_candidate_idx').on(t.candidateId),
    // The staff list (filtered by status) and the 待核验 recheck sweep read by event and status.
    index('exam_registration_event_status_idx').on(t.eventId, t.status),
  ],
);

/** What happened to a registration and why, in Chinese, as the candidate's timeline shows it. */
export const registrationTimeline = pgTable(
  'registration_timeline',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Insertion order: lines of one action may share a clock tick (PGlite's clock is 10 ms), so
    // the history is read in this order, never by time alone.
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => examRegistration.id),
    kind: text('kind').notNull(),
    fromStatus: text('from_status', { enum: REGISTRATION_STATUSES }),
    toStatus: text('to_status', { enum: REGISTRATION_STATUSES }),
    message: text('message').notNull(),
    // Wall-clock time, not the transaction's start: lines written in one transaction keep their order.
    at: timestamp('at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (t) => [index('registration_timeline_registration_idx').on(t.registrationId, t.seq)],
);
