// Public face of the audit log (REG-08): modules import from here only.
export type { AuditActor, AuditEntryInput, AuditLog } from './audit.types';
export {
  createAuditLog,
  type AuditLogOptions,
  type AuditLogService,
  type AuditSealer,
} from './audit-log';
export {
  verifyAuditRange,
  type AuditBreak,
  type AuditBreakReason,
  type AuditVerification,
  type VerifyOptions,
} from './audit-verifier';
export {
  GENESIS_MAC,
  auditEntry,
  auditPending,
  auditCheckpoint,
  auditArchive,
  auditChainHead,
} from './audit.table';
export {
  AuditRangeError,
  exportAuditRange,
  type AuditExport,
  type ExportRangeOptions,
} from './audit-export';
export {
  verifyAuditExport,
  type ExportFiles,
  type ExportProblem,
  type ExportVerification,
} from './audit-export-verifier';
export { MAX_EXPORT_ENTRIES, type AuditExportManifest } from './audit-export-format';
export {
  archiveAuditRange,
  RETENTION_DAYS,
  type ArchiveOptions,
  type ArchiveResult,
} from './audit-archive';
export { firstRetainedId } from './audit-verifier';
