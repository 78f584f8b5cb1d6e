import type { ScoredKind, SheetIndicator } from '@kaolu/contracts';
import { computeInterviewResults, type KindScore } from '@kaolu/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import { interviewResult } from './scoring.table';

// Interview results 面试成绩 (IVW-08): the domain engine computes, this file only feeds it and
// stores what it answers. One kind at a time: the engine's structured slot carries the kind being
// computed, so the same rules (drop highest and lowest per indicator from 5 examiners, weighted
// mean, one half-up rounding to two decimals) apply to structured and professional sheets alike.

/** IVW-08: the highest and lowest score of each indicator are dropped from 5 examiners on. */
export const DROP_EXTREMES_FROM = 5;

export type ComputeInput = {
  kind: ScoredKind;
  indicators: SheetIndicator[];
  candidates: Array<{ id: string; examinerIds: string[] }>;
  /** Confirmed sheets only, scores in hundredths. */
  sheets: Array<{ candidateId: string; examinerId: string; scoresCenti: Record<string, number> }>;
};

export type ComputedRow = { candidateId: string; kind: ScoredKind; score: KindScore };

/**
 * Runs the engine on one kind's sheets of many candidates at once (a group after its last confirm,
 * or a whole half-day). Interview scores only: the written score and weights are neutral here,
 * composite combines them later from the handed-over score.
 */
export function computeKind(input: ComputeInput): ComputedRow[] {
  const outcome = computeInterviewResults(
    {
      indicators: {
        structured: input.indicators.map((i) => ({
          code: i.code,
          name: i.name,
          max: i.max,
          weight: i.weight,
        })),
      },
      dropExtremesMinExaminers: DROP_EXTREMES_FROM,
      writtenFullMark: 100,
      weights: { written: 0, structured: 1, professional: 0 },
      passMark: 0,
    },
    input.candidates.map((c) => ({
      id: c.id,
      written: 0,
      examiners: { structured: c.examinerIds },
    })),
    input.sheets.map((s) => ({
      candidateId: s.candidateId,
      examinerId: s.examinerId,
      kind: 'structured' as const,
      // Hundredths back to points: an integer / 100 prints as its exact two-decimal value, which
      // the engine parses back to the same hundredths (no binary rounding reaches the score).
      scores: Object.fromEntries(Object.entries(s.scoresCenti).map(([code, v]) => [code, v / 100])),
      supervisorSigned: true,
    })),
  );
  if (!outcome.ok)
    throw new AppError('INTERVIEW.RESULT_FAILED', {
      message: `面试成绩无法计算：${outcome.reasons.map((r) => r.message).join('；')}`,
      details: { problems: outcome.reasons },
    });
  return outcome.value.results.map((r) => ({
    candidateId: r.candidateId,
    kind: input.kind,
    score: r.structured,
  }));
}

/**
 * Stores computed rows (a result is final: an existing one stays), 5,000 per statement. The rows
 * travel as one JSON parameter: a multi-row VALUES list would need nine bind parameters per row.
 */
export async function storeResults(
  tx: DbOrTx,
  place: { interviewEventId: string; sessionId: string; groupId: string },
  rows: ComputedRow[],
  at: Date,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = rows.slice(i, i + 5000).map((r) => ({
      c: r.candidateId,
      k: r.kind,
      s: r.score.score,
      n: r.score.examinerCount,
      x: r.score.indicators,
    }));
    // Two confirmations racing to the last sheet compute the same figures: the first one stays.
    await tx.execute(sql`insert into ${interviewResult}
      (interview_candidate_id, kind, interview_event_id, session_id, group_id, score_centi,
       examiner_count, explanation, computed_at)
      select r.c, r.k, ${place.interviewEventId}, ${place.sessionId}, ${place.groupId}, r.s, r.n,
             r.x, ${at.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
        as r(c uuid, k text, s integer, n integer, x jsonb)
      on conflict do nothing`);
  }
}

/** One computation in one pass: engine, then store (the bench times exactly this). */
export async function computeAndStore(
  tx: DbOrTx,
  place: { interviewEventId: string; sessionId: string; groupId: string },
  input: ComputeInput,
  at: Date,
): Promise<ComputedRow[]> {
  const rows = computeKind(input);
  await storeResults(tx, place, rows, at);
  return rows;
}

/** The one sentence staff read beside a score: which scores counted, and how they were combined. */
export function explainResult(
  examinerCount: number,
  indicators: Array<{ name: string; weight: number }>,
): string {
  const weights = indicators.map((i) => `${i.name}×${i.weight}`).join(' + ');
  return examinerCount >= DROP_EXTREMES_FROM
    ? `${examinerCount} 位考官评分，每项去掉一个最高分和一个最低分后取平均，按 ${weights} 加权，四舍五入保留两位小数`
    : `${examinerCount} 位考官评分（不足 ${DROP_EXTREMES_FROM} 位，不去掉最高最低分），每项取平均，按 ${weights} 加权，四舍五入保留两位小数`;
}

/** The ids among these candidates that have a stored result (of this kind, or of any). */
export async function computedIds(tx: DbOrTx, ids: string[], kind?: ScoredKind) {
  if (ids.length === 0) return new Set<string>();
  const rows = await tx
    .select({ id: interviewResult.interviewCandidateId })
    .from(interviewResult)
    .where(
      and(
        inArray(interviewResult.interviewCandidateId, ids),
        kind ? eq(interviewResult.kind, kind) : undefined,
      ),
    );
  return new Set(rows.map((r) => r.id));
}
