import type { CompositeComputeResult } from '@kaolu/contracts';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { assertEventInScope } from '../events';
import { actorName, assertScoresOpen, type CompositeDeps } from './composite-context';
import { computeComposites } from './composite-computation';
import { loadCompositeInputs } from './composite-inputs';
import { createCompositeReads } from './composite-reads';
import {
  findRun,
  resultsOf,
  saveComputation,
  savePublication,
  scoresOf,
} from './composite.repository';
import { createInterviewScores } from './interview-scores';

// At most this many ticket numbers are named in the refusal; the page shows the count as well.
const MISSING_NAMED = 10;

/**
 * Composite scores 综合成绩 (§7, IVW-08, INT-07): interview scores in (import or interview
 * system), composites computed per policy and ranked per position, the physical-exam list by
 * headcount, published to candidates; each computation and publication kept as a version (NFR-HIS-1).
 */
export function createCompositeService(deps: CompositeDeps) {
  const { db, audit, messages, now } = deps;

  const figures = (results: ReadonlyArray<{ passed: boolean; physicalExam: boolean }>) => ({
    candidates: results.length,
    passed: results.filter((r) => r.passed).length,
    physicalExam: results.filter((r) => r.physicalExam).length,
  });

  /** Computes every listed candidate's composite as the next version; all must have scores. */
  async function compute(eventId: string, ctx: ChangeContext): Promise<CompositeComputeResult> {
    assertEventInScope(ctx.principal, 'composite.manage', eventId);
    return db.transaction(async (tx) => {
      const inputs = await loadCompositeInputs(tx, eventId, true);
      await assertScoresOpen(tx, inputs);
      const scores = await scoresOf(tx, eventId);
      // Every listed candidate needs scores (or a 缺考 mark): a partial ranking would mislead.
      const missing = inputs.listed.filter((c) => !scores.has(c.candidateId));
      if (missing.length > 0 || inputs.listed.length === 0) {
        const named = missing.slice(0, MISSING_NAMED).map((c) => c.ticketNumber);
        throw new AppError('COMPOSITE.SCORES_MISSING', {
          message:
            inputs.listed.length === 0
              ? '面试名单中没有考生，不能计算综合成绩'
              : `尚有 ${missing.length} 名进入面试的考生没有面试成绩（准考证号 ${named.join('、')}${missing.length > MISSING_NAMED ? ' 等' : ''}），请先导入`,
          details: { tickets: named, count: missing.length },
        });
      }
      const results = computeComposites(
        inputs.event.policy,
        inputs.passMarkCenti,
        inputs.listed,
        scores,
      );
      // The run row was locked by assertScoresOpen, so two computations cannot take one number.
      const version = ((await findRun(tx, eventId))?.version ?? 0) + 1;
      await saveComputation(tx, eventId, results, {
        version,
        policyVersion: inputs.event.policyVersion,
        by: actorName(ctx),
        at: now(),
      });
      const summary = { version, ...figures(results) };
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'composite.computed',
        targetType: 'recruitment_event',
        targetId: eventId,
        result: 'success',
        details: summary,
      });
      return summary;
    });
  }

  /** Publishes the current computation to candidates; refused when scores changed since. */
  async function publish(eventId: string, ctx: ChangeContext): Promise<CompositeComputeResult> {
    assertEventInScope(ctx.principal, 'composite.manage', eventId);
    return db.transaction(async (tx) => {
      const run = await findRun(tx, eventId, true);
      if (!run) throw new AppError('COMPOSITE.NOT_COMPUTED');
      if (run.publishedAt) throw new AppError('COMPOSITE.ALREADY_PUBLISHED');
      if (run.stale) throw new AppError('COMPOSITE.STALE');
      // The published snapshot is taken inside the transaction that publishes it.
      const results = await resultsOf(tx, eventId);
      await savePublication(tx, eventId, results, {
        version: run.version,
        policyVersion: run.policyVersion,
        by: actorName(ctx),
        at: now(),
      });
      // Every listed candidate learns of it in the same transaction (the SMS leaves after commit);
      // those within the headcount learn that the physical exam comes next.
      const told = (physicalExam: boolean) =>
        results.filter((r) => r.physicalExam === physicalExam).map((r) => r.candidateId);
      await messages.notify(tx, told(true), {
        title: '综合成绩公布',
        body: '您的综合成绩已公布，您已进入体检名单，体检安排将另行通知，请留意本网站和短信。',
        sms: '【上海公务员考录】您的综合成绩已公布，您已进入体检名单，请登录报名网站查看。',
        purpose: 'composite_published',
        actor: ctx.actor,
      });
      await messages.notify(tx, told(false), {
        title: '综合成绩公布',
        body: '您的综合成绩已公布，请登录报名网站查看成绩、名次和说明。',
        sms: '【上海公务员考录】您的综合成绩已公布，请登录报名网站查看。',
        purpose: 'composite_published',
        actor: ctx.actor,
      });
      const summary = { version: run.version, ...figures(results) };
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'composite.published',
        targetType: 'recruitment_event',
        targetId: eventId,
        result: 'success',
        details: summary,
      });
      return summary;
    });
  }

  return { ...createInterviewScores(deps), ...createCompositeReads(deps), compute, publish };
}

export type CompositeService = ReturnType<typeof createCompositeService>;
