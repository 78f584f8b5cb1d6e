import { and, asc, desc, eq, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { CryptoProvider } from '../crypto';
import { encodeAuditEntry, encodeCheckpoint, type AuditCheckpointRow } from './audit-canonical';
import { findCheckpointsEndingIn, readChainHead } from './audit-chain.repository';
import { auditArchive, auditCheckpoint, auditEntry, GENESIS_MAC } from './audit.table';

/** Why verification stopped at an entry; each has a zh-CN explanation for the auditor. */
export type AuditBreakReason =
  | 'missing'
  | 'link_broken'
  | 'mac_mismatch'
  | 'checkpoint_signature_invalid'
  | 'checkpoint_untrusted_key'
  | 'checkpoint_mismatch'
  | 'head_mismatch';

export type AuditBreak = { entryId: number; reason: AuditBreakReason; message: string };

export type AuditVerification = {
  intact: boolean;
  fromId: number;
  toId: number;
  entriesChecked: number;
  checkpointsChecked: number;
  /** The first problem found walking forward; absent when intact. */
  firstBreak?: AuditBreak;
};

export type VerifyOptions = {
  fromId?: number;
  toId?: number;
  batchSize?: number;
  trustedPublicKeys?: readonly string[];
};

const MESSAGES: Record<AuditBreakReason, (id: number) => string> = {
  missing: (id) => `第 ${id} 条日志缺失（被删除）`,
  link_broken: (id) => `第 ${id} 条日志的前序校验码与上一条不符（日志被删除、调换或插入）`,
  mac_mismatch: (id) => `第 ${id} 条日志内容与其校验码不符（内容被修改）`,
  checkpoint_signature_invalid: (id) => `截至第 ${id} 条的签名检查点签名无效`,
  checkpoint_untrusted_key: (id) => `截至第 ${id} 条的签名检查点使用了不受信任的公钥`,
  checkpoint_mismatch: (id) => `第 ${id} 条日志与签名检查点记录的校验码不符`,
  head_mismatch: (id) => `日志末尾第 ${id} 条与链头记录不符（末尾日志被删除或修改）`,
};

function broken(entryId: number, reason: AuditBreakReason): AuditBreak {
  return { entryId, reason, message: MESSAGES[reason](entryId) };
}

/**
 * Verifies a range of the chain (REG-08): ids gapless, each prev_mac equal to the MAC before,
 * each MAC recomputed under the chain key, each signed checkpoint valid and matching, and the
 * tail matching the chain head. Answers "intact" or the first broken entry and why.
 */
export async function verifyAuditRange(
  db: DbOrTx,
  crypto: CryptoProvider,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const head = await readChainHead(db);
  const firstRetained = await firstRetainedId(db);
  const fromId = Math.max(options.fromId ?? firstRetained, firstRetained);
  const toId = Math.min(options.toId ?? head.lastId, head.lastId);
  const trusted = new Set([crypto.publicKeyHex(), ...(options.trustedPublicKeys ?? [])]);
  const result: AuditVerification = {
    intact: true,
    fromId,
    toId,
    entriesChecked: 0,
    checkpointsChecked: 0,
  };
  if (toId < fromId) return result;

  const fail = (b: AuditBreak) => ({ ...result, intact: false, firstBreak: b });
  const anchor = await previousMacOf(db, crypto, fromId, trusted);
  if ('reason' in anchor) return fail(anchor);
  const checkpoints = new Map(
    (await findCheckpointsEndingIn(db, fromId, toId)).map((c) => [c.lastId, c]),
  );

  let expectedId = fromId;
  let expectedPrev = anchor.mac;
  const batchSize = options.batchSize ?? 5000;
  while (expectedId <= toId) {
    // A window of ids, not an open range with LIMIT: ids are gapless, so the window holds at most
    // batchSize rows and is always a short index range scan, however large the table.
    const windowEnd = Math.min(expectedId + batchSize - 1, toId);
    const rows = await db
      .select()
      .from(auditEntry)
      .where(and(gte(auditEntry.id, expectedId), lte(auditEntry.id, windowEnd)))
      .orderBy(asc(auditEntry.id));
    if (rows.length === 0) return fail(broken(expectedId, 'missing'));
    for (const row of rows) {
      if (row.id !== expectedId) return fail(broken(expectedId, 'missing'));
      if (row.prevMac !== expectedPrev) return fail(broken(row.id, 'link_broken'));
      if (crypto.hmacSm3('audit_chain', encodeAuditEntry(row)) !== row.mac)
        return fail(broken(row.id, 'mac_mismatch'));
      const checkpoint = checkpoints.get(row.id);
      if (checkpoint) {
        const problem = checkCheckpoint(crypto, checkpoint, trusted);
        if (problem) return fail(broken(row.id, problem));
        if (checkpoint.lastMac !== row.mac) return fail(broken(row.id, 'checkpoint_mismatch'));
        result.checkpointsChecked += 1;
      }
      if (row.id === head.lastId && row.mac !== head.lastMac)
        return fail(broken(row.id, 'head_mismatch'));
      result.entriesChecked += 1;
      expectedPrev = row.mac;
      expectedId += 1;
    }
  }
  return result;
}

/** A checkpoint's signature problem, or undefined when it is validly signed by a trusted key. */
export function checkCheckpoint(
  crypto: CryptoProvider,
  checkpoint: AuditCheckpointRow,
  trusted: ReadonlySet<string>,
): 'checkpoint_untrusted_key' | 'checkpoint_signature_invalid' | undefined {
  if (!trusted.has(checkpoint.publicKey)) return 'checkpoint_untrusted_key';
  const ok = crypto.verify(
    encodeCheckpoint(checkpoint),
    checkpoint.signature,
    checkpoint.publicKey,
  );
  return ok ? undefined : 'checkpoint_signature_invalid';
}

/** The first id still in the table by design: 1, or one past the last archived range. */
export async function firstRetainedId(db: DbOrTx): Promise<number> {
  const [last] = await db
    .select({ lastId: auditArchive.lastId })
    .from(auditArchive)
    .orderBy(desc(auditArchive.lastId))
    .limit(1);
  return (last?.lastId ?? 0) + 1;
}

/**
 * The MAC the entry at fromId must chain to: genesis, the stored entry before it, or, right after
 * an archived range, the last MAC of the signed checkpoint that closed that range.
 */
async function previousMacOf(
  db: DbOrTx,
  crypto: CryptoProvider,
  fromId: number,
  trusted: ReadonlySet<string>,
): Promise<{ mac: string } | AuditBreak> {
  if (fromId === 1) return { mac: GENESIS_MAC };
  const [before] = await db
    .select({ mac: auditEntry.mac })
    .from(auditEntry)
    .where(eq(auditEntry.id, fromId - 1));
  if (before) return { mac: before.mac };
  const [archived] = await db
    .select({ checkpoint: auditCheckpoint })
    .from(auditArchive)
    .innerJoin(auditCheckpoint, eq(auditArchive.checkpointId, auditCheckpoint.id))
    .where(eq(auditArchive.lastId, fromId - 1));
  if (!archived) return broken(fromId - 1, 'missing');
  const problem = checkCheckpoint(crypto, archived.checkpoint, trusted);
  return problem ? broken(fromId - 1, problem) : { mac: archived.checkpoint.lastMac };
}
