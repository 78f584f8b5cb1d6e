import { toCanonicalJson } from '@kaolu/domain';
import { and, asc, gte, lte } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { DbOrTx } from '../../db/client';
import type { CryptoProvider } from '../crypto';
import type { AuditEntryRow } from './audit-canonical';
import { findCheckpointsEndingIn } from './audit-chain.repository';
import {
  digestExportRow,
  encodeManifestForSigning,
  ENTRY_SHEET_NAME,
  EXPORT_COLUMNS,
  MAX_EXPORT_ENTRIES,
  sanitiseCellText,
  sm3Hex,
  type AuditExportManifest,
} from './audit-export-format';
import { verifyAuditRange } from './audit-verifier';
import { auditEntry } from './audit.table';

export type AuditExport = {
  workbook: Buffer;
  workbookFile: string;
  manifest: AuditExportManifest;
  /** The signature file's text (pretty JSON) and its suggested name. */
  manifestText: string;
  manifestFile: string;
};

/** The requested range cannot be exported: nothing in it, or more than MAX_EXPORT_ENTRIES. */
export class AuditRangeError extends RangeError {
  constructor(readonly reason: 'empty' | 'too_large') {
    super(reason === 'empty' ? '导出范围内没有日志' : `单次最多导出 ${MAX_EXPORT_ENTRIES} 条日志`);
    this.name = 'AuditRangeError';
  }
}

export type ExportRangeOptions = {
  fromId: number;
  toId: number;
  exportedBy: string;
  now?: Date;
  trustedPublicKeys?: readonly string[];
};

/**
 * Exports a range of the log to an Excel workbook plus an SM2-signed manifest (REG-08). The
 * manifest pins the workbook's SM3, every row's digest and the checkpoints inside the range, so
 * `verify-audit-export` can check it later with only the public key.
 */
export async function exportAuditRange(
  db: DbOrTx,
  crypto: CryptoProvider,
  options: ExportRangeOptions,
): Promise<AuditExport> {
  const now = options.now ?? new Date();
  const verification = await verifyAuditRange(db, crypto, {
    fromId: options.fromId,
    toId: options.toId,
    trustedPublicKeys: options.trustedPublicKeys,
  });
  const { fromId, toId } = verification;
  if (toId < fromId) throw new AuditRangeError('empty');
  if (toId - fromId + 1 > MAX_EXPORT_ENTRIES) throw new AuditRangeError('too_large');
  const rows = await db
    .select()
    .from(auditEntry)
    .where(and(gte(auditEntry.id, fromId), lte(auditEntry.id, toId)))
    .orderBy(asc(auditEntry.id));
  if (rows.length === 0) throw new AuditRangeError('empty');
  const checkpoints = await findCheckpointsEndingIn(db, fromId, toId);

  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15);
  const workbookFile = `audit-log_${fromId}-${toId}_${stamp}.xlsx`;
  const workbook = await buildWorkbook(rows, now);
  const unsigned: Omit<AuditExportManifest, 'signature'> = {
    format: 'kaolu-audit-export',
    version: 1,
    fromId: rows[0]!.id,
    toId: rows.at(-1)!.id,
    count: rows.length,
    exportedAt: now.toISOString(),
    exportedBy: options.exportedBy,
    workbookFile,
    workbookSm3: sm3Hex(workbook),
    firstPrevMac: rows[0]!.prevMac,
    lastMac: rows.at(-1)!.mac,
    chainIntact: verification.intact,
    chainBreak: verification.firstBreak ?? null,
    rowDigests: rows.map(digestExportRow),
    checkpoints: checkpoints.map((c) => ({
      firstId: c.firstId,
      lastId: c.lastId,
      lastMac: c.lastMac,
      entryCount: c.entryCount,
      createdAt: c.createdAt.toISOString(),
      publicKey: c.publicKey,
      signature: c.signature,
    })),
    publicKey: crypto.publicKeyHex(),
  };
  const manifest = { ...unsigned, signature: crypto.sign(encodeManifestForSigning(unsigned)) };
  return {
    workbook,
    workbookFile,
    manifest,
    manifestText: `${JSON.stringify(manifest, null, 2)}\n`,
    manifestFile: workbookFile.replace(/\.xlsx$/, '.sig.json'),
  };
}

/** Entry → the text of each cell, in EXPORT_COLUMNS order; the verifier reverses this exactly. */
export function entryCells(row: AuditEntryRow): Array<string | number | null> {
  return EXPORT_COLUMNS.map(({ key }) => {
    const value = row[key];
    if (key === 'id') return value as number;
    if (value === null) return null;
    if (value instanceof Date) return value.toISOString();
    return sanitiseCellText(typeof value === 'string' ? value : toCanonicalJson(value));
  });
}

async function buildWorkbook(rows: AuditEntryRow[], now: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'kaolu';
  book.created = now;
  book.modified = now;
  const sheet = book.addWorksheet(ENTRY_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(entryCells(row));
  return Buffer.from(await book.xlsx.writeBuffer());
}
