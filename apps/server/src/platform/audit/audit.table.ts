import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

// The signed audit log (REG-08). Rows are append-only: triggers (migration 0002_audit_log_guard)
// refuse UPDATE, DELETE and TRUNCATE; only the archive function may drop a checkpointed range.

/** Sixty-four zeros: the "previous MAC" of the very first entry. */
export const GENESIS_MAC = '0'.repeat(64);

/** What an entry says, the same before and after it is chained (fresh builders for each table). */
const entryColumns = () => ({
  // Millisecond precision, so the time read back encodes exactly as it was MACed.
  occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
  actorKind: text('actor_kind', { enum: ['staff', 'candidate', 'system', 'anonymous'] }).notNull(),
  actorId: text('actor_id'),
  actorName: text('actor_name'),
  actorRole: text('actor_role'),
  ip: text('ip'),
  requestId: text('request_id'),
  action: text('action').notNull(),
  targetType: text('target_type'),
  targetId: text('target_id'),
  result: text('result', { enum: ['success', 'failure'] }).notNull(),
  details: jsonb('details').notNull().default({}),
});

/** One important operation; `mac` chains it to the entry before (HMAC-SM3 over entry ‖ prev_mac). */
export const auditEntry = pgTable(
  'audit_entry',
  {
    // Assigned from the chain head, not a sequence: ids stay gapless, so a deleted row is a visible hole.
    id: bigint('id', { mode: 'number' }).primaryKey(),
    ...entryColumns(),
    prevMac: text('prev_mac').notNull(),
    mac: text('mac').notNull(),
  },
  (t) => [
    index('audit_entry_occurred_at_idx').on(t.occurredAt),
    index('audit_entry_action_idx').on(t.action, t.id),
    index('audit_entry_actor_idx').on(t.actorId, t.id),
    index('audit_entry_target_idx').on(t.targetType, t.targetId),
  ],
);

/**
 * Entries written by business transactions and not yet chained. Writers only insert here, so no
 * two transactions wait on each other; the sealer moves committed rows into `audit_entry` in one
 * line (seq order). A trigger refuses UPDATE and TRUNCATE, and DELETE outside the sealer.
 */
export const auditPending = pgTable('audit_pending', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  ...entryColumns(),
});

/**
 * The single row the sealer locks FOR UPDATE before extending the chain: it serialises sealers
 * across connections and server instances, and records how far the log goes (a truncated tail shows).
 */
export const auditChainHead = pgTable(
  'audit_chain_head',
  {
    id: smallint('id').primaryKey().default(1),
    lastId: bigint('last_id', { mode: 'number' }).notNull().default(0),
    lastMac: text('last_mac').notNull().default(GENESIS_MAC),
    checkpointedUpTo: bigint('checkpointed_up_to', { mode: 'number' }).notNull().default(0),
    lastCheckpointAt: timestamp('last_checkpoint_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [check('audit_chain_head_single_row', sql`${t.id} = 1`)],
);

/** SM2-signed summary of a run of entries: anyone with the public key can check the chain's state. */
export const auditCheckpoint = pgTable('audit_checkpoint', {
  id: serial('id').primaryKey(),
  firstId: bigint('first_id', { mode: 'number' }).notNull(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  lastMac: text('last_mac').notNull(),
  entryCount: integer('entry_count').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  // The key that signed it: a rotated signing key must not orphan older checkpoints.
  publicKey: text('public_key').notNull(),
  signature: text('signature').notNull(),
});

/** A range exported to a file and dropped from the table; the chain resumes from its checkpoint. */
export const auditArchive = pgTable('audit_archive', {
  id: serial('id').primaryKey(),
  firstId: bigint('first_id', { mode: 'number' }).notNull(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  checkpointId: integer('checkpoint_id')
    .notNull()
    .references(() => auditCheckpoint.id),
  entryCount: integer('entry_count').notNull(),
  fileSm3: text('file_sm3').notNull(),
  fileName: text('file_name').notNull(),
  archivedAt: timestamp('archived_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  archivedBy: text('archived_by').notNull(),
});
