import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Every SMS of the system (REG-06). With the default provider this table is the outbox support
 * staff read; with the HTTP provider it records what was handed over and whether it was accepted.
 */
export const smsMessage = pgTable(
  'sms_message',
  {
    id: uuid('id').primaryKey(),
    phoneEnc: text('phone_enc').notNull(),
    phoneBidx: text('phone_bidx').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    purpose: text('purpose').notNull(),
    content: text('content').notNull(),
    status: text('status', { enum: ['outbox', 'sent', 'failed'] }).notNull(),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sms_message_created_idx').on(t.createdAt),
    index('sms_message_phone_idx').on(t.phoneBidx),
  ],
);

/**
 * SMS sent per phone per Asia/Shanghai calendar day. One conditional upsert both counts and
 * refuses, so the limit holds across processes without locks in application code.
 */
export const smsDailyCount = pgTable(
  'sms_daily_count',
  {
    phoneBidx: text('phone_bidx').notNull(),
    day: date('day').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    count: integer('count').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.phoneBidx, t.day] })],
);
