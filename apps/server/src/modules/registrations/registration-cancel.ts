import { and, eq } from 'drizzle-orm';
import type { AuditActor } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { assertStageOpen } from '../events';
import type { RegistrationsContext } from './registration-context';
import type { RegistrationEligibility } from './registration-eligibility';
import { transitionRegistration } from './registration-status';
import { examRegistration } from './registration.table';

/** The candidate's withdrawal of an exam registration before the deadline, with its fee settled. */
export function createRegistrationCancel(
  deps: RegistrationsContext,
  eligibility: Pick<RegistrationEligibility, 'loadEvent'>,
) {
  const { db, audit, now, fees } = deps;
  const { loadEvent } = eligibility;

  /**
   * The candidate withdraws before the registration deadline (REG-11). The fee rule (docs/rules.md):
   * a paid fee is refunded at once by a 退缴费通知书, an unpaid notice is closed, and a payment for it
   * arriving later is refunded; registering again issues a new notice. So a candidate is charged for
   * at most one registration per event. The notice is locked before the registration, in the order
   * the payment callback locks them, so a cancel racing a confirmation cannot deadlock.
   */
  async function cancel(
    candidateId: string,
    registrationId: string,
    actor: AuditActor,
  ): Promise<void> {
    const [row] = await db
      .select()
      .from(examRegistration)
      .where(
        and(eq(examRegistration.id, registrationId), eq(examRegistration.candidateId, candidateId)),
      );
    // Another candidate's registration answers not found, never forbidden.
    if (!row) throw new AppError('REGISTRATION.NOT_FOUND');
    assertStageOpen(await loadEvent(row.eventId), 'exam_registration', now());
    await db.transaction(async (tx) => {
      const settled = await fees().settleOnCancel(tx, row.id, '考生撤销报名');
      const moved = await transitionRegistration(
        tx,
        row.id,
        row.status,
        'cancelled',
        { kind: 'cancelled', message: '考生撤销报名' },
        { at: now() },
      );
      // Its status changed since the read (a payment confirmed it, say): the cancel rolls back.
      if (!moved) throw new AppError('COMMON.CONFLICT');
      await audit.record(tx, {
        action: 'registration.cancelled',
        actor,
        targetType: 'exam_registration',
        targetId: row.id,
        result: 'success',
        details: { from: row.status, fee: settled },
      });
    });
  }

  return { cancel };
}
