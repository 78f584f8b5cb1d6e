import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { candidate } from '../candidates/candidate.table';

/** A message in the candidate's portal inbox 站内消息: score publication, review outcomes (ONL). */
export const candidateMessage = pgTable(
  'candidate_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidate.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // Null until the candidate marks it read (POST /api/candidate/messages/:id/read).
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  // The inbox reads one candidate's messages newest first.
  (t) => [index('candidate_message_candidate_idx').on(t.candidateId, t.createdAt)],
);
