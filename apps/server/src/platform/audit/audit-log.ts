import type { Db, DbOrTx } from '../../db/client';
import type { CryptoProvider } from '../crypto';
import { normaliseDetails } from './audit-canonical';
import { lockChainHead, writeCheckpoint } from './audit-chain.repository';
import { sealPendingEntries } from './audit-sealer';
import { auditPending } from './audit.table';
import type { AuditActor, AuditEntryInput, AuditLog } from './audit.types';

export type AuditLogOptions = {
  db: Db;
  crypto: CryptoProvider;
  /** Injected clock, so tests can write entries "200 days ago" for the retention rules. */
  now?: () => Date;
  /** A signed checkpoint closes the chain after this many entries (REG-08 "every N entries"). */
  checkpointEvery?: number;
  /** …or after this long with unsigned entries, whichever comes first (timer started by startTimers). */
  checkpointIntervalMs?: number;
  /** How often the server process seals pending entries into the chain. */
  sealIntervalMs?: number;
};

/** The full audit log: `record` for every module, the rest for the auditor's routes and operations. */
export type AuditLogService = AuditLog &
  AuditSealer & {
    /** Seals, then signs a checkpoint if entries were added since the last one; returns whether it signed. */
    checkpointNow(): Promise<boolean>;
    /** Starts the periodic seal and checkpoint timers (server processes only, never in tests). */
    startTimers(onError: (error: unknown) => void): void;
    /** Stops the timers and seals what is still pending, so a clean shutdown leaves nothing unchained. */
    stop(): Promise<void>;
  };

/** Chains committed entries now; readers call it first so they see every committed operation. */
export type AuditSealer = { seal(): Promise<number> };

const ACTION_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const DEFAULT_CHECKPOINT_EVERY = 1000;
const DEFAULT_CHECKPOINT_INTERVAL_MS = 5 * 60_000;
const DEFAULT_SEAL_INTERVAL_MS = 250;

/**
 * Creates the signed, chained audit log (REG-08). `record` only inserts a pending row in the
 * caller's transaction, so it commits or rolls back with the change it describes and no writer
 * waits on another; the sealer chains committed rows (HMAC-SM3, gapless ids) within a fraction
 * of a second. Chaining inside every business transaction held one row lock to commit and capped
 * all audited writes of the system at about 125 per second (docs/performance.md).
 */
export function createAuditLog(options: AuditLogOptions): AuditLogService {
  const { db, crypto } = options;
  const now = options.now ?? (() => new Date());
  const sealOptions = {
    db,
    crypto,
    now,
    checkpointEvery: options.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY,
  };
  const timers: NodeJS.Timeout[] = [];
  let sealing: Promise<number> | undefined;

  async function record(tx: DbOrTx, input: AuditEntryInput): Promise<void> {
    if (!ACTION_PATTERN.test(input.action))
      throw new Error(`审计动作格式应为 resource.past_tense：${input.action}`);
    await tx.insert(auditPending).values({
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
    });
  }

  /** One seal at a time per process: a reader arriving mid-seal waits for it, then seals the rest. */
  async function seal(): Promise<number> {
    while (sealing) await sealing.catch(() => undefined);
    sealing = sealPendingEntries(sealOptions).finally(() => {
      sealing = undefined;
    });
    return sealing;
  }

  async function checkpointNow(): Promise<boolean> {
    await seal();
    return db.transaction(async (tx) => {
      const head = await lockChainHead(tx);
      if (head.lastId === head.checkpointedUpTo) return false;
      await writeCheckpoint(tx, crypto, head, now());
      return true;
    });
  }

  function every(
    ms: number,
    work: () => Promise<unknown>,
    onError: (error: unknown) => void,
  ): void {
    const timer = setInterval(() => {
      work().catch(onError);
    }, ms);
    timer.unref();
    timers.push(timer);
  }

  return {
    record,
    seal,
    checkpointNow,
    startTimers(onError) {
      if (timers.length) return;
      every(
        options.sealIntervalMs ?? DEFAULT_SEAL_INTERVAL_MS,
        () => (sealing ? Promise.resolve() : seal()),
        onError,
      );
      every(options.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS, checkpointNow, onError);
    },
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      await seal();
    },
  };
}

function actorColumns(
  actor: AuditActor,
): Pick<typeof auditPending.$inferInsert, 'actorKind' | 'actorId' | 'actorName' | 'actorRole'> {
  switch (actor.kind) {
    case 'staff':
      return {
        actorKind: 'staff',
        actorId: actor.id,
        actorName: actor.username || null,
        actorRole: actor.role || null,
      };
    case 'candidate':
      return { actorKind: 'candidate', actorId: actor.id, actorName: null, actorRole: null };
    case 'system':
      return { actorKind: 'system', actorId: actor.id, actorName: null, actorRole: null };
    case 'anonymous':
      return { actorKind: 'anonymous', actorId: null, actorName: null, actorRole: null };
  }
}
