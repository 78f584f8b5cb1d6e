import type { ScoringResult } from '@kaolu/contracts';
import type { Principal } from '../../platform/auth/access';
import { AppError } from '../../platform/errors/app-error';
import { maskName } from '../../platform/masking';
import {
  groupPanelOf,
  interviewCandidatesByIdOf,
  interviewScopeAllows,
  sessionsByIdOf,
} from '../interviews';
import type { ScoringDeps } from './scoring-access';
import { explainResult } from './scoring-compute';
import { indicatorsOf, sessionLabelOf, toPoints } from './scoring-policy';
import { resultStatesOf } from './scoring-queries';

/**
 * Staff read computed results (IVW-08) with each figure explained: per indicator the examiner
 * scores kept and the highest / lowest dropped, and one sentence on how they were combined.
 */
export function createResultsList(deps: ScoringDeps) {
  const { db, crypto } = deps;

  return async function listResults(
    principal: Principal | undefined,
    query: { interviewEventId: string; sessionId?: string; groupId?: string },
  ): Promise<{ items: ScoringResult[] }> {
    const results = await resultStatesOf(db, query);
    // Scope per row's session: a supervisor narrowed to one session sees only that one's results.
    const sessions = await sessionsByIdOf(db, [...new Set(results.map((r) => r.sessionId))]);
    const allowed = (sessionId?: string) =>
      (['interview.manage', 'interview.supervise'] as const).some((p) =>
        interviewScopeAllows(principal, p, { interviewEventId: query.interviewEventId, sessionId }),
      );
    const visible = results.filter((r) => allowed(r.sessionId));
    if (visible.length === 0 && !allowed(query.sessionId)) throw new AppError('COMMON.FORBIDDEN');
    const candidates = await interviewCandidatesByIdOf(
      db,
      visible.map((r) => r.interviewCandidateId),
    );
    // Indicator names and weights per group-session, read once for the explanation.
    const panels = new Map<string, Awaited<ReturnType<typeof groupPanelOf>>>();
    for (const r of visible) {
      const key = `${r.sessionId}|${r.groupId}`;
      if (!panels.has(key)) panels.set(key, await groupPanelOf(db, r.sessionId, r.groupId));
    }
    const items = visible.map((r) => {
      const c = candidates.get(r.interviewCandidateId)!;
      const panel = panels.get(`${r.sessionId}|${r.groupId}`);
      const indicators = panel ? indicatorsOf(panel, r.kind) : [];
      const session = sessions.get(r.sessionId);
      return {
        interviewCandidateId: r.interviewCandidateId,
        ticketNumber: c.ticketNumber,
        nameMasked: maskName(
          crypto.decryptField(c.nameEnc, {
            table: 'interview_candidate',
            column: 'name',
            rowId: c.id,
          }),
        ),
        orderNumber: c.orderNumber,
        groupName: c.groupName,
        sessionLabel: session ? sessionLabelOf(session) : '',
        kind: r.kind,
        score: toPoints(r.scoreCenti),
        examinerCount: r.examinerCount,
        indicators: r.explanation.map((e) => ({
          code: e.code,
          name: indicators.find((i) => i.code === e.code)?.name ?? e.code,
          kept: e.kept.map(toPoints),
          dropped: e.dropped.map(toPoints),
        })),
        explanation: explainResult(r.examinerCount, indicators),
        computedAt: r.computedAt.toISOString(),
        handedOverAt: r.handedOverAt?.toISOString() ?? null,
      };
    });
    // In the order staff read them: session, group, draw order, then kind.
    items.sort(
      (a, b) =>
        a.sessionLabel.localeCompare(b.sessionLabel) ||
        a.groupName.localeCompare(b.groupName, 'zh-CN') ||
        (a.orderNumber ?? 1e9) - (b.orderNumber ?? 1e9) ||
        a.kind.localeCompare(b.kind),
    );
    return { items };
  };
}
