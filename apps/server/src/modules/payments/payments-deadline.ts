import { and, eq, inArray, lte, min, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditActor, AuditLog } from '../../platform/audit';
import type { JobRunner } from '../../platform/jobs/job-runner';
import { job } from '../../platform/jobs/job.table';
import { findEventById, windowOf } from '../events';
import type { RegistrationsService } from '../registrations';
import { paymentNotice } from './payment.table';

export const PAYMENT_DEADLINE_JOB = 'payment.deadline';
/** The system actor the automatic sweep is audited as. */
export const DEADLINE_SYSTEM_ACTOR: AuditActor = { kind: 'system', id: PAYMENT_DEADLINE_JOB };
// Notices per transaction: short transactions keep row locks brief while candidates pay.
const BATCH = 500;
// Any constant shared by every instance: the tick's enqueue is serialised on it.
const TICK_LOCK_KEY = 7_240_011;

export type DeadlineSweep = ReturnType<typeof createDeadlineSweep>;

/**
 * The payment deadline in force: the end of the event's payment window as it is now (staff may
 * extend it after notices were issued), or undefined when the event has no payment window.
 */
export async function paymentDeadlineOf(db: DbOrTx, eventId: string): Promise<Date | undefined> {
  const event = await findEventById(db, eventId);
  const window = event ? windowOf(event, 'payment') : undefined;
  return window ? new Date(window.endsAt) : undefined;
}

/**
 * "Unpaid at the payment deadline → not admitted" (REG-11), run automatically: a scheduler tick on
 * every server instance enqueues one durable job per event with overdue unpaid notices, and the job
 * expires them in short batches. The tick, the job and a manual staff trigger are all idempotent:
 * every change is a guarded update, so running any of them twice changes (and audits) nothing more.
 */
