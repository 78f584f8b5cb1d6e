import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { positionApplication } from '../applications/application.table';

/**
 * Each education check 学历认证 made during review (INT-09e): the national record beside the
 * declaration field by field, kept so a decision can show what the reviewer saw.
 */
export const educationCheck = pgTable(
  'education_check',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => positionApplication.id),
    outcome: text('outcome', { enum: ['match', 'mismatch', 'not_found', 'unavailable'] }).notNull(),
    fields: jsonb('fields').notNull().default([]),
    message: text('message').notNull(),
    // The staff username, or 'system' when no staff member triggered it.
    checkedBy: text('checked_by').notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The detail reads the latest check of an application: this index answers it directly.
  (t) => [index('education_check_application_idx').on(t.applicationId, t.checkedAt)],
);
