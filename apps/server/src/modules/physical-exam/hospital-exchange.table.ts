import type { PhysicalExamItem } from '@kaolu/contracts';
import { index, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The exchange store 中间库 between the hospitals and the management system (INT-09g): its own
 * PostgreSQL schema, on which the database role `kaolu_hospital_exchange` alone has rights (see the
 * migration). The hospital portal reads and writes only these tables; the exchange job and the
 * org's decisions copy between them and the management tables. No foreign key leaves the schema,
 * so the role needs no right outside it.
 */
export const hospitalExchange = pgSchema('hospital_exchange');

const RESULTS = ['qualified', 'unqualified'] as const;

/** What a hospital is told about a candidate assigned to it, and the result as it stands. */
export const exchangeOrder = hospitalExchange.table(
  'exam_order',
  {
    // The management round's id: one order per exam or re-check.
    id: uuid('id').primaryKey(),
    hospitalId: uuid('hospital_id').notNull(),
    round: text('round', { enum: ['initial', 'recheck'] }).notNull(),
    eventName: text('event_name').notNull(),
    ticketNumber: text('ticket_number').notNull(),
    // Masked before it is written here: the store never holds a clear name (NFR-SEC-3).
    candidateNameMasked: text('candidate_name_masked').notNull(),
    positionName: text('position_name').notNull(),
    unitName: text('unit_name').notNull(),
    examAt: timestamp('exam_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    result: text('result', { enum: RESULTS }),
    items: jsonb('items').$type<PhysicalExamItem[]>().notNull().default([]),
    remarks: text('remarks').notNull().default(''),
    resultAt: timestamp('result_at', { withTimezone: true }),
  },
  (t) => [index('exam_order_hospital_idx').on(t.hospitalId, t.examAt)],
);

/** A hospital's first result or change request, and what became of it. */
export const exchangeSubmission = hospitalExchange.table(
  'submission',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => exchangeOrder.id),
    hospitalId: uuid('hospital_id').notNull(),
    kind: text('kind', { enum: ['result', 'change'] }).notNull(),
    result: text('result', { enum: RESULTS }).notNull(),
    items: jsonb('items').$type<PhysicalExamItem[]>().notNull(),
    remarks: text('remarks').notNull(),
    reason: text('reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    submittedBy: text('submitted_by').notNull(),
    // new → (job) recorded | pending | rejected; pending → (org) approved | rejected.
    status: text('status', { enum: ['new', 'pending', 'recorded', 'approved', 'rejected'] })
      .notNull()
      .default('new'),
    note: text('note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('submission_status_idx').on(t.status, t.submittedAt),
    index('submission_hospital_idx').on(t.hospitalId, t.submittedAt),
  ],
);
