import { divideHalfUp, formatCenti, parseCenti, type Centi } from '../shared/decimal';
import { problem, type Outcome, type Problem } from '../shared/outcome';
import { compositeScore } from './composite-score';
import type {
  CandidateResult,
  InterviewKind,
  KindScore,
  ResultCandidate,
  ResultPolicy,
  ScoreSheet,
} from './results.types';
import {
  parseIndicators,
  parseSheets,
  parseWeight,
  type ParsedIndicator,
  type ParsedSheets,
} from './validate-sheets';

/**
 * Interview and composite scores for a whole half-day (IVW-08): validates every sheet first and
 * reports all problems; then per indicator drops the extremes (from N examiners), averages, weights,
 * and combines written (converted to 100) and interview scores; one half-up rounding per published score.
 */
export function computeInterviewResults(
  policy: ResultPolicy,
  candidates: readonly ResultCandidate[],
  sheets: readonly ScoreSheet[],
): Outcome<{ results: CandidateResult[]; unsignedSheets: ScoreSheet[] }> {
  // Every problem of the whole half-day is collected before anything is computed (INT-09d: one pass
  // reports all, instead of an upload rerun for each error).
  const reasons: Problem[] = [];
  const indicators = {
    structured: parseIndicators(
      policy.indicators.structured,
      'policy.indicators.structured',
      reasons,
    ),
    professional: policy.indicators.professional
      ? parseIndicators(policy.indicators.professional, 'policy.indicators.professional', reasons)
      : [],
  };
  // Below 3 examiners, dropping the highest and the lowest would leave one score or none.
  if (!Number.isInteger(policy.dropExtremesMinExaminers) || policy.dropExtremesMinExaminers < 3) {
    reasons.push(
      problem(
        'RESULTS.BAD_DROP_RULE',
        '去掉最高最低分的最少考官人数应为不小于 3 的整数',
        'policy.dropExtremesMinExaminers',
      ),
    );
  }
  const weights = {
    written: parseWeight(policy.weights.written, 'policy.weights.written', reasons),
    structured: parseWeight(policy.weights.structured, 'policy.weights.structured', reasons),
    professional: parseWeight(policy.weights.professional, 'policy.weights.professional', reasons),
  };
  // Weights are in hundredths of a percent after parsing: 10000 means they add up to exactly 1.
  if (weights.written + weights.structured + weights.professional !== 10000) {
    reasons.push(
      problem('RESULTS.WEIGHTS_SUM', '笔试、结构化、专业面试权重之和应为 1', 'policy.weights'),
    );
  }
  const fullMark = parseCenti(policy.writtenFullMark);
  const passMark = parseCenti(policy.passMark);
  if (fullMark === null || fullMark <= 0)
    reasons.push(problem('RESULTS.BAD_FULL_MARK', '笔试满分无效', 'policy.writtenFullMark'));
  if (passMark === null)
    reasons.push(problem('RESULTS.BAD_PASS_MARK', '面试合格分数线无效', 'policy.passMark'));
  const byId = new Map<string, ResultCandidate>();
  const written = new Map<string, Centi>();
  candidates.forEach((c, i) => {
    if (byId.has(c.id))
      reasons.push(
        problem('RESULTS.DUPLICATE_CANDIDATE', `考生 ${c.id} 重复`, `candidates[${i}].id`),
      );
    byId.set(c.id, c);
    const w = parseCenti(c.written);
    if (w === null || w < 0 || (fullMark !== null && w > fullMark))
      reasons.push(
        problem(
          'RESULTS.BAD_WRITTEN',
          `考生 ${c.id} 的笔试成绩 ${c.written} 无效`,
          `candidates[${i}].written`,
        ),
      );
    else written.set(c.id, w);
  });
  // A sheet not signed by the supervisor is set aside and counts as missing, never as a score.
  const { parsed, unsigned } = parseSheets(policy, indicators, byId, sheets, reasons);
  candidates.forEach((c, i) => reportMissing(c, i, parsed, unsigned, policy, reasons));
  if (reasons.length > 0) return { ok: false, reasons };
  const results = candidates.map((c) => {
    const structured = scoreKind(
      parsed,
      c,
      'structured',
      indicators.structured,
      policy.dropExtremesMinExaminers,
    );
    const professional = policy.indicators.professional
      ? scoreKind(
          parsed,
          c,
          'professional',
          indicators.professional,
          policy.dropExtremesMinExaminers,
        )
      : null;
    // The converted written score is published with two decimals, and the composite uses it as published.
    const writtenConverted = divideHalfUp(written.get(c.id)! * 10000, fullMark!);
    // The formula lives in compositeScore, shared with composites from already computed scores.
    const { composite, formula } = compositeScore(
      { writtenConverted, structured: structured.score, professional: professional?.score ?? null },
      weights,
    );
    // The pass mark applies to the structured interview score, not to the composite.
    const passed = structured.score >= passMark!;
    const explanation = `${formula}；面试${passed ? '达到' : '未达到'}合格分数线 ${formatCenti(passMark!)}`;
    return {
      candidateId: c.id,
      writtenConverted,
      structured,
      professional,
      composite,
      passed,
      explanation,
    };
  });
  return { ok: true, value: { results, unsignedSheets: unsigned } };
}

