import type { ScoredKind } from '@kaolu/contracts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { ComputedInterviewScore } from '../composite';
import { sessionCandidatesOf, type GroupPanel } from '../interviews';
import { HANDOVER_CONTEXT, type ScoringDeps } from './scoring-access';
import { computeAndStore, computedIds } from './scoring-compute';
import { examinersByKind, indicatorsOf } from './scoring-policy';
import { interviewResult, scoreSheet } from './scoring.table';

// The step after a confirmation (IVW-08): once every seated examiner of the candidate's group and
// session has a confirmed sheet of a kind, his result of that kind is computed in the same
// transaction; once the whole group-session is computed, the scores go to composite.

/**
 * Computes the candidate's result of a kind if its last sheet is now confirmed. Runs inside the
 * confirming transaction, so a result never exists without the confirmations it was made from.
 */
export async function computeIfComplete(
  tx: DbOrTx,
  panel: GroupPanel,
  candidateId: string,
  kind: ScoredKind,
  at: Date,
): Promise<boolean> {
  const examinerIds = examinersByKind(panel).get(kind) ?? [];
  if (examinerIds.length === 0) return false;
  const sheets = await tx
    .select()
    .from(scoreSheet)
    .where(
      and(
        eq(scoreSheet.interviewCandidateId, candidateId),
        eq(scoreSheet.kind, kind),
        eq(scoreSheet.status, 'confirmed'),
        inArray(scoreSheet.examinerId, examinerIds),
      ),
    );
  if (sheets.length < examinerIds.length) return false;
  await computeAndStore(
    tx,
    {
      interviewEventId: panel.interviewEventId,
      sessionId: panel.sessionId,
      groupId: panel.groupId,
    },
    {
      kind,
      indicators: indicatorsOf(panel, kind),
      candidates: [{ id: candidateId, examinerIds }],
      sheets: sheets.map((s) => ({
        candidateId,
        examinerId: s.examinerId,
        scoresCenti: s.scores,
      })),
    },
    at,
  );
  return true;
}

/**
 * Hands the group-session's scores to composite once every expected candidate is computed. The
 * expected candidates are those checked in or with a sheet; the others are absent 缺考 (check-in
 * closes before the first interview, §7). Only candidates linked to a recruitment-event candidate
 * go over; a refusal by composite is logged and leaves handedOverAt empty for staff to see.
 */
export async function handOverIfComplete(deps: ScoringDeps, panel: GroupPanel): Promise<boolean> {
  const { db, composite, now } = deps;
  if (!panel.recruitmentEventId) return false;
  const kinds = [...examinersByKind(panel).keys()];
  if (kinds.length === 0) return false;
  const candidates = await sessionCandidatesOf(db, panel.sessionId, panel.groupId);
  const ids = candidates.map((c) => c.id);
  const withSheets = new Set(
    ids.length === 0
      ? []
      : (
          await db
            .selectDistinct({ id: scoreSheet.interviewCandidateId })
            .from(scoreSheet)
            .where(inArray(scoreSheet.interviewCandidateId, ids))
        ).map((r) => r.id),
  );
  const results = ids.length
    ? await db
        .select()
        .from(interviewResult)
        .where(inArray(interviewResult.interviewCandidateId, ids))
    : [];
  const scoreOf = (id: string, kind: ScoredKind) =>
    results.find((r) => r.interviewCandidateId === id && r.kind === kind)?.scoreCenti ?? null;
  const expected = candidates.filter((c) => c.checkedInAt !== null || withSheets.has(c.id));
  const done = (await Promise.all(kinds.map((k) => computedIds(db, ids, k)))).reduce(
    (all, set) => new Set([...all].filter((id) => set.has(id))),
  );
  if (expected.length === 0 || expected.some((c) => !done.has(c.id))) return false;
  // Nothing new since the last hand-over: every result already carries its time.
  if (results.every((r) => r.handedOverAt !== null)) return false;
  const scores: ComputedInterviewScore[] = candidates
    .filter((c) => c.candidateId !== null)
    .map((c) =>
      done.has(c.id)
        ? {
            candidateId: c.candidateId!,
            structuredCenti: scoreOf(c.id, 'structured'),
            professionalCenti: scoreOf(c.id, 'professional'),
          }
        : {
            candidateId: c.candidateId!,
            structuredCenti: null,
            professionalCenti: null,
            absent: true,
          },
    );
  if (scores.length === 0) return false;
  try {
    await composite.recordInterviewScores(panel.recruitmentEventId, scores, HANDOVER_CONTEXT);
  } catch (error) {
    deps.warn('interview results not handed over to composite', {
      groupId: panel.groupId,
      sessionId: panel.sessionId,
      code: (error as { code?: string }).code ?? 'unknown',
    });
    return false;
  }
  await db
    .update(interviewResult)
    .set({ handedOverAt: now() })
    .where(
      and(inArray(interviewResult.interviewCandidateId, ids), isNull(interviewResult.handedOverAt)),
    );
  return true;
}
