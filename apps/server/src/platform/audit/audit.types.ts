import type { DbOrTx } from '../../db/client';

/** Who did it: a staff user, a candidate, or the system itself (jobs, start-up). */
export type AuditActor =
  | { kind: 'staff'; id: string; username: string; role?: string }
  | { kind: 'candidate'; id: string }
  | { kind: 'system'; id: string }
  | { kind: 'anonymous' };

/** One important operation (REG-08): actions are `resource.past_tense`, e.g. `login.succeeded`. */
export type AuditEntryInput = {
  action: string;
  actor: AuditActor;
  targetType?: string;
  targetId?: string;
  result: 'success' | 'failure';
  /** Context for the reader; never clear personal data (mask or omit ID numbers and phones). */
  details?: Record<string, unknown>;
  ip?: string;
  requestId?: string;
};

/**
 * The signed audit log every module writes to. `record` takes the caller's transaction so the entry
 * commits or rolls back together with the change it describes.
 */
export type AuditLog = {
  record(tx: DbOrTx, entry: AuditEntryInput): Promise<void>;
};
