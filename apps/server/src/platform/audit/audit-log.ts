import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client';
import type { CryptoProvider } from '../crypto';
import { encodeAuditEntry, normaliseDetails, type UnsealedEntry } from './audit-canonical';
import { lockChainHead, reserveNextEntry, setChainHeadMac, writeCheckpoint } from './audit-chain.repository';
import { auditEntry } from './audit.table';
import type { AuditActor, AuditEntryInput, AuditLog } from './audit.types';

export type AuditLogOptions = {
  db: Db;
  crypto: CryptoProvider;
  /** Injected clock, so tests can write entries "200 days ago" for the retention rules. */
  now?: () => Date;
  /** A signed checkpoint closes the chain after this many entries (REG-08 "every N entries"). */
  checkpointEvery?: number;
  /** …or after this long with unsigned entries, whichever comes first (timer started by startCheckpointTimer). */
  checkpointIntervalMs?: number;
};

/** The full audit log: `record` for every module, the rest for the auditor's routes and operations. */
export type AuditLogService = AuditLog & {
  /** Signs a checkpoint now if entries were added since the last one; returns whether it did. */
  checkpointNow(): Promise<boolean>;
  /** Starts the periodic checkpoint timer (server processes only, never in tests). */
  startCheckpointTimer(onError: (error: unknown) => void): void;
  stopCheckpointTimer(): void;
};

const ACTION_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const DEFAULT_CHECKPOINT_EVERY = 1000;
const DEFAULT_CHECKPOINT_INTERVAL_MS = 5 * 60_000;

/**
 * Creates the signed, chained audit log (REG-08). Each `record` locks the single chain-head row,
 * so appends from every connection and server instance form one line; the lock is held until the
 * caller's transaction ends, and a rolled-back transaction leaves neither entry nor gap.
 */
export function createAuditLog(options: AuditLogOptions): AuditLogService {
  const { db, crypto } = options;
  const now = options.now ?? (() => new Date());
  const checkpointEvery = options.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY;
  let timer: NodeJS.Timeout | undefined;

  async function append(tx: DbOrTx, input: AuditEntryInput): Promise<void> {
    const head = await reserveNextEntry(tx);
    const unsealed: UnsealedEntry = {
      id: head.lastId,
      occurredAt: new Date(now().getTime()),
      ...actorColumns(input.actor),
      // Empty text is stored as null: an exported empty cell must read back as the value that was MACed.
      ip: input.ip || null,
      requestId: input.requestId || null,
      action: input.action,
      targetType: input.targetType || null,
      targetId: input.targetId || null,
      result: input.result,
      details: normaliseDetails(input.details),
      prevMac: head.lastMac,
    };
    const mac = crypto.hmacSm3('audit_chain', encodeAuditEntry(unsealed));
    await tx.insert(auditEntry).values({ ...unsealed, mac });
    await setChainHeadMac(tx, mac);
    if (unsealed.id - head.checkpointedUpTo >= checkpointEvery) {
      await writeCheckpoint(tx, crypto, { lastId: unsealed.id, lastMac: mac, checkpointedUpTo: head.checkpointedUpTo }, now());
    }
  }

  async function record(tx: DbOrTx, input: AuditEntryInput): Promise<void> {
    if (!ACTION_PATTERN.test(input.action)) throw new Error(`审计动作格式应为 resource.past_tense：${input.action}`);
    // Outside a transaction the head lock would be released between statements: open one.
    if (tx instanceof PgTransaction) return append(tx, input);
    return tx.transaction((inner) => append(inner, input));
  }

  async function checkpointNow(): Promise<boolean> {
    return db.transaction(async (tx) => {
      const head = await lockChainHead(tx);
      if (head.lastId === head.checkpointedUpTo) return false;
      await writeCheckpoint(tx, crypto, head, now());
      return true;
    });
  }

  return {
    record,
    checkpointNow,
    startCheckpointTimer(onError) {
      if (timer) return;
      timer = setInterval(() => {
        checkpointNow().catch(onError);
      }, options.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS);
      timer.unref();
    },
    stopCheckpointTimer() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

function actorColumns(actor: AuditActor): Pick<UnsealedEntry, 'actorKind' | 'actorId' | 'actorName' | 'actorRole'> {
  switch (actor.kind) {
    case 'staff':
      return { actorKind: 'staff', actorId: actor.id, actorName: actor.username || null, actorRole: actor.role || null };
    case 'candidate':
      return { actorKind: 'candidate', actorId: actor.id, actorName: null, actorRole: null };
    case 'system':
      return { actorKind: 'system', actorId: actor.id, actorName: null, actorRole: null };
    case 'anonymous':
      return { actorKind: 'anonymous', actorId: null, actorName: null, actorRole: null };
  }
}
