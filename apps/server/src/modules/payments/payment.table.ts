import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { examRegistration } from '../registrations/registration.table';

// requested (finance not yet asked) → issued → pending_confirmation (page opened) → paid; closed
// as expired (deadline passed), cancelled (registration withdrawn) or waived (fee waiver).
export const PAYMENT_STATUSES = [
  'requested',
  'issued',
  'pending_confirmation',
  'paid',
  'expired',
  'cancelled',
  'waived',
] as const;

/**
 * A payment notice 缴费通知书 (REG-11): one per registration (unique). A candidate has one active
 * registration per event; a cancelled one keeps its notice, refunded if paid (docs/rules.md §14),
 * so at most one fee per event is ever kept.
 */
export const paymentNotice = pgTable(
  'payment_notice',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => examRegistration.id),
    eventId: uuid('event_id').notNull(),
    // Null until the finance system has issued the notice (status 'requested').
    noticeNumber: text('notice_number').unique(),
    // Money in integer cents, never floats; yuan only at the edges (money.ts).
    amountCents: integer('amount_cents').notNull(),
    payerName: text('payer_name').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
    payUrl: text('pay_url'),
    paidCents: integer('paid_cents').notNull().default(0),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    transactionId: text('transaction_id').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('payment_notice_registration_uq').on(t.registrationId),
    // The deadline sweep and the reconciliation read an event's notices by status.
    index('payment_notice_event_status_idx').on(t.eventId, t.status),
  ],
);

/**
 * Every callback received, verified or not. The unique transaction id makes a repeated callback a
 * no-op: the second insert conflicts and the callback is answered 'duplicate'.
 */
export const paymentCallback = pgTable('payment_callback', {
  id: uuid('id').primaryKey().defaultRandom(),
  transactionId: text('transaction_id').notNull().unique(),
  noticeNumber: text('notice_number').notNull(),
  amountCents: integer('amount_cents').notNull(),
  paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
  outcome: text('outcome', { enum: ['accepted', 'refunded'] }).notNull(),
  payload: jsonb('payload').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A refund notice 退缴费通知书: fee waived after payment, cancelled registration, or a second payment. */
export const refundNotice = pgTable(
  'refund_notice',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentNoticeId: uuid('payment_notice_id')
      .notNull()
      .references(() => paymentNotice.id),
    // The payment being refunded: one refund per transaction, so a refund is never issued twice.
    transactionId: text('transaction_id').notNull().unique(),
    refundNumber: text('refund_number').unique(),
    amountCents: integer('amount_cents').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['issued', 'refunded'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('refund_notice_payment_idx').on(t.paymentNoticeId)],
);
