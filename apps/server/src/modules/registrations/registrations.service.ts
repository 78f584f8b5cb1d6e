import type {
  CreateRegistration,
  EventPolicy,
  RegistrationCheck,
  StageWindow,
} from '@kaolu/contracts';
import { and, eq, ne } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { AuditActor, AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { DataExchange } from '../data-exchange';
import { assertStageOpen, findEventById, windowOf, type EventRecord } from '../events';
import { matchByBlindIndex } from '../lists';
import type { ProfilesService } from '../profiles';
import { evaluateRegistration, lookUpResidence, type CheckOutcome } from './registration-checks';
import { addTimeline, transitionRegistration } from './registration-status';
import { examRegistration } from './registration.table';
import { shanghaiDay } from '../../platform/time';

// The job that asks the city platform again for a 待核验 registration (NFR-EXC-1).
export const RECHECK_JOB = 'registration.recheck';

/** What the use cases need; `now` is the module clock, replaced in tests. */
export type RegistrationsDeps = {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  jobs: JobRunner;
  exchange: DataExchange;
  profiles: ProfilesService;
  now?: () => Date;
};

/**
 * The fee of a registration (REG-11), offered by the payments module. Payment follows registration,
 * so payments depends on registrations and installs these with `useFees` when it is built; both run
 * inside the registration's transaction.
 */
export type RegistrationFees = {
  /** Issues the payment notice; false when the fee is zero (no notice, the registration is confirmed). */
  issueNotice(
    tx: Tx,
    input: {
      registrationId: string;
      eventId: string;
      amountYuan: number;
      payerName: string;
      dueAt: Date;
    },
  ): Promise<boolean>;
  /** Closes the unpaid notice or refunds the paid one of a cancelled registration. */
  settleOnCancel(
    tx: Tx,
    registrationId: string,
    reason: string,
  ): Promise<'refunded' | 'closed' | 'none'>;
};
export type RegistrationsService = ReturnType<typeof createRegistrationsService>;

/**
 * True when a PostgreSQL unique violation (23505) is anywhere in the cause chain: Drizzle wraps the
 * driver's error, so the code sits on a `cause`.
 */
const isUniqueViolation = (error: unknown): boolean => {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: string }).code === '23505') return true;
  return false;
};

// Age is counted on the day the registration window opens (Shanghai date), the usual 公告 wording.
function referenceDateOf(window: StageWindow | undefined, now: Date): string {
  const at = window ? new Date(window.startsAt) : now;
  return shanghaiDay(at);
}

