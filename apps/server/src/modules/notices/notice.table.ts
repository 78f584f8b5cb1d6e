import {
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { candidate } from '../candidates/candidate.table';
import { recruitmentEvent } from '../events/event.table';

/** A public notice (REG-03 interview, REG-04 re-check, announcement); its text is the latest version. */
export const notice = pgTable(
  'notice',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Null for an announcement that concerns no single event.
    eventId: uuid('event_id').references(() => recruitmentEvent.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    // draft → published → withdrawn, and withdrawn → published again (notices.service).
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The public list filters by status and sorts by publication time.
  (t) => [index('notice_public_idx').on(t.status, t.publishedAt)],
);

/** Every version of a notice's text, never changed once written (REG-03/04: every version kept). */
export const noticeVersion = pgTable(
  'notice_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notice.id),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    changeNote: text('change_note'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One row per (notice, version): two concurrent saves cannot both write the same version.
  (t) => [unique('notice_version_uq').on(t.noticeId, t.version)],
);

/** Candidates a notice names: they are told by SMS when the published notice changes. */
export const noticeRecipient = pgTable(
  'notice_recipient',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notice.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidate.id),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.candidateId] })],
);

/**
 * One row per candidate the SMS job of a notice version has dealt with, so a retried or taken-over
 * job never texts a candidate twice. The key is claimed ('sending') before the gateway is called and
 * settled ('sent' / 'refused') after; a 'sending' row a dead worker left behind is resolved against
 * the SMS outbox on the next attempt (see notice-sms.job.ts).
 */
export const noticeSmsDelivery = pgTable(
  'notice_sms_delivery',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notice.id),
    noticeVersion: integer('notice_version').notNull(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidate.id),
    outcome: text('outcome', { enum: ['sending', 'sent', 'refused'] }).notNull(),
    /** The AppError code and zh-CN reason of a refusal. */
    code: text('code'),
    reason: text('reason'),
    /** The gateway's sms_message row of a sent text. */
    smsMessageId: uuid('sms_message_id'),
    /** When the current worker claimed the candidate (written from that worker's clock, like the outbox row). */
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
    /** When the outcome was settled. */
    at: timestamp('at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({
      name: 'notice_sms_delivery_pk',
      columns: [t.noticeId, t.noticeVersion, t.candidateId],
    }),
  ],
);
