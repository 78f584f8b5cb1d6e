import { createHash } from 'node:crypto';
import { toCanonicalJson } from '@kaolu/domain';
import { z } from 'zod';
import { encodeAuditEntry, type AuditEntryRow } from './audit-canonical';

// What an export of the log looks like: the workbook's columns and the signed manifest (the
// "signature file"). Shared by the exporter and the offline checker, which holds no secret key.

/** Workbook columns in order; `key` is the entry field, `header` what the auditor reads. */
export const EXPORT_COLUMNS = [
  { key: 'id', header: '序号', width: 10 },
  { key: 'occurredAt', header: '时间', width: 26 },
  { key: 'actorKind', header: '操作人类型', width: 12 },
  { key: 'actorId', header: '操作人编号', width: 38 },
  { key: 'actorName', header: '操作人', width: 14 },
  { key: 'actorRole', header: '角色', width: 14 },
  { key: 'ip', header: 'IP 地址', width: 16 },
  { key: 'requestId', header: '请求号', width: 24 },
  { key: 'action', header: '操作', width: 24 },
  { key: 'targetType', header: '对象类型', width: 14 },
  { key: 'targetId', header: '对象编号', width: 38 },
  { key: 'result', header: '结果', width: 10 },
  { key: 'details', header: '详情', width: 60 },
  { key: 'prevMac', header: '前序校验码', width: 66 },
  { key: 'mac', header: '校验码', width: 66 },
] as const satisfies ReadonlyArray<{ key: keyof AuditEntryRow; header: string; width: number }>;

export const ENTRY_SHEET_NAME = '审计日志';
/** Excel holds 1 048 576 rows; exports stay far below so the workbook opens quickly. */
export const MAX_EXPORT_ENTRIES = 100_000;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const ExportCheckpointSchema = z.object({
  firstId: z.number().int(),
  lastId: z.number().int(),
  lastMac: Hex64,
  entryCount: z.number().int(),
  createdAt: z.string(),
  publicKey: z.string(),
  signature: z.string(),
});

/** The signature file: everything an offline verifier needs besides the workbook and the public key. */
export const AuditExportManifestSchema = z.object({
  format: z.literal('kaolu-audit-export'),
  version: z.literal(1),
  fromId: z.number().int(),
  toId: z.number().int(),
  count: z.number().int(),
  exportedAt: z.string(),
  exportedBy: z.string(),
  workbookFile: z.string(),
  workbookSm3: Hex64,
  firstPrevMac: Hex64,
  lastMac: Hex64,
  /** Whether the server's own MAC verification of the range passed when it exported. */
  chainIntact: z.boolean(),
  chainBreak: z
    .object({ entryId: z.number().int(), reason: z.string(), message: z.string() })
    .nullable(),
  /** 128-bit SM3 digest per entry, so a changed workbook row can be located without any key. */
  rowDigests: z.array(z.string().regex(/^[0-9a-f]{32}$/)),
  checkpoints: z.array(ExportCheckpointSchema),
  publicKey: z.string(),
  signature: z.string(),
});
export type AuditExportManifest = z.infer<typeof AuditExportManifestSchema>;

/** The exact message the manifest's SM2 signature covers. */
export function encodeManifestForSigning(
  manifest: Omit<AuditExportManifest, 'signature'> & { signature?: string },
): string {
  const { signature: _signature, ...signed } = manifest;
  return toCanonicalJson(signed);
}

export function sm3Hex(data: string | Uint8Array): string {
  return createHash('sm3').update(data).digest('hex');
}

/** Digest of one entry as exported: its canonical encoding and its MAC. */
export function digestExportRow(row: AuditEntryRow): string {
  return sm3Hex(`${encodeAuditEntry(row)}\n${row.mac}`).slice(0, 32);
}

// Text starting with these could run as a formula when opened (CSV/DDE injection): prefix a quote.
const FORMULA_START = /^[=+\-@\t\r']/;

/** Cell text safe against formula injection, and reversible so digests survive the round trip. */
export function sanitiseCellText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unsanitiseCellText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