/** Exam registration 笔试报名 use cases (ONL, §7, NFR-EXC-1). */
export function createRegistrationsService(deps: RegistrationsDeps) {
  const { db, crypto, audit, jobs, exchange, profiles } = deps;
  const now = deps.now ?? (() => new Date());
  // Installed by payments after both services are built (see RegistrationFees); a missing handler
  // is a wiring bug, so it throws a plain Error rather than an AppError.
  let installedFees: RegistrationFees | undefined;
  const fees = (): RegistrationFees => {
    if (!installedFees)
      throw new Error('no module handles registration fees (the payments module installs them)');
    return installedFees;
  };

  async function loadEvent(eventId: string): Promise<EventRecord> {
    const event = await findEventById(db, eventId);
    if (!event) throw new AppError('EVENT.NOT_FOUND');
    return event;
  }

  /**
   * The exam category the candidate chose, as the event's policy offers it, with a professional
   * subject exactly when the category has subjects; the refusal lists what is offered.
   */
  function categoryOf(
    policy: EventPolicy,
    input: Pick<CreateRegistration, 'examCategory' | 'subjectCode'>,
  ) {
    const category = policy.examCategories.find((c) => c.code === input.examCategory);
    const subjectOk =
      category &&
      (category.subjects.length === 0
        ? !input.subjectCode
        : category.subjects.some((s) => s.code === input.subjectCode));
    if (!category || !subjectOk) {
      const message =
        category && category.subjects.length > 0
          ? `「${category.name}」须选择专业科目：${category.subjects.map((s) => s.name).join('、')}`
          : undefined;
      throw new AppError('REGISTRATION.CATEGORY_INVALID', {
        message,
        details: {
          offered: policy.examCategories.map((c) => ({
            code: c.code,
            name: c.name,
            subjects: c.subjects,
          })),
        },
      });
    }
    return category;
  }

  /** Everything the checks need, read before any transaction: the platform may be slow. */
  async function gather(candidateId: string, event: EventRecord) {
    const [person, snapshot] = await Promise.all([
      profiles.identityOf(candidateId),
      profiles.snapshotOf(candidateId),
    ]);
    // Decrypted only to ask the city platform; the greylist is matched by blind index instead.
    const idNumber = crypto.decryptField(person.idNumberEnc, {
      table: 'candidate',
      column: 'id_number',
      rowId: person.id,
    });
    const { greylistNote } = await matchByBlindIndex(db, event.id, person.idNumberBidx);
    if (greylistNote !== null) {
      throw new AppError('REGISTRATION.GREYLISTED', {
        // The online greylist appeal (ONL-01) is not built yet: say so instead of pointing at a missing page.
        message: `您在本次招录的灰名单中（原因：${greylistNote || '未注明'}），暂不能报名。网上申诉尚未开通，如有异议请联系市委组织部`,
        details: { reason: greylistNote },
      });
    }
    // An unavailable platform does not refuse here: the outcome turns pending (待核验) instead.
    const lookup = await lookUpResidence(exchange.city, { idNumber, name: person.name });
    const referenceDate = referenceDateOf(windowOf(event, 'exam_registration'), now());
    const outcome = evaluateRegistration({
      identity: person,
      document: snapshot.document,
      policy: event.policy,
      referenceDate,
      lookup,
    });
    return { person, snapshot, outcome };
  }

  /** The automatic checks only, each explained in Chinese; nothing is saved (the "check first" button). */
  async function precheck(
    candidateId: string,
    input: CreateRegistration,
  ): Promise<{ eligible: boolean; checks: RegistrationCheck[] }> {
    const event = await loadEvent(input.eventId);
    // The category is checked first, as register does, so the precheck refuses what submit would.
    categoryOf(event.policy, input);
    const { outcome } = await gather(candidateId, event);
    return { eligible: outcome.eligible, checks: outcome.checks };
  }

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
      await transitionRegistration(tx, registrationId, 'awaiting_payment', 'confirmed', {
        kind: 'confirmed',
        message: '本次考试无需缴费，报名完成',
      });
    }
  }

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
    const outcome: CheckOutcome = evaluateRegistration({
      identity: person,
      document: row.profileSnapshot as never,
      policy: event.policy,
      referenceDate,
      lookup,
    });
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
          { checks: outcome.checks },
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
        { checks: outcome.checks },
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
      const moved = await transitionRegistration(tx, row.id, row.status, 'cancelled', {
        kind: 'cancelled',
        message: '考生撤销报名',
      });
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

  // The job runs the same recheck the service exposes; a thrown error is the job's retry signal.
  jobs.register<{ registrationId: string }>(RECHECK_JOB, async ({ payload }) =>
    recheck(payload.registrationId),
  );

  return {
    precheck,
    register,
    recheck,
    recheckPending,
    cancel,
    /** Installs the fee handling (the payments module calls this once, when it is built). */
    useFees(handler: RegistrationFees): void {
      installedFees = handler;
    },
    /** Moves a registration if it is still in `from`, with its timeline line (guarded; false when it had moved on). */
    transition: transitionRegistration,
    /** Adds a line to a registration's timeline (what the candidate sees happened, and why). */
    addTimeline,
  };
}

/** Every failed check in one Chinese sentence, so the candidate sees all reasons at once. */
function refusalMessage(outcome: CheckOutcome): string {
  return outcome.checks
    .filter((c) => c.result === 'failed')
    .map((c) => `${c.condition}：${c.reason}`)
    .join('；');
}
