import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, gte, lte, max, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import type { CryptoProvider } from '../crypto';
import { sm3Hex } from './audit-export-format';
import { exportAuditRange } from './audit-export';
import { firstRetainedId } from './audit-verifier';
import { auditCheckpoint, auditEntry } from './audit.table';
import type { AuditActor, AuditLog } from './audit.types';

/** REG-08: entries are kept at least this long; the database function enforces the same limit. */
export const RETENTION_DAYS = 180;

export type ArchiveOptions = {
  checkpointId: number;
  directory: string;
  actor: AuditActor;
  archivedBy: string;
  now?: Date;
};
export type ArchiveResult = {
  fromId: number;
  toId: number;
  count: number;
  workbookPath: string;
  manifestPath: string;
};

/**
 * Archives every retained entry up to a signed checkpoint (REG-08 retention): exports them to a
 * workbook and signature file, then drops them through kaolu_audit_archive(), which refuses
 * entries younger than 180 days. The next entry's prev_mac stays provable from the checkpoint.
 */
export async function archiveAuditRange(
  db: Db,
  crypto: CryptoProvider,
  audit: AuditLog,
  options: ArchiveOptions,
): Promise<ArchiveResult> {
  const [checkpoint] = await db
    .select()
    .from(auditCheckpoint)
    .where(eq(auditCheckpoint.id, options.checkpointId));
  if (!checkpoint) throw new RangeError(`签名检查点 ${options.checkpointId} 不存在`);
  const fromId = await firstRetainedId(db);
  if (checkpoint.lastId < fromId) throw new RangeError(`检查点 ${checkpoint.id} 之前的日志已归档`);
  // Checked here for a clear message before any file is written; kaolu_audit_archive enforces it again.
  const [newest] = await db
    .select({ at: max(auditEntry.occurredAt) })
    .from(auditEntry)
    .where(and(gte(auditEntry.id, fromId), lte(auditEntry.id, checkpoint.lastId)));
  const now = options.now ?? new Date();
  if (newest?.at && newest.at.getTime() > now.getTime() - RETENTION_DAYS * 86_400_000) {
    throw new RangeError(
      `审计日志至少保留 ${RETENTION_DAYS} 天，检查点 ${checkpoint.id} 之前仍有较新的日志`,
    );
  }

  const exported = await exportAuditRange(db, crypto, {
    fromId,
    toId: checkpoint.lastId,
    exportedBy: options.archivedBy,
    now,
  });
  // Dropping a range that fails verification would destroy the evidence of tampering.
  if (!exported.manifest.chainIntact)
    throw new Error(`待归档的日志未通过验证：${exported.manifest.chainBreak?.message ?? ''}`);
  await mkdir(options.directory, { recursive: true });
  const workbookPath = path.join(options.directory, exported.workbookFile);
  const manifestPath = path.join(options.directory, exported.manifestFile);
  // Files first: if the process dies before the delete commits, the rows are still in the table.
  await writeFile(workbookPath, exported.workbook, { flag: 'wx' });
  await writeFile(manifestPath, exported.manifestText, { flag: 'wx' });

  const count = await db.transaction(async (tx) => {
    const result = await tx.execute(
      sql`select kaolu_audit_archive(${checkpoint.id}, ${sm3Hex(exported.workbook)}, ${exported.workbookFile}, ${options.archivedBy}) as n`,
    );
    const deleted = Number(rowsOf<{ n: number | string }>(result)[0]?.n ?? 0);
    await audit.record(tx, {
      action: 'audit.archived',
      actor: options.actor,
      targetType: 'audit_checkpoint',
      targetId: String(checkpoint.id),
      result: 'success',
      details: {
        fromId,
        toId: checkpoint.lastId,
        count: deleted,
        file: exported.workbookFile,
        workbookSm3: exported.manifest.workbookSm3,
      },
    });
    return deleted;
  });
  return { fromId, toId: checkpoint.lastId, count, workbookPath, manifestPath };
}
