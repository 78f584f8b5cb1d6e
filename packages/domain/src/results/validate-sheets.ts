import { parseCenti, parseScaled, type Centi } from '../shared/decimal';
import { problem, type Problem } from '../shared/outcome';
import type {
  Indicator,
  InterviewKind,
  ResultCandidate,
  ResultPolicy,
  ScoreSheet,
} from './results.types';

/** Parsed sheets: candidate → kind → examiner → indicator values (hundredths). */
export type ParsedSheets = Map<string, Map<InterviewKind, Map<string, Map<string, Centi>>>>;
/** An indicator with its maximum and weight parsed to exact hundredths. */
export type ParsedIndicator = { code: string; max: Centi; weight: Centi };

/** Parses indicators, reporting bad max or weight values. */
export function parseIndicators(
  list: readonly Indicator[],
  path: string,
  reasons: Problem[],
): ParsedIndicator[] {
  if (list.length === 0) reasons.push(problem('RESULTS.NO_INDICATORS', '评分指标不能为空', path));
  return list.map((ind, i) => {
    const max = parseCenti(ind.max);
    const weight = parseCenti(ind.weight);
    if (max === null || max <= 0)
      reasons.push(
        problem('RESULTS.BAD_INDICATOR', `指标 ${ind.name} 的满分无效`, `${path}[${i}].max`),
      );
    if (weight === null || weight <= 0)
      reasons.push(
        problem('RESULTS.BAD_INDICATOR', `指标 ${ind.name} 的权重无效`, `${path}[${i}].weight`),
      );
    // A bad value is already reported; 0 keeps the parse going so later problems are found too.
    return { code: ind.code, max: max ?? 0, weight: weight ?? 0 };
  });
}

/**
 * Checks every sheet in one pass (INT-09d, IVW-08): unknown candidate or examiner, duplicates,
 * missing or extra indicators, values out of range or with more than two decimals; unsigned sheets are set aside.
 */
export function parseSheets(
  policy: ResultPolicy,
  indicators: Record<InterviewKind, ParsedIndicator[]>,
  candidates: ReadonlyMap<string, ResultCandidate>,
  sheets: readonly ScoreSheet[],
  reasons: Problem[],
): { parsed: ParsedSheets; unsigned: ScoreSheet[] } {
  const parsed: ParsedSheets = new Map();
  const unsigned: ScoreSheet[] = [];
  sheets.forEach((sheet, i) => {
    const at = `sheets[${i}]`;
    const candidate = candidates.get(sheet.candidateId);
    if (!candidate) {
      reasons.push(
        problem(
          'RESULTS.UNKNOWN_CANDIDATE',
          `评分表中的考生 ${sheet.candidateId} 不在名单中`,
          `${at}.candidateId`,
        ),
      );
      return;
    }
    // Only the examiners arranged for this candidate may score him: a sheet from anyone else is an
    // error.
    const assigned =
      sheet.kind === 'structured'
        ? candidate.examiners.structured
        : candidate.examiners.professional;
    if (
      !assigned?.includes(sheet.examinerId) ||
      (sheet.kind === 'professional' && !policy.indicators.professional)
    ) {
      reasons.push(
        problem(
          'RESULTS.UNKNOWN_EXAMINER',
          `考官 ${sheet.examinerId} 未被安排为考生 ${sheet.candidateId} 评分`,
          `${at}.examinerId`,
        ),
      );
      return;
    }
    // Kept aside, not reported here: reportMissing names it as unsigned, and the caller lists them.
    if (!sheet.supervisorSigned) {
      unsigned.push(sheet);
      return;
    }
    const byKind =
      parsed.get(sheet.candidateId) ?? new Map<InterviewKind, Map<string, Map<string, Centi>>>();
    parsed.set(sheet.candidateId, byKind);
    const byExaminer = byKind.get(sheet.kind) ?? new Map<string, Map<string, Centi>>();
    byKind.set(sheet.kind, byExaminer);
    // Two sheets from one examiner would count him twice in the mean; neither is chosen silently.
    if (byExaminer.has(sheet.examinerId)) {
      reasons.push(
        problem(
          'RESULTS.DUPLICATE_SHEET',
          `考官 ${sheet.examinerId} 对考生 ${sheet.candidateId} 提交了多份评分表`,
          at,
        ),
      );
      return;
    }
    byExaminer.set(sheet.examinerId, parseValues(sheet, indicators[sheet.kind], at, reasons));
  });
  return { parsed, unsigned };
}

/** One sheet's scores: each indicator present, exact to two decimals, within 0..max, none extra. */
function parseValues(
  sheet: ScoreSheet,
  indicators: ParsedIndicator[],
  at: string,
  reasons: Problem[],
): Map<string, Centi> {
  const values = new Map<string, Centi>();
  for (const ind of indicators) {
    const raw = sheet.scores[ind.code];
    if (raw === undefined) {
      reasons.push(
        problem(
          'RESULTS.MISSING_INDICATOR',
          `缺少指标 ${ind.code} 的分数`,
          `${at}.scores.${ind.code}`,
        ),
      );
      continue;
    }
    const value = parseCenti(raw);
    if (value === null)
      reasons.push(
        problem(
          'RESULTS.BAD_NUMBER',
          `指标 ${ind.code} 的分数 ${raw} 不是最多两位小数的数`,
          `${at}.scores.${ind.code}`,
        ),
      );
    else if (value < 0 || value > ind.max)
      reasons.push(
        problem(
          'RESULTS.OUT_OF_RANGE',
          `指标 ${ind.code} 的分数 ${raw} 超出 0–${ind.max / 100}`,
          `${at}.scores.${ind.code}`,
        ),
      );
    else values.set(ind.code, value);
  }
  for (const code of Object.keys(sheet.scores)) {
    if (!indicators.some((ind) => ind.code === code))
      reasons.push(
        problem('RESULTS.EXTRA_INDICATOR', `指标 ${code} 不属于该面试类型`, `${at}.scores.${code}`),
      );
  }
  return values;
}

/** Parses a weight with four decimals (basis points of 1: 0.4 → 4000). */
export function parseWeight(
  value: number | string | undefined,
  path: string,
  reasons: Problem[],
): number {
  if (value === undefined) return 0;
  const bp = parseScaled(value, 4);
  if (bp === null || bp < 0 || bp > 10000) {
    reasons.push(
      problem('RESULTS.BAD_WEIGHT', `权重 ${value} 应为 0 到 1 之间、最多四位小数`, path),
    );
    return 0;
  }
  return bp;
}
