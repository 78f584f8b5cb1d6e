import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { interviewEvent } from './interview.table';

/**
 * A check-in desk 签到台 of an interview event (IVW-05): its ID-card reader bridge posts with a
 * token staff create in the interview portal. Only the token's SM3 hash is kept, so a copy of the
 * database cannot post check-ins; a revoked desk is refused.
 */
export const checkinDesk = pgTable(
  'interview_checkin_desk',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interviewEventId: uuid('interview_event_id')
      .notNull()
      .references(() => interviewEvent.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('interview_checkin_desk_event_idx').on(t.interviewEventId)],
);
