import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { interviewEvent } from './interview.table';

/**
 * The §7 回避 rules of an interview event's examiner draws (IVW-04), edited by the organiser and
 * read when a session's draw input is built: one row per event, the rules as one document.
 */
export const arrangementRules = pgTable('interview_arrangement_rules', {
  interviewEventId: uuid('interview_event_id')
    .primaryKey()
    .references(() => interviewEvent.id),
  rules: jsonb('rules').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
