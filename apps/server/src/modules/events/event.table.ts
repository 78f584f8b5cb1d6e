import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A recruitment event 招录事项: its type picks the policy template; the policy copy lives with it. */
export const recruitmentEvent = pgTable('recruitment_event', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  year: integer('year').notNull(),
  status: text('status').notNull().default('draft'),
  // Stage windows and policy are documents edited as a whole and validated by zod (NFR-DB-1 JSONB).
  schedule: jsonb('schedule').notNull().default([]),
  policy: jsonb('policy').notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
