import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** A draw is committed (seed hash published), then drawn (seed revealed), or superseded by a redraw. */
export const DRAW_STATUSES = ['committed', 'drawn', 'superseded'] as const;

/**
 * Every verifiable draw 抽签 (REG-08, IVW-04, IVW-06, REG-02c, exam seats): the SM3 hash of the seed
 * is published before the draw, the seed is revealed after it, and the inputs and result are kept so
 * anyone can replay it. A redraw needs a reason and keeps the draw it replaces.
 */
export const drawRecord = pgTable(
  'draw_record',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // What was drawn ('examiners', 'candidates', 'selection_groups', 'exam_seats') and for what
    // scope (e.g. an interview session id): one live draw per kind and scope.
    kind: text('kind').notNull(),
    scopeKey: text('scope_key').notNull(),
    status: text('status', { enum: DRAW_STATUSES }).notNull().default('committed'),
    seedHash: text('seed_hash').notNull(),
    // Sealed (SM4) until the draw runs, so nobody can compute the result in advance; clear after it.
    seedEnc: text('seed_enc'),
    seed: text('seed'),
    algorithm: text('algorithm').notNull(),
    inputDigest: text('input_digest'),
    input: jsonb('input'),
    result: jsonb('result'),
    redrawReason: text('redraw_reason'),
    supersedes: uuid('supersedes').references((): AnyPgColumn => drawRecord.id),
    createdBy: text('created_by').notNull(),
    committedAt: timestamp('committed_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    drawnAt: timestamp('drawn_at', { withTimezone: true }),
  },
  (t) => [index('draw_record_scope_idx').on(t.kind, t.scopeKey, t.committedAt)],
);
