import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { maskPersonalData } from '../../platform/masking';
import { findEventById } from '../events';
import { dispatchRound } from './dispatch.table';

/** Where a dispatch stands: open (units register) → allocated (org adjusts) → confirmed (fixed). */
export type DispatchStatus = 'open' | 'allocated' | 'confirmed';
// An examiner's name is sealed to his row, as every personal datum (NFR-SEC-2).
export const sealedName = (rowId: string) => ({
  table: 'examiner_dispatch_examiner',
  column: 'name',
  rowId,
});

export type DispatchDeps = { db: Db; crypto: CryptoProvider; audit: AuditLog; now: () => Date };

/**
 * What the unit side and the org side of the external examiner dispatch (INT-09a) share: the
 * round's status, the confirmed lock, the masked names and the audit entry of every change.
 */
export function createDispatchCommon(deps: DispatchDeps) {
  const { db, crypto, audit, now } = deps;
  const sealed = sealedName;
  const nameOf = (r: { id: string; nameEnc: string }) =>
    maskPersonalData(crypto.decryptField(r.nameEnc, sealed(r.id)), 'name');

  async function statusOf(tx: DbOrTx, eventId: string): Promise<DispatchStatus> {
    const [round] = await tx.select().from(dispatchRound).where(eq(dispatchRound.eventId, eventId));
    return round?.status ?? 'open';
  }
  async function setStatus(tx: DbOrTx, eventId: string, status: DispatchStatus) {
    const at = now();
    const stamps = status === 'confirmed' ? { confirmedAt: at } : { allocatedAt: at };
    await tx
      .insert(dispatchRound)
      .values({ eventId, status, ...stamps })
      .onConflictDoUpdate({ target: dispatchRound.eventId, set: { status, ...stamps } });
  }
  /** Changes are refused once the org confirmed: units and examiners rely on the result. */
  async function assertOpen(tx: DbOrTx, eventId: string) {
    if ((await statusOf(tx, eventId)) === 'confirmed') throw new AppError('DISPATCH.CONFIRMED');
  }
  async function assertEvent(eventId: string) {
    if (!(await findEventById(db, eventId))) throw new AppError('EVENT.NOT_FOUND');
  }

  async function record(
    tx: DbOrTx,
    ctx: ChangeContext,
    action: string,
    targetId: string,
    details: object,
  ) {
    await audit.record(tx, {
      ...auditBase(ctx),
      action,
      targetType: 'examiner_dispatch',
      targetId,
      result: 'success',
      details: details as Record<string, unknown>,
    });
  }

  return { nameOf, statusOf, setStatus, assertOpen, assertEvent, record };
}

export type DispatchCommon = ReturnType<typeof createDispatchCommon>;
