import { asc, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { CryptoProvider } from '../crypto';
import { encodeAuditEntry, type AuditEntryRow } from './audit-canonical';
import { advanceChainHead, lockChainHead, writeCheckpoint } from './audit-chain.repository';
import { auditEntry, auditPending } from './audit.table';

/** Entries chained per transaction: big enough to keep up with any peak, small enough to hold the lock briefly. */
const SEAL_BATCH = 500;

export type SealOptions = {
  db: Db;
  crypto: CryptoProvider;
  now: () => Date;
  checkpointEvery: number;
};

/**
 * Moves every committed pending entry into the chain and returns how many it sealed. Sealers on
 * every connection and server instance serialise on the chain-head lock, so the log stays one
 * gapless line; an entry rolled back with its business transaction never reaches the table.
 */
export async function sealPendingEntries(options: SealOptions): Promise<number> {
  let sealed = 0;
  for (;;) {
    const batch = await sealBatch(options);
    sealed += batch;
    if (batch < SEAL_BATCH) return sealed;
  }
}

async function sealBatch({ db, crypto, now, checkpointEvery }: SealOptions): Promise<number> {
  return db.transaction(async (tx) => {
    const head = await lockChainHead(tx);
    const pending = await tx
      .select()
      .from(auditPending)
      .orderBy(asc(auditPending.seq))
      .limit(SEAL_BATCH);
    if (pending.length === 0) return 0;

    let { lastId, lastMac, checkpointedUpTo } = head;
    const sealed: AuditEntryRow[] = [];
    const checkpoints: Array<{ lastId: number; lastMac: string; checkpointedUpTo: number }> = [];
    for (const { seq: _seq, ...fields } of pending) {
      const unsealed = { ...fields, id: lastId + 1, prevMac: lastMac };
      const mac = crypto.hmacSm3('audit_chain', encodeAuditEntry(unsealed));
      sealed.push({ ...unsealed, mac });
      lastId = unsealed.id;
      lastMac = mac;
      // "Every N entries" stays exact even when one batch crosses several checkpoints.
      if (lastId - checkpointedUpTo >= checkpointEvery) {
        checkpoints.push({ lastId, lastMac, checkpointedUpTo });
        checkpointedUpTo = lastId;
      }
    }

    await tx.insert(auditEntry).values(sealed);
    // The guard trigger lets only a transaction that declares itself the sealer delete pending rows.
    await tx.execute(sql`select set_config('kaolu.audit_seal', 'on', true)`);
    await tx.delete(auditPending).where(
      inArray(
        auditPending.seq,
        pending.map((p) => p.seq),
      ),
    );
    await advanceChainHead(tx, lastId, lastMac);
    for (const checkpoint of checkpoints) await writeCheckpoint(tx, crypto, checkpoint, now());
    return pending.length;
  });
}
