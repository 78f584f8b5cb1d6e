import { sql } from 'drizzle-orm';
import {
  bigint,
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
import {
  interviewCandidate,
  interviewEvent,
  interviewExaminer,
  interviewGroup,
  interviewSession,
} from '../interviews/interview.table';

// Interview scoring 面试评分 (IVW-08, IVW-10, §7): one examiner's sheet per candidate and kind,
// synced from the venue tablet; it counts only once the supervisor 监督员 has confirmed it. The
// results are computed by the domain's `computeInterviewResults` and handed to composite.

/** The kinds scored on sheets: the domain's results engine knows these two. */
export const SCORED_KINDS = ['structured', 'professional'] as const;

/**
 * draft: synced keystrokes, not yet handed in; submitted: handed in, waiting for the supervisor;
 * confirmed: signed by the supervisor, counts; withdrawn: taken back with a reason (IVW-10), the
 * examiner scores again on the same sheet.
 */
export const SCORE_SHEET_STATUSES = ['draft', 'submitted', 'confirmed', 'withdrawn'] as const;

/**
 * One examiner's sheet 评分表 for one candidate and kind. `clientKey` is the tablet's idempotency
 * key for the sheet and `revision` the last edit it applied: a sync with a revision not above the
 * stored one is a replay and changes nothing, so a retried request never counts twice.
 */
export const scoreSheet = pgTable(
  'score_sheet',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interviewEventId: uuid('interview_event_id')
      .notNull()
      .references(() => interviewEvent.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => interviewSession.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => interviewGroup.id),
    interviewCandidateId: uuid('interview_candidate_id')
      .notNull()
      .references(() => interviewCandidate.id),
    examinerId: uuid('examiner_id')
      .notNull()
      .references(() => interviewExaminer.id),
    kind: text('kind', { enum: SCORED_KINDS }).notNull(),
    clientKey: uuid('client_key').notNull().unique(),
    revision: integer('revision').notNull(),
    // Indicator code → score in hundredths (Centi), as the domain engine takes them.
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    comment: text('comment'),
    status: text('status', { enum: SCORE_SHEET_STATUSES }).notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawReason: text('withdraw_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('score_sheet_candidate_examiner_uq').on(t.interviewCandidateId, t.examinerId, t.kind),
    index('score_sheet_group_idx').on(t.sessionId, t.groupId),
  ],
);

/** What happened to a sheet (submitted, confirmed, withdrawn …), append-only, in insertion order. */
export const scoreSheetHistory = pgTable(
  'score_sheet_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    sheetId: uuid('sheet_id')
      .notNull()
      .references(() => scoreSheet.id),
    action: text('action').notNull(),
    revision: integer('revision').notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    actorId: uuid('actor_id'),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (t) => [index('score_sheet_history_sheet_idx').on(t.sheetId, t.seq)],
);

/**
 * A candidate's computed interview score (IVW-08) per kind, in hundredths, with the engine's
 * explanation (which examiners' scores were kept and which dropped). Once a result exists its
 * sheets can no longer be withdrawn (IVW-10).
 */
export const interviewResult = pgTable(
  'interview_result',
  {
    interviewCandidateId: uuid('interview_candidate_id')
      .notNull()
      .references(() => interviewCandidate.id),
    kind: text('kind', { enum: SCORED_KINDS }).notNull(),
    interviewEventId: uuid('interview_event_id')
      .notNull()
      .references(() => interviewEvent.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => interviewSession.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => interviewGroup.id),
    scoreCenti: integer('score_centi').notNull(),
    examinerCount: integer('examiner_count').notNull(),
    // The domain's KindScore.indicators: [{ code, kept: Centi[], dropped: Centi[] }].
    explanation: jsonb('explanation').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    // When the score was written to the recruitment event's interview scores (composite module).
    handedOverAt: timestamp('handed_over_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.interviewCandidateId, t.kind] }),
    index('interview_result_event_idx').on(t.interviewEventId, t.sessionId, t.groupId),
  ],
);
