import type { AuditEntry, AuditVerification } from '@kaolu/contracts';
import type { AuditVerification as ChainVerification } from '../../platform/audit';
import type { auditEntry } from '../../platform/audit';

/**
 * Entry row → API shape. Details were written masked by the callers (never clear personal data);
 * `names` (from auditTargetNames) gives the target a readable name where one is known.
 */
export function presentAuditEntry(
  row: typeof auditEntry.$inferSelect,
  names: ReadonlyMap<string, string> = new Map(),
): AuditEntry {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorKind: row.actorKind,
    actorId: row.actorId,
    actorName: row.actorName,
    actorRole: row.actorRole,
    ip: row.ip,
    requestId: row.requestId,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    targetName: (row.targetType && names.get(`${row.targetType}:${row.targetId}`)) ?? null,
    result: row.result,
    details: row.details as Record<string, unknown>,
    // The entry's MAC goes out too, so an auditor can compare it with an exported copy.
    mac: row.mac,
  };
}

/** A chain verification → API shape; no break is null rather than absent, for a stable answer. */
export function presentVerification(v: ChainVerification): AuditVerification {
  return {
    intact: v.intact,
    fromId: v.fromId,
    toId: v.toId,
    entriesChecked: v.entriesChecked,
    checkpointsChecked: v.checkpointsChecked,
    firstBreak: v.firstBreak ?? null,
  };
}
