import { asc, eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client';
import type { CryptoProvider } from '../crypto';
import { encodeCheckpoint, type AuditCheckpointRow } from './audit-canonical';
import { auditChainHead, auditCheckpoint } from './audit.table';

// The chain head and checkpoints. Every function expects to run inside a transaction that already
// holds (or is about to take) the head row lock, so the chain is read and extended atomically.

export type ChainHead = {
  lastId: number;
  lastMac: string;
  checkpointedUpTo: number;
  lastCheckpointAt: Date | null;
};

type HeadRow = {
  last_id: string | number;
  last_mac: string;
  checkpointed_up_to: string | number;
  last_checkpoint_at: string | Date | null;
};

/** Locks the head without extending the chain (checkpoints, verification of the tail). */
export async function lockChainHead(tx: DbOrTx): Promise<ChainHead> {
  const result = await tx.execute(sql`
    select last_id, last_mac, checkpointed_up_to, last_checkpoint_at from audit_chain_head where id = 1 for update`);
  return toHead(rowsOf<HeadRow>(result)[0]);
}

/** Reads the head without locking (a consistent snapshot is enough for reading). */
export async function readChainHead(tx: DbOrTx): Promise<ChainHead> {
  const result = await tx.execute(sql`
    select last_id, last_mac, checkpointed_up_to, last_checkpoint_at from audit_chain_head where id = 1`);
  return toHead(rowsOf<HeadRow>(result)[0]);
}

/** Moves the head to the newest sealed entry. */
export async function advanceChainHead(tx: DbOrTx, lastId: number, lastMac: string): Promise<void> {
  await tx.update(auditChainHead).set({ lastId, lastMac }).where(eq(auditChainHead.id, 1));
}

/** Signs and stores the checkpoint closing everything after the previous one up to the head. */
export async function writeCheckpoint(
  tx: DbOrTx,
  crypto: CryptoProvider,
  head: Pick<ChainHead, 'lastId' | 'lastMac' | 'checkpointedUpTo'>,
  createdAt: Date,
): Promise<AuditCheckpointRow> {
  const body = {
    firstId: head.checkpointedUpTo + 1,
    lastId: head.lastId,
    lastMac: head.lastMac,
    entryCount: head.lastId - head.checkpointedUpTo,
    createdAt,
  };
  const signature = crypto.sign(encodeCheckpoint(body));
  const [row] = await tx
    .insert(auditCheckpoint)
    .values({ ...body, publicKey: crypto.publicKeyHex(), signature })
    .returning();
  await tx
    .update(auditChainHead)
    .set({ checkpointedUpTo: head.lastId, lastCheckpointAt: createdAt })
    .where(eq(auditChainHead.id, 1));
  return row!;
}

/** Checkpoints whose last entry lies in the range, oldest first. */
export async function findCheckpointsEndingIn(
  tx: DbOrTx,
  fromId: number,
  toId: number,
): Promise<AuditCheckpointRow[]> {
  return tx
    .select()
    .from(auditCheckpoint)
    .where(sql`${auditCheckpoint.lastId} between ${fromId} and ${toId}`)
    .orderBy(asc(auditCheckpoint.lastId));
}

function toHead(row: HeadRow | undefined): ChainHead {
  // The guard migration inserts the row; its absence means the database was tampered with or not migrated.
  if (!row) throw new Error('审计日志链头缺失（audit_chain_head），数据库未迁移或被篡改');
  return {
    lastId: Number(row.last_id),
    lastMac: row.last_mac,
    checkpointedUpTo: Number(row.checkpointed_up_to),
    lastCheckpointAt: row.last_checkpoint_at === null ? null : new Date(row.last_checkpoint_at),
  };
}
