// Public face of the audit log (REG-08): modules import from here only.
export type { AuditActor, AuditEntryInput, AuditLog } from './audit.types';
export { createAuditLog, type AuditLogOptions, type AuditLogService } from './audit-log';
export {
  verifyAuditRange,
  type AuditBreak,
  type AuditBreakReason,
  type AuditVerification,
  type VerifyOptions,
} from './audit-verifier';
export { GENESIS_MAC, auditEntry, auditCheckpoint, auditArchive, auditChainHead } from './audit.table';
