import ExcelJS from 'exceljs';
import { verifySm2 } from '../crypto';
import { encodeCheckpoint, type AuditEntryRow } from './audit-canonical';
import {
  AuditExportManifestSchema,
  digestExportRow,
  encodeManifestForSigning,
  ENTRY_SHEET_NAME,
  EXPORT_COLUMNS,
  sm3Hex,
  unsanitiseCellText,
  type AuditExportManifest,
} from './audit-export-format';

// Checks an exported range with nothing but the files and the SM2 public key (REG-08): no
// database, no secret key. Used by the `verify-audit-export` command an external auditor runs.

export type ExportProblemReason =
  | 'manifest_invalid'
  | 'signature_invalid'
  | 'workbook_unreadable'
  | 'id_sequence'
  | 'row_altered'
  | 'link_broken'
  | 'row_count'
  | 'checkpoint_signature_invalid'
  | 'checkpoint_mismatch'
  | 'chain_reported_broken';

export type ExportProblem = {
  reason: ExportProblemReason;
  message: string;
  entryId?: number;
  excelRow?: number;
};

export type ExportVerification = {
  ok: boolean;
  manifest?: AuditExportManifest;
  /** False when the workbook's bytes changed although every row still matches (e.g. re-saved). */
  workbookUnchanged: boolean;
  rowsChecked: number;
  checkpointsVerified: number;
  problem?: ExportProblem;
};

export type ExportFiles = { workbook: Buffer; manifestText: string; publicKeyHex: string };

/** Verifies an audit export's signature, workbook rows, chain links and checkpoints, keylessly. */
export async function verifyAuditExport(files: ExportFiles): Promise<ExportVerification> {
  const result: ExportVerification = {
    ok: false,
    workbookUnchanged: false,
    rowsChecked: 0,
    checkpointsVerified: 0,
  };
  const fail = (problem: ExportProblem) => ({ ...result, ok: false, problem });
  const publicKey = files.publicKeyHex.trim().toLowerCase();

  const manifest = parseManifest(files.manifestText);
  if (!manifest)
    return fail({
      reason: 'manifest_invalid',
      message: '签名文件格式错误，不是考录审计日志导出的签名文件',
    });
  result.manifest = manifest;
  if (!verifySm2(encodeManifestForSigning(manifest), manifest.signature, publicKey)) {
    return fail({
      reason: 'signature_invalid',
      message: '签名文件的 SM2 签名无效：签名文件被修改，或公钥不是导出系统的公钥',
    });
  }
  result.workbookUnchanged = sm3Hex(files.workbook) === manifest.workbookSm3;

  const rows = await readWorkbookRows(files.workbook);
  if (!rows)
    return fail({
      reason: 'workbook_unreadable',
      message: `无法读取工作簿或缺少工作表「${ENTRY_SHEET_NAME}」`,
    });
  const macs = new Map<number, string>();
  for (const [index, row] of rows.entries()) {
    const at = { entryId: manifest.fromId + index, excelRow: index + 2 };
    if (row.id !== at.entryId)
      return fail({
        ...at,
        reason: 'id_sequence',
        message: `第 ${at.excelRow} 行应为第 ${at.entryId} 条日志，实际为 ${row.id}（日志被删除、插入或调换）`,
      });
    if (index >= manifest.count || safeDigest(row) !== manifest.rowDigests[index]) {
      return fail({
        ...at,
        reason: 'row_altered',
        message: `第 ${at.entryId} 条日志（第 ${at.excelRow} 行）与签名时的内容不符`,
      });
    }
    const expectedPrev = index === 0 ? manifest.firstPrevMac : rows[index - 1]!.mac;
    if (row.prevMac !== expectedPrev)
      return fail({
        ...at,
        reason: 'link_broken',
        message: `第 ${at.entryId} 条日志的前序校验码与上一条不符`,
      });
    macs.set(row.id, row.mac);
    result.rowsChecked += 1;
  }
  if (rows.length !== manifest.count) {
    const entryId = manifest.fromId + rows.length;
    return fail({
      entryId,
      reason: 'row_count',
      message: `工作簿只有 ${rows.length} 条日志，签名文件记录 ${manifest.count} 条；自第 ${entryId} 条起缺失`,
    });
  }

  for (const checkpoint of manifest.checkpoints) {
    const body = { ...checkpoint, createdAt: new Date(checkpoint.createdAt) };
    const signedByKey =
      checkpoint.publicKey.toLowerCase() === publicKey &&
      verifySm2(encodeCheckpoint(body), checkpoint.signature, publicKey);
    if (!signedByKey)
      return fail({
        entryId: checkpoint.lastId,
        reason: 'checkpoint_signature_invalid',
        message: `截至第 ${checkpoint.lastId} 条的签名检查点未能用该公钥验证`,
      });
    if (macs.get(checkpoint.lastId) !== checkpoint.lastMac) {
      return fail({
        entryId: checkpoint.lastId,
        reason: 'checkpoint_mismatch',
        message: `第 ${checkpoint.lastId} 条日志与签名检查点记录的校验码不符`,
      });
    }
    result.checkpointsVerified += 1;
  }
  if (!manifest.chainIntact && manifest.chainBreak) {
    return fail({
      entryId: manifest.chainBreak.entryId,
      reason: 'chain_reported_broken',
      message: `导出时系统已发现：${manifest.chainBreak.message}`,
    });
  }
  return { ...result, ok: true };
}

function parseManifest(text: string): AuditExportManifest | undefined {
  try {
    const parsed = AuditExportManifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Rebuilds the entries from the workbook cells, reversing exactly what the exporter wrote. */
async function readWorkbookRows(workbook: Buffer): Promise<AuditEntryRow[] | undefined> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(workbook as unknown as ArrayBuffer);
  } catch {
    return undefined;
  }
  const sheet = book.getWorksheet(ENTRY_SHEET_NAME);
  if (!sheet) return undefined;
  const rows: AuditEntryRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (cells, rowNumber) => {
    if (rowNumber === 1) return;
    const entry: Record<string, unknown> = {};
    EXPORT_COLUMNS.forEach(({ key }, c) => {
      const cell = cells.getCell(c + 1);
      const text =
        cell.value === null || cell.value === undefined ? null : unsanitiseCellText(cell.text);
      entry[key] = readField(key, text);
    });
    rows.push(entry as AuditEntryRow);
  });
  return rows;
}

/** A row whose time or details no longer parse cannot match its digest: report it, do not throw. */
function safeDigest(row: AuditEntryRow): string {
  try {
    return digestExportRow(row);
  } catch {
    return '';
  }
}

function readField(key: (typeof EXPORT_COLUMNS)[number]['key'], text: string | null): unknown {
  if (key === 'id') return Number(text);
  if (key === 'occurredAt') return new Date(text ?? '');
  if (key === 'details') {
    try {
      return JSON.parse(text ?? '{}');
    } catch {
      return text;
    }
  }
  return text;
}
