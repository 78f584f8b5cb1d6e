import type { AuditActor } from '../../platform/audit';
import type { JobRunner } from '../../platform/jobs/job-runner';
import {
  claimNewSubmissions,
  hasNewSubmissions,
  setOrderOutcome,
  setSubmissionStatus,
  type SubmissionRow,
} from './hospital-exchange.repository';
import type { PhysicalExamDeps } from './physical-exam.service';
import type { Tx } from '../../db/client';
import { findEntry, findRound, insertChange, recordOutcome } from './physical-exam.repository';
import { PHYSICAL_EXAM_RESULT_LABELS, PHYSICAL_EXAM_ROUND_LABELS } from '@kaolu/contracts';

/** The job that moves new hospital submissions from the exchange store to the management side. */
export const EXCHANGE_SYNC_JOB = 'physical_exam.exchange_sync';
const SYSTEM: AuditActor = { kind: 'system', id: EXCHANGE_SYNC_JOB };
// Submissions per transaction: short transactions keep the exchange rows' locks brief.
const BATCH = 100;

/**
 * The move from the exchange store 中间库 to the management system (INT-09g), run as a durable job
 * (a timer enqueues it, and the org's page can ask for it at once). A first result is recorded
 * (with history) and told to the candidate; a change request becomes a pending change for the org.
 * Every submission is claimed with SKIP LOCKED and marked, so two runs never move one twice.
 */
export function createExchangeSync(deps: PhysicalExamDeps & { jobs: JobRunner }) {
  const { db, audit, messages, jobs, now } = deps;
  let timer: NodeJS.Timeout | undefined;

  async function moveOne(tx: Tx, s: SubmissionRow): Promise<'recorded' | 'pending' | 'rejected'> {
    const round = await findRound(tx, s.orderId, true);
    const refuse = async (note: string) => {
      await setSubmissionStatus(tx, s.id, 'rejected', note, now());
      return 'rejected' as const;
    };
    if (!round) return refuse('该考生的体检安排已不存在');
    const outcome = { result: s.result, items: s.items, remarks: s.remarks };
    if (s.kind === 'result') {
      // Two users of one hospital may both have entered a first result: the second is refused.
      if (round.result) return refuse('该考生已有体检结果，如需修改请提交变更申请');
      const at = now();
      await recordOutcome(tx, round.id, outcome, { at, by: s.submittedBy, source: 'hospital' });
      await setOrderOutcome(tx, round.id, outcome, at);
      await setSubmissionStatus(tx, s.id, 'recorded', null, at);
      const entry = (await findEntry(tx, round.entryId))!;
      const label = PHYSICAL_EXAM_ROUND_LABELS[round.round];
      const verdict = PHYSICAL_EXAM_RESULT_LABELS[s.result];
      // The candidate learns his result; after 不合格 the 7-day re-check window starts (§7).
      await messages.notify(tx, [entry.candidateId], {
        title: `${label}结果`,
        body:
          s.result === 'unqualified' && round.round === 'initial'
            ? `您的体检结论为${verdict}。如有异议，可在 7 日内登录报名网站申请复检（仅一次）。`
            : `您的${label}结论为${verdict}。`,
        sms: `您的${label}结论为${verdict}，详见报名网站。`,
        purpose: 'physical_exam_result',
      });
      await audit.record(tx, {
        actor: SYSTEM,
        action: 'physical_exam.result_recorded',
        targetType: 'physical_exam_round',
        targetId: round.id,
        result: 'success',
        details: { result: s.result, submittedBy: s.submittedBy, submissionId: s.id },
      });
      return 'recorded';
    }
    if (!round.result) return refuse('该考生尚无体检结果，无需变更');
    await insertChange(tx, {
      submissionId: s.id,
      roundId: round.id,
      ...outcome,
      reason: s.reason ?? '',
      requestedAt: s.submittedAt,
      requestedBy: s.submittedBy,
      status: 'pending',
    });
    await setSubmissionStatus(tx, s.id, 'pending', null, null);
    await audit.record(tx, {
      actor: SYSTEM,
      action: 'physical_exam.change_requested',
      targetType: 'physical_exam_round',
      targetId: round.id,
      result: 'success',
      details: { from: round.result, to: s.result, submittedBy: s.submittedBy },
    });
    return 'pending';
  }

  /** Moves every new submission, a batch per transaction; returns what became of them. */
  async function sync() {
    const report = { recorded: 0, pending: 0, rejected: 0 };
    for (;;) {
      const moved = await db.transaction(async (tx) => {
        const batch = await claimNewSubmissions(tx, BATCH);
        for (const s of batch) report[await moveOne(tx, s)]++;
        return batch.length;
      });
      if (moved < BATCH) return report;
    }
  }

  jobs.register(EXCHANGE_SYNC_JOB, async () => sync());

  return {
    sync,
    /** Queues a run now (the org's button), answering the job id for the progress display. */
    enqueueSync: (createdBy?: string) => jobs.enqueue(EXCHANGE_SYNC_JOB, {}, { createdBy }),
    /**
     * Every instance looks at this interval and queues a run only when a submission waits, so an
     * idle store adds no job rows; the run itself is safe to repeat.
     */
    start(intervalMs: number, onError: (error: unknown) => void) {
      timer = setInterval(() => {
        hasNewSubmissions(db)
          .then((waiting) => (waiting ? jobs.enqueue(EXCHANGE_SYNC_JOB, {}) : undefined))
          .catch(onError);
      }, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
