import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { candidate } from '../candidates/candidate.table';
import { recruitmentEvent } from '../events/event.table';
import { position } from '../positions/position.table';
import { unit } from '../units/unit.table';

/**
 * The adjustment 调剂 of an event (§7): the public round is open until the org closes it (its
 * approved applicants are then placed); the unified round 统一调剂 is proposed, edited, confirmed.
 */
export const adjustmentRound = pgTable('adjustment_round', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => recruitmentEvent.id),
  publicStatus: text('public_status', { enum: ['open', 'closed'] })
    .notNull()
    .default('open'),
  // When the org closed the public round: the moment its placements entered the lists.
  publicClosedAt: timestamp('public_closed_at', { withTimezone: true }),
  unifiedStatus: text('unified_status', { enum: ['none', 'proposed', 'confirmed'] })
    .notNull()
    .default('none'),
  unifiedProposedAt: timestamp('unified_proposed_at', { withTimezone: true }),
  unifiedConfirmedAt: timestamp('unified_confirmed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A short position the org opened to the public round, with the places it offers (§7). */
export const adjustmentPosition = pgTable(
  'adjustment_position',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    positionId: uuid('position_id')
      .notNull()
      .unique()
      .references(() => position.id),
    // Kept on the row so a unit's review queue filters by scope without a join.
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    // At most the list's shortfall when published; the close caps it again by the shortfall then.
    places: integer('places').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('adjustment_position_event_idx').on(t.eventId)],
);

/** pending → approved / rejected (by the unit) or withdrawn; at the close → placed / not_placed. */
export const ADJUSTMENT_APPLICATION_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'withdrawn',
  'placed',
  'not_placed',
] as const;

/**
 * A candidate's one application of the public round (§7: one adjustment position at a time). A
 * change rewrites the row while it is not approved; the audit log keeps every from → to.
 */
export const adjustmentApplication = pgTable(
  'adjustment_application',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidate.id),
    adjustmentPositionId: uuid('adjustment_position_id')
      .notNull()
      .references(() => adjustmentPosition.id),
    positionId: uuid('position_id')
      .notNull()
      .references(() => position.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    status: text('status', { enum: ADJUSTMENT_APPLICATION_STATUSES }).notNull(),
    // The written total when he applied, in hundredths: the unit's queue shows it without a join.
    writtenTotalCenti: integer('written_total_centi'),
    // The unit's reason for a refusal, or the engine's for the placement outcome.
    reason: text('reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One application per candidate and event: the database refuses a second one.
    uniqueIndex('adjustment_application_candidate_uq').on(t.eventId, t.candidateId),
    index('adjustment_application_unit_idx').on(t.unitId, t.status),
    index('adjustment_application_position_idx').on(t.adjustmentPositionId, t.status),
  ],
);

/**
 * The unified round's proposal 统一调剂方案: every candidate of the pool with his position (or none)
 * and the reasons, from the engine or changed by hand (source manual) until the org confirms.
 */
export const adjustmentProposal = pgTable(
  'adjustment_proposal',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => recruitmentEvent.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidate.id),
    // Null: the candidate is in the pool but placed nowhere (his reasons say why).
    positionId: uuid('position_id').references(() => position.id),
    writtenTotalCenti: integer('written_total_centi').notNull(),
    source: text('source', { enum: ['engine', 'manual'] }).notNull(),
    reasons: jsonb('reasons')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'adjustment_proposal_pk', columns: [t.eventId, t.candidateId] }),
    index('adjustment_proposal_position_idx').on(t.positionId),
  ],
);
