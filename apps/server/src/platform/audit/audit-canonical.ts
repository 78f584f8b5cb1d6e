import { toCanonicalJson } from '@kaolu/domain';
import type { auditCheckpoint, auditEntry } from './audit.table';

// The byte-exact encodings that get MACed and signed. The server, the verifier and the offline
// export checker all go through these functions, so they can never disagree on a field's form.

export type AuditEntryRow = typeof auditEntry.$inferSelect;
export type AuditCheckpointRow = typeof auditCheckpoint.$inferSelect;

/** An entry before its MAC is known. */
export type UnsealedEntry = Omit<AuditEntryRow, 'mac'>;

/** The fields a checkpoint's SM2 signature covers. */
export type CheckpointBody = Pick<
  AuditCheckpointRow,
  'firstId' | 'lastId' | 'lastMac' | 'entryCount' | 'createdAt'
>;

const ENTRY_FORMAT = 'kaolu-audit-entry/1';
const CHECKPOINT_FORMAT = 'kaolu-audit-checkpoint/1';

/**
 * Canonical text of an entry including the previous MAC (REG-08). The id is inside, so moving or
 * swapping rows breaks their MACs; keys are sorted, so JSONB's own key order does not matter.
 */
export function encodeAuditEntry(entry: UnsealedEntry): string {
  // Written out in sorted key order rather than through toCanonicalJson: verification encodes a
  // million entries, and this is twice as fast. audit-canonical.test.ts proves both agree.
  const j = JSON.stringify;
  return (
    `{"action":${j(entry.action)},` +
    `"actor":{"id":${j(entry.actorId)},"kind":${j(entry.actorKind)},"name":${j(entry.actorName)},"role":${j(entry.actorRole)}},` +
    `"at":${j(entry.occurredAt.toISOString())},"details":${toCanonicalJson(entry.details)},"f":${j(ENTRY_FORMAT)},` +
    `"id":${j(entry.id)},"ip":${j(entry.ip)},"prevMac":${j(entry.prevMac)},"requestId":${j(entry.requestId)},` +
    `"result":${j(entry.result)},"target":{"id":${j(entry.targetId)},"type":${j(entry.targetType)}}}`
  );
}

/** The same encoding through the generic canonical JSON, the reference the fast form is tested against. */
export function encodeAuditEntryReference(entry: UnsealedEntry): string {
  return toCanonicalJson({
    f: ENTRY_FORMAT,
    id: entry.id,
    at: entry.occurredAt.toISOString(),
    actor: {
      kind: entry.actorKind,
      id: entry.actorId,
      name: entry.actorName,
      role: entry.actorRole,
    },
    ip: entry.ip,
    requestId: entry.requestId,
    action: entry.action,
    target: { type: entry.targetType, id: entry.targetId },
    result: entry.result,
    details: entry.details,
    prevMac: entry.prevMac,
  });
}

/** Canonical text of a checkpoint, the message its SM2 signature is made over. */
export function encodeCheckpoint(body: CheckpointBody): string {
  return toCanonicalJson({
    f: CHECKPOINT_FORMAT,
    firstId: body.firstId,
    lastId: body.lastId,
    lastMac: body.lastMac,
    count: body.entryCount,
    createdAt: body.createdAt.toISOString(),
  });
}

/**
 * Details as they will read back from JSONB: undefined dropped, dates as ISO text. MACing this
 * form (not the caller's object) keeps the MAC reproducible from the stored row.
 */
export function normaliseDetails(
  details: Record<string, unknown> | undefined,
): Record<string, unknown> {
  return JSON.parse(JSON.stringify(details ?? {})) as Record<string, unknown>;
}
