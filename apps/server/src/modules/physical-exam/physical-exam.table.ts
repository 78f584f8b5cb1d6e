import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PhysicalExamItem } from '@kaolu/contracts';
import { candidate } from '../candidates/candidate.table';
import { recruitmentEvent } from '../events/event.table';
import { position } from '../positions/position.table';
import { unit } from '../units/unit.table';

// The management side of the physical exam 体检 (§7, REG-04, INT-09g). Hospitals never write these
// tables: their results and change requests arrive through the exchange store (hospital-exchange.table.ts)
// and are moved here by the exchange job, or by the org's approval.

const RESULTS = ['qualified', 'unqualified'] as const;
const ROUNDS = ['initial', 'recheck'] as const;

/** A candidate of an event's physical-exam list, copied from the published composite (§7). */
export const physicalExamEntry = pgTable(
  'physical_exam_entry',
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
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    rank: integer('rank'),
    // Set once (§7: a re-check is asked for once only).
    recheckRequestedAt: timestamp('recheck_requested_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('physical_exam_entry_event_candidate_idx').on(t.eventId, t.candidateId),
    index('physical_exam_entry_candidate_idx').on(t.candidateId),
  ],
);

/** One exam or re-check of an entry: the hospital, date and place, then its current result. */
export const physicalExamRound = pgTable(
  'physical_exam_round',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => physicalExamEntry.id),
    round: text('round', { enum: ROUNDS }).notNull(),
    hospitalId: uuid('hospital_id')
      .notNull()
      .references(() => unit.id),
    examAt: timestamp('exam_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    result: text('result', { enum: RESULTS }),
    items: jsonb('items').$type<PhysicalExamItem[]>().notNull().default([]),
    remarks: text('remarks').notNull().default(''),
    // When the result took its current value: the 7-day re-check window counts from here (§7).
    resultAt: timestamp('result_at', { withTimezone: true }),
    assignedBy: text('assigned_by').notNull(),
  },
  (t) => [
    uniqueIndex('physical_exam_round_entry_round_idx').on(t.entryId, t.round),
    index('physical_exam_round_hospital_idx').on(t.hospitalId),
  ],
);

/** Every value a round's result has had, with where it came from (INT-09g: history of changes). */
export const physicalExamResultHistory = pgTable(
  'physical_exam_result_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => physicalExamRound.id),
    result: text('result', { enum: RESULTS }).notNull(),
    items: jsonb('items').$type<PhysicalExamItem[]>().notNull(),
    remarks: text('remarks').notNull(),
    source: text('source', { enum: ['hospital', 'change_approved'] }).notNull(),
    changeId: uuid('change_id'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (t) => [index('physical_exam_result_history_round_idx').on(t.roundId)],
);

/** A hospital's change request as it reached the management side, awaiting the org (INT-09g). */
export const physicalExamChange = pgTable(
  'physical_exam_change',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // The exchange store's submission it came from: moved once, however often the job runs.
    submissionId: uuid('submission_id').notNull().unique(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => physicalExamRound.id),
    result: text('result', { enum: RESULTS }).notNull(),
    items: jsonb('items').$type<PhysicalExamItem[]>().notNull(),
    remarks: text('remarks').notNull(),
    reason: text('reason').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    requestedBy: text('requested_by').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    note: text('note'),
  },
  (t) => [index('physical_exam_change_status_idx').on(t.status, t.requestedAt)],
);