/**
 * Every examiner arranged for the candidate must have a signed sheet of each kind the policy uses;
 * one missing or unsigned sheet blocks the whole computation, since the mean would change.
 */
function reportMissing(
  c: ResultCandidate,
  i: number,
  parsed: ParsedSheets,
  unsigned: ScoreSheet[],
  policy: ResultPolicy,
  reasons: Problem[],
): void {
  const kinds: InterviewKind[] = policy.indicators.professional
    ? ['structured', 'professional']
    : ['structured'];
  for (const kind of kinds) {
    const examiners = c.examiners[kind] ?? [];
    if (examiners.length === 0)
      reasons.push(
        problem(
          'RESULTS.NO_EXAMINERS',
          `考生 ${c.id} 没有安排${kind === 'structured' ? '结构化' : '专业'}面试考官`,
          `candidates[${i}].examiners.${kind}`,
        ),
      );
    for (const examinerId of examiners) {
      if (parsed.get(c.id)?.get(kind)?.has(examinerId)) continue;
      const isUnsigned = unsigned.some(
        (s) => s.candidateId === c.id && s.examinerId === examinerId && s.kind === kind,
      );
      const message = isUnsigned
        ? `考官 ${examinerId} 对考生 ${c.id} 的评分表未经监督员签字，不计入`
        : `缺少考官 ${examinerId} 对考生 ${c.id} 的评分表`;
      reasons.push(
        problem(
          isUnsigned ? 'RESULTS.UNSIGNED_SHEET' : 'RESULTS.MISSING_SHEET',
          message,
          `candidates[${i}].examiners.${kind}`,
        ),
      );
    }
  }
}

// Σ over indicators of (sum of kept scores × weight) / kept count, rounded once to hundredths.
function scoreKind(
  parsed: ParsedSheets,
  c: ResultCandidate,
  kind: InterviewKind,
  indicators: ParsedIndicator[],
  dropFrom: number,
): KindScore {
  const sheets = [...(parsed.get(c.id)?.get(kind)?.values() ?? [])];
  const drop = sheets.length >= dropFrom;
  const kept = drop ? sheets.length - 2 : sheets.length;
  let numerator = 0;
  const details = indicators.map((ind) => {
    const values = sheets.map((s) => s.get(ind.code)!).sort((a, b) => a - b);
    const keptValues = drop ? values.slice(1, -1) : values;
    numerator += keptValues.reduce((sum, v) => sum + v, 0) * ind.weight;
    return {
      code: ind.code,
      kept: keptValues,
      dropped: drop ? [values[0]!, values[values.length - 1]!] : [],
    };
  });
  return {
    score: divideHalfUp(numerator, kept * 100),
    examinerCount: sheets.length,
    indicators: details,
  };
}