export function createDeadlineSweep(deps: {
  db: Db;
  audit: AuditLog;
  jobs: JobRunner;
  registrations: Pick<RegistrationsService, 'transition'>;
  now: () => Date;
}) {
  const { db, audit, jobs, now } = deps;
  const transitionRegistration = deps.registrations.transition;
  let timer: NodeJS.Timeout | undefined;

  /**
   * Expires the event's overdue unpaid notices and marks their registrations 不予参考, one batch per
   * transaction (each audited in it). Notices awaiting a bank confirmation are left alone.
   * `alwaysAudit` is for the staff trigger, whose request is audited even when nothing was due.
   */
  async function expireUnpaid(
    eventId: string,
    actor: AuditActor,
    options: { alwaysAudit?: boolean; onBatch?: (done: number) => Promise<void> } = {},
  ) {
    let notAdmitted = 0;
    let expired = 0;
    const deadline = await paymentDeadlineOf(db, eventId);
    // Before the deadline in force (it may have been extended) nothing is due; a notice's own dueAt counts only without a window.
    const due = deadline
      ? deadline.getTime() <= now().getTime()
        ? undefined
        : null
      : lte(paymentNotice.dueAt, now());
    if (due === null) {
      if (options.alwaysAudit)
        await audit.record(db, {
          action: 'payment.deadline_applied',
          actor,
          targetType: 'event',
          targetId: eventId,
          result: 'success',
          details: { expiredNotices: 0, notAdmitted: 0, registrationIds: [], beforeDeadline: true },
        });
      return { notAdmitted: 0 };
    }
    for (;;) {
      const batch = await db.transaction(async (tx) => {
        const dueNotices = tx
          .select({ id: paymentNotice.id })
          .from(paymentNotice)
          .where(
            and(
              eq(paymentNotice.eventId, eventId),
              inArray(paymentNotice.status, ['requested', 'issued']),
              due,
            ),
          )
          .limit(BATCH)
          // A notice locked by a callback, cancel or waiver in flight is skipped, not waited for:
          // that path decides it, and a later sweep sees the outcome.
          .for('update', { skipLocked: true });
        const rows = await tx
          .update(paymentNotice)
          .set({ status: 'expired', updatedAt: now() })
          .where(
            and(
              inArray(paymentNotice.id, dueNotices),
              inArray(paymentNotice.status, ['requested', 'issued']),
            ),
          )
          .returning({ registrationId: paymentNotice.registrationId });
        // A registration that moved on (cancelled meanwhile) is not counted as not admitted.
        const moved: string[] = [];
        for (const { registrationId } of rows) {
          if (
            await transitionRegistration(tx, registrationId, 'awaiting_payment', 'not_admitted', {
              kind: 'not_admitted',
              message: '缴费截止时仍未缴费，不能参加考试',
            })
          )
            moved.push(registrationId);
        }
        if (rows.length > 0 || (options.alwaysAudit && expired === 0)) {
          await audit.record(tx, {
            action: 'payment.deadline_applied',
            actor,
            targetType: 'event',
            targetId: eventId,
            result: 'success',
            details: {
              expiredNotices: rows.length,
              notAdmitted: moved.length,
              registrationIds: moved,
            },
          });
        }
        return { expired: rows.length, moved: moved.length };
      });
      expired += batch.expired;
      notAdmitted += batch.moved;
      // Outside the transaction: PGlite has one connection, a progress write inside would wait forever.
      if (options.onBatch) await options.onBatch(expired);
      // A short batch means nothing due is left but rows other paths hold (see skipLocked).
      if (batch.expired < BATCH) break;
    }
    return { notAdmitted };
  }

  /**
   * One scheduler tick: for each event with unpaid notices whose payment deadline has passed and no
   * sweep queued or running, enqueue one. The advisory lock serialises the ticks of all instances.
   */
  async function tick(): Promise<{ enqueued: string[] }> {
    return db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${TICK_LOCK_KEY})`);
      // The earliest dueAt stands in for the deadline only when the event has no payment window.
      const unpaid = await tx
        .select({ eventId: paymentNotice.eventId, firstDue: min(paymentNotice.dueAt) })
        .from(paymentNotice)
        .where(inArray(paymentNotice.status, ['requested', 'issued']))
        .groupBy(paymentNotice.eventId);
      const due: Array<{ eventId: string }> = [];
      for (const { eventId, firstDue } of unpaid) {
        const deadline = (await paymentDeadlineOf(tx, eventId)) ?? firstDue;
        if (deadline && deadline.getTime() <= now().getTime()) due.push({ eventId });
      }
      if (due.length === 0) return { enqueued: [] };
      // One sweep per event at a time: a queued or running one is left to finish.
      const active = await tx
        .select({ eventId: sql<string>`${job.payload}->>'eventId'` })
        .from(job)
        .where(and(eq(job.kind, PAYMENT_DEADLINE_JOB), inArray(job.status, ['queued', 'running'])));
      const busy = new Set(active.map((a) => a.eventId));
      const enqueued: string[] = [];
      for (const { eventId } of due) {
        if (busy.has(eventId)) continue;
        await jobs.enqueue(
          PAYMENT_DEADLINE_JOB,
          { eventId },
          { maxAttempts: 5, createdBy: PAYMENT_DEADLINE_JOB },
          tx,
        );
        enqueued.push(eventId);
      }
      return { enqueued };
    });
  }

  /** Ticks every `intervalMs` on this instance (main process only; tests call tick()). */
  function start(intervalMs: number, onError: (error: unknown) => void): void {
    if (timer) return;
    timer = setInterval(() => void tick().catch(onError), intervalMs);
    // The timer alone does not keep the process alive at shutdown.
    timer.unref();
  }

  function stop(): void {
    if (timer) clearInterval(timer);
    timer = undefined;
  }

  jobs.register<{ eventId: string }>(PAYMENT_DEADLINE_JOB, async ({ payload, reportProgress }) =>
    expireUnpaid(payload.eventId, DEADLINE_SYSTEM_ACTOR, {
      onBatch: (done) => reportProgress(99, `已处理 ${done} 份逾期未缴费通知书`),
    }),
  );

  return { expireUnpaid, tick, start, stop };
}
