import { and, eq } from 'drizzle-orm';
import type { AuditActor } from '../../platform/audit';
import { windowOf } from '../events';
import { applyAppeals } from './registration-appeals';
import { evaluateRegistration, lookUpResidence, type CheckOutcome } from './registration-checks';
import { RECHECK_JOB, type RegistrationsContext } from './registration-context';
import {
  referenceDateOf,
  refusalMessage,
  type RegistrationEligibility,
} from './registration-eligibility';
import type { RegistrationSubmission } from './registration-submission';
import { transitionRegistration } from './registration-status';
import { examRegistration } from './registration.table';

/**
 * The 待核验 path (NFR-EXC-1): a registration saved while the city platform was down is checked
 * again by a job, one by one or for a whole event after an outage; never passed without an answer.
 */
export function createRegistrationVerification(
  deps: RegistrationsContext,
  eligibility: Pick<RegistrationEligibility, 'loadEvent'>,
  submission: Pick<RegistrationSubmission, 'afterPassed'>,
) {
  const { db, crypto, audit, jobs, exchange, profiles, appeals, now } = deps;
  const { loadEvent } = eligibility;
  const { afterPassed } = submission;

  /**
   * The 待核验 recheck (job): asks the platform again; still down → throw so the job retries with
   * backoff; answered → passed (notice issued) or rejected with the reason. Never passed silently.
   */
  async function recheck(registrationId: string): Promise<{ status: string }> {
    const [row] = await db
      .select()
      .from(examRegistration)
      .where(eq(examRegistration.id, registrationId));
    // Already decided (by an earlier run, or cancelled meanwhile): nothing to do, and not a failure
    // the job should retry.
    if (!row || row.status !== 'pending_verification') return { status: row?.status ?? 'missing' };
    const event = await loadEvent(row.eventId);
    const person = await profiles.identityOf(row.candidateId);
    const idNumber = crypto.decryptField(person.idNumberEnc, {
      table: 'candidate',
      column: 'id_number',
      rowId: person.id,
    });
    const lookup = await lookUpResidence(exchange.city, { idNumber, name: person.name });
    if (!lookup.available) throw new Error(`市数据共享平台仍不可用：${lookup.reason}`);
    // Judged as of the submission (the frozen profile, the day it was made), not of the retry.
    const referenceDate = referenceDateOf(
      windowOf(event, 'exam_registration'),
      new Date(row.createdAt),
    );
    // A residence appeal approved meanwhile (ONL-01) counts here as it does on submission.
    const outcome: CheckOutcome = applyAppeals(
      evaluateRegistration({
        identity: person,
        document: row.profileSnapshot as never,
        policy: event.policy,
        referenceDate,
        lookup,
      }),
      await appeals().approvedFor(db, row.candidateId, row.eventId),
      false,
    );
    return db.transaction(async (tx) => {
      if (!outcome.eligible) {
        await transitionRegistration(
          tx,
          row.id,
          'pending_verification',
          'rejected',
          {
            kind: 'verification_failed',
            message: `户籍/居住证核验未通过：${refusalMessage(outcome)}`,
          },
          { checks: outcome.checks, at: now() },
        );
        await audit.record(tx, {
          action: 'registration.rejected',
          actor: { kind: 'system', id: RECHECK_JOB },
          targetType: 'exam_registration',
          targetId: row.id,
          result: 'success',
        });
        return { status: 'rejected' };
      }
      const moved = await transitionRegistration(
        tx,
        row.id,
        'pending_verification',
        'awaiting_payment',
        { kind: 'verification_passed', message: '户籍/居住证核验通过' },
        { checks: outcome.checks, at: now() },
      );
      // Only the run that moved it issues the notice, so a duplicate job cannot issue two.
      if (moved) await afterPassed(tx, row.id, event, person.name);
      await audit.record(tx, {
        action: 'registration.verified',
        actor: { kind: 'system', id: RECHECK_JOB },
        targetType: 'exam_registration',
        targetId: row.id,
        result: 'success',
      });
      return { status: 'awaiting_payment' };
    });
  }

  /** Staff: queue a recheck for every 待核验 registration of an event (after an outage, or a failed job). */
  async function recheckPending(eventId: string, actor: AuditActor): Promise<{ queued: number }> {
    // The jobs and the audit entry commit together; a registration already rechecked by then is
    // skipped by the job itself.
    return db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: examRegistration.id })
        .from(examRegistration)
        .where(
          and(
            eq(examRegistration.eventId, eventId),
            eq(examRegistration.status, 'pending_verification'),
          ),
        );
      for (const r of rows)
        await jobs.enqueue(RECHECK_JOB, { registrationId: r.id }, { maxAttempts: 30 }, tx);
      await audit.record(tx, {
        action: 'registration.recheck_queued',
        actor,
        targetType: 'event',
        targetId: eventId,
        result: 'success',
        details: { queued: rows.length },
      });
      return { queued: rows.length };
    });
  }

  return { recheck, recheckPending };
}
