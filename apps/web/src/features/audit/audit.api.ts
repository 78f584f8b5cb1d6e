import type { z } from 'zod';
import type {
  AuditEntry,
  AuditEntryPageSchema,
  AuditEntryQuery,
  AuditExport,
  AuditPublicKeySchema,
  AuditRange,
  AuditVerification,
} from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';

export type { AuditEntry, AuditExport, AuditRange, AuditVerification };
export type AuditEntryPage = z.infer<typeof AuditEntryPageSchema>;
export type AuditPublicKey = z.infer<typeof AuditPublicKeySchema>;

/** Lists audit entries with the auditor's filters, newest first (REG-08). */
export function findAuditEntries(query: Partial<AuditEntryQuery>, options?: RequestOptions) {
  return http.get<AuditEntryPage>('/api/audit/entries', { ...options, query });
}

/** Verifies a range of the chain: "intact" or the first broken entry and why (REG-08). */
export function verifyAuditRange(range: AuditRange) {
  return http.post<AuditVerification>('/api/audit/verify', range);
}

/** Exports a range: the Excel workbook (base64) and its signature file (REG-08). */
export function exportAuditRange(range: AuditRange) {
  return http.post<AuditExport>('/api/audit/export', range);
}

/** The SM2 public key an auditor needs to verify exports offline. */
export function getAuditPublicKey() {
  return http.get<AuditPublicKey>('/api/audit/public-key');
}

/** Saves both files of an export through the browser's download. */
export function saveExportFiles(exported: AuditExport): void {
  const bytes = Uint8Array.from(atob(exported.workbookBase64), (c) => c.charCodeAt(0));
  saveBlob(
    new Blob([bytes], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
    exported.workbookFile,
  );
  saveBlob(
    new Blob([exported.signatureText], { type: 'application/json' }),
    exported.signatureFile,
  );
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked on the next tick: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
