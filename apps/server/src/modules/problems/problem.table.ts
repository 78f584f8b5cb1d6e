import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ProblemEntryKind, ProblemRole, ProblemStatus, ProblemType } from '@kaolu/contracts';
import { candidate } from '../candidates/candidate.table';
import { recruitmentEvent } from '../events/event.table';
import { staffUser } from '../identity/identity.table';

/**
 * A case of the problem center 报名问题处理中心 (ONL-01). The row holds the current state only; what
 * happened is in `problem_entry`, which the database keeps append-only (留痕). `dueAt` is the SLA
 * deadline of the type, moved on when the candidate answers a request for more information.
 */
export const problemCase = pgTable(
  'problem_case',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // What the candidate quotes on the phone and staff search by (WT + Shanghai day + 6 of the id).
    caseNumber: text('case_number').notNull().unique(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidate.id),
    // Null for a technical question that concerns no event.
    eventId: uuid('event_id').references(() => recruitmentEvent.id),
    type: text('type').$type<ProblemType>().notNull(),
    status: text('status').$type<ProblemStatus>().notNull(),
    // Fixed by the type when filed; the queue of each department filters on it.
    responsibleRole: text('responsible_role').$type<ProblemRole>().notNull(),
    // The refusal that led here (e.g. REGISTRATION.GREYLISTED), prefilled from its link.
    refusalCode: text('refusal_code'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    requestedName: text('requested_name'),
    // The staff member handling the case: set on accepting it or by claiming it.
    assigneeId: uuid('assignee_id').references(() => staffUser.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    // The deadline the last SLA reminder was sent for: a moved deadline (more information
    // answered) is reminded again, the same one never twice, whichever instance ticks.
    remindedDueAt: timestamp('reminded_due_at', { withTimezone: true }),
    // The first reply, for the time-to-answer statistics.
    firstAnsweredAt: timestamp('first_answered_at', { withTimezone: true }),
    // The decision survives closing: an approved appeal stays in effect after the case is closed.
    decision: text('decision').$type<'approved' | 'rejected'>(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('problem_case_candidate_idx').on(t.candidateId, t.submittedAt),
    index('problem_case_queue_idx').on(t.responsibleRole, t.status, t.dueAt),
    // The registration checks ask for approved appeals of one candidate in one event.
    index('problem_case_effect_idx').on(t.candidateId, t.eventId, t.type, t.status),
  ],
);

/**
 * One line of a case's history: submission, status change, reply, answer, note, assignment, effect.
 * Never updated or deleted (a trigger refuses it, see the migration); internal notes are kept here
 * too and filtered out of what the candidate reads.
 */
export const problemEntry = pgTable(
  'problem_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Insertion order: lines of one action may share a clock tick (PGlite's clock is 10 ms), so
    // the history is read in this order, never by time alone.
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => problemCase.id),
    kind: text('kind').$type<ProblemEntryKind>().notNull(),
    actorKind: text('actor_kind').$type<'candidate' | 'staff' | 'system'>().notNull(),
    // The candidate's or staff member's id (null for the system's effect lines); no foreign key,
    // as the actor may be either kind.
    actorId: uuid('actor_id'),
    fromStatus: text('from_status').$type<ProblemStatus>(),
    toStatus: text('to_status').$type<ProblemStatus>(),
    body: text('body'),
    // Stored-file ids of the evidence given with this line (their owner and purpose checked on save).
    fileIds: jsonb('file_ids').$type<string[]>().notNull().default([]),
    // Machine-readable result of an effect (e.g. the fee waiver's settlement), for the record.
    details: jsonb('details'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('problem_entry_case_idx').on(t.caseId, t.seq)],
);
