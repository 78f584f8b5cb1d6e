import type { CreateRegistration } from '@kaolu/contracts';
import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { AuditActor } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { assertStageOpen, windowOf, type EventRecord } from '../events';
import { RECHECK_JOB, type RegistrationsContext } from './registration-context';
import { refusalMessage, type RegistrationEligibility } from './registration-eligibility';
import { addTimeline, transitionRegistration } from './registration-status';
import { examRegistration } from './registration.table';

/**
 * True when a PostgreSQL unique violation (23505) is anywhere in the cause chain: Drizzle wraps the
 * driver's error, so the code sits on a `cause`.
 */
const isUniqueViolation = (error: unknown): boolean => {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: string }).code === '23505') return true;
  return false;
};

/**
 * Submitting an exam registration 笔试报名 (§7): the checks passed or 待核验, then the fee step —
 * the payment notice, or confirmation at once when there is nothing to pay (REG-11).
 */
export function createRegistrationSubmission(
  deps: RegistrationsContext,
  eligibility: RegistrationEligibility,
) {
  const { db, audit, jobs, now, fees } = deps;
  const { loadEvent, categoryOf, gather } = eligibility;

  /**
   * Registers a candidate for an event's written exam: window open, category from the policy,
   * checks passed (or 待核验 when the platform is down), once per event — the database enforces it.
   */
  async function register(
    candidateId: string,
    input: CreateRegistration,
    actor: AuditActor,
  ): Promise<{ id: string }> {
    const event = await loadEvent(input.eventId);
    assertStageOpen(event, 'exam_registration', now());
    const category = categoryOf(event.policy, input);
    // A cancelled registration is history, not a registration: the candidate may register again.
    const [existing] = await db
      .select({ id: examRegistration.id })
      .from(examRegistration)
      .where(
        and(
          eq(examRegistration.eventId, event.id),
          eq(examRegistration.candidateId, candidateId),
          ne(examRegistration.status, 'cancelled'),
        ),
      );
    if (existing) throw new AppError('REGISTRATION.ALREADY_REGISTERED');
    // Gathered outside the transaction: the platform may be slow and no transaction should wait
    // on it. The photo goes on the admission ticket, so it must be confirmed before registering.
    const { person, snapshot, outcome } = await gather(candidateId, event);
    if (!snapshot.photoConfirmed) throw new AppError('PROFILE.PHOTO_MISSING');
    if (!outcome.eligible)
      throw new AppError('REGISTRATION.NOT_ELIGIBLE', {
        message: refusalMessage(outcome),
        details: { checks: outcome.checks },
      });
    try {
      return await db.transaction(async (tx) => {
        const status = outcome.pending ? 'pending_verification' : 'awaiting_payment';
        const [row] = await tx
          .insert(examRegistration)
          .values({
            eventId: event.id,
            candidateId,
            examCategory: category.code,
            subjectCode: input.subjectCode ?? null,
            status,
            checks: outcome.checks,
            profileVersion: snapshot.version,
            profileSnapshot: snapshot.document,
            policyVersion: event.policyVersion,
          })
          .returning({ id: examRegistration.id });
        const registrationId = row!.id;
        await addTimeline(tx, {
          registrationId,
          kind: 'submitted',
          message: `提交笔试报名：${category.name}`,
          toStatus: status,
        });
        // The recheck job is queued in the same transaction, so a rollback leaves no orphan job and
        // a commit always has one; 30 attempts with backoff outlast an ordinary platform outage.
        if (outcome.pending) {
          await addTimeline(tx, {
            registrationId,
            kind: 'verification_pending',
            message: '市数据共享平台暂不可用，户籍/居住证待核验，系统将自动重新核验',
          });
          await jobs.enqueue(RECHECK_JOB, { registrationId }, { maxAttempts: 30 }, tx);
        } else {
          await addTimeline(tx, {
            registrationId,
            kind: 'checks_passed',
            message: `报名资格自动核验通过：${outcome.checks.map((c) => c.condition).join('、')}`,
          });
          await afterPassed(tx, registrationId, event, person.name);
        }
        await audit.record(tx, {
          action: 'registration.submitted',
          actor,
          targetType: 'exam_registration',
          targetId: registrationId,
          result: 'success',
          details: { eventId: event.id, examCategory: category.code, status },
        });
        return { id: registrationId };
      });
    } catch (error) {
      // Two submits racing past the read above: the partial unique index refuses the second.
      if (isUniqueViolation(error))
        throw new AppError('REGISTRATION.ALREADY_REGISTERED', { cause: error });
      throw error;
    }
  }

  /** A passed registration (now awaiting payment) gets its notice, or is confirmed when there is no fee. */
  async function afterPassed(
    tx: Tx,
    registrationId: string,
    event: EventRecord,
    payerName: string,
  ) {
    // No payment stage, no payment window or a zero fee: nothing to pay, so confirmed at once.
    const window = windowOf(event, 'payment');
    const notified =
      event.policy.stages.includes('payment') &&
      window &&
      (await fees().issueNotice(tx, {
        registrationId,
        eventId: event.id,
        amountYuan: event.policy.fee.amountYuan,
        payerName,
        dueAt: new Date(window.endsAt),
      }));
    if (!notified) {
      await transitionRegistration(
        tx,
        registrationId,
        'awaiting_payment',
        'confirmed',
        { kind: 'confirmed', message: '本次考试无需缴费，报名完成' },
        { at: now() },
      );
    }
  }

  return { register, afterPassed };
}

export type RegistrationSubmission = ReturnType<typeof createRegistrationSubmission>;
