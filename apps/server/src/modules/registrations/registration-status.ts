import type { RegistrationStatus } from '@kaolu/contracts';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import { examRegistration, registrationTimeline } from './registration.table';

/** Allowed status changes of an exam registration; everything else is a programming or race error. */
export const REGISTRATION_TRANSITIONS: Record<RegistrationStatus, readonly RegistrationStatus[]> = {
  // 待核验 → confirmed directly when the recheck passes and there is no fee.
  pending_verification: ['awaiting_payment', 'confirmed', 'rejected', 'cancelled'],
  awaiting_payment: ['confirmed', 'not_admitted', 'cancelled'],
  // A payment made before the deadline but confirmed after the sweep still admits the candidate.
  not_admitted: ['confirmed'],
  // A confirmed registration can still be withdrawn before the deadline; a paid fee is refunded.
  confirmed: ['cancelled'],
  rejected: [],
  cancelled: [],
};

/** Throws REGISTRATION.INVALID_TRANSITION unless `from → to` is in the table. */
export function assertRegistrationTransition(
  from: RegistrationStatus,
  to: RegistrationStatus,
): void {
  if (!REGISTRATION_TRANSITIONS[from].includes(to)) {
    throw new AppError('REGISTRATION.INVALID_TRANSITION', { details: { from, to } });
  }
}

/** Adds one line to the candidate's timeline, in the caller's transaction. */
export async function addTimeline(
  tx: DbOrTx,
  entry: {
    registrationId: string;
    kind: string;
    message: string;
    fromStatus?: RegistrationStatus | null;
    toStatus?: RegistrationStatus | null;
  },
): Promise<void> {
  await tx
    .insert(registrationTimeline)
    .values({ ...entry, fromStatus: entry.fromStatus ?? null, toStatus: entry.toStatus ?? null });
}

/**
 * Moves a registration from `from` to `to` if it is still in `from` (a guarded update, so two
 * workers cannot both move it) and writes the timeline line. Answers false when it had moved on.
 */
export async function transitionRegistration(
  tx: DbOrTx,
  registrationId: string,
  from: RegistrationStatus,
  to: RegistrationStatus,
  timeline: { kind: string; message: string },
  extra: { checks?: unknown; at: Date },
): Promise<boolean> {
  // A move outside the table is a bug in the caller, so it throws before touching the row.
  assertRegistrationTransition(from, to);
  const rows = await tx
    .update(examRegistration)
    .set({ status: to, updatedAt: extra.at, ...(extra.checks ? { checks: extra.checks } : {}) })
    .where(and(eq(examRegistration.id, registrationId), eq(examRegistration.status, from)))
    .returning({ id: examRegistration.id });
  if (rows.length === 0) return false;
  await addTimeline(tx, { registrationId, ...timeline, fromStatus: from, toStatus: to });
  return true;
}
