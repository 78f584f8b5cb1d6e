import {
  type AnyPgColumn,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/** A recruitment event 招录事项: its type picks the policy template; the policy copy lives with it. */
export const recruitmentEvent = pgTable('recruitment_event', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  year: integer('year').notNull(),
  // Moves only through the transition table of event-lifecycle.ts (events.service).
  status: text('status').notNull().default('draft'),
  // Stage windows and policy are documents edited as a whole and validated by zod (NFR-DB-1 JSONB).
  schedule: jsonb('schedule').notNull().default([]),
  policy: jsonb('policy').notNull().default({}),
  // The version of `policy`; every edit writes a new event_policy_version row (decisions cite it).
  policyVersion: integer('policy_version').notNull().default(1),
  // A second-round event (INT-08) remembers the first round it was generated from.
  sourceEventId: uuid('source_event_id').references((): AnyPgColumn => recruitmentEvent.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  // Also the public position search version (positions/public-position-cache.ts reads
  // max(updated_at)).
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every version an event's policy has had, kept so a past decision can show the rules it used. */
export const eventPolicyVersion = pgTable(
  'event_policy_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    version: integer('version').notNull(),
    policy: jsonb('policy').notNull(),
    reason: text('reason'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('event_policy_version_uq').on(t.eventId, t.version),
    index('event_policy_version_event_idx').on(t.eventId),
  ],
);
