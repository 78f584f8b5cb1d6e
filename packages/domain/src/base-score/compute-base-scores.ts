import { formatCenti, type Centi } from '../shared/decimal';
import { problem, type Outcome, type Problem } from '../shared/outcome';
import type { BaseScoreRule } from './base-score-rules';

/** A candidate's application data as the rules read it, field by field. */
export type BaseScoreInput = { id: string; data: Readonly<Record<string, unknown>> };
/** What one rule gave one candidate, and whether its cap cut the points (REG-02b explanation). */
export type RuleContribution = {
  ruleId: string;
  name: string;
  points: Centi;
  capped: boolean;
  detail: string;
};
export type BaseScore = { candidateId: string; total: Centi; breakdown: RuleContribution[] };

/**
 * Base score of every candidate of an event in one batch (REG-02b): sum of rule points, each rule
 * capped, with the breakdown that explains it; a field of the wrong type is reported with its location.
 */
export function computeBaseScores(
  rules: readonly BaseScoreRule[],
  candidates: readonly BaseScoreInput[],
): Outcome<BaseScore[]> {
  const reasons: Problem[] = [];
  const scores = candidates.map((c, i) => {
    const breakdown = rules.map((rule) =>
      applyRule(rule, c.data[rule.field], `candidates[${i}].data.${rule.field}`, reasons),
    );
    return { candidateId: c.id, total: breakdown.reduce((s, b) => s + b.points, 0), breakdown };
  });
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, value: scores };
}

function applyRule(
  rule: BaseScoreRule,
  value: unknown,
  path: string,
  reasons: Problem[],
): RuleContribution {
  const raw = rawPoints(rule, value, path, reasons);
  const capped = rule.cap !== null && raw.points > rule.cap;
  const points = capped ? rule.cap! : raw.points;
  const detail = capped ? `${raw.detail}，按上限 ${formatCenti(rule.cap!)} 分计` : raw.detail;
  return { ruleId: rule.id, name: rule.name, points, capped, detail };
}

// Multi-valued fields (awards, titles) add up per item before the cap.
function rawPoints(
  rule: BaseScoreRule,
  value: unknown,
  path: string,
  reasons: Problem[],
): { points: Centi; detail: string } {
  if (value === undefined || value === null) return { points: 0, detail: '未填写，不加分' };
  const wrong = (expected: string): { points: Centi; detail: string } => {
    reasons.push(problem('BASE_SCORE.BAD_FIELD', `${rule.name} 需要${expected}`, path));
    return { points: 0, detail: '' };
  };
  switch (rule.type) {
    case 'flag':
      if (typeof value !== 'boolean') return wrong('是/否');
      return value
        ? { points: rule.points, detail: `是，加 ${formatCenti(rule.points)} 分` }
        : { points: 0, detail: '否，不加分' };
    case 'bands': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrong('数值');
      const band = rule.bands.find(
        (b) => (b.min === null || value >= b.min) && (b.max === null || value < b.max),
      );
      return band
        ? {
            points: band.points,
            detail: `${value} 落在 [${band.min ?? '-∞'}, ${band.max ?? '∞'})，加 ${formatCenti(band.points)} 分`,
          }
        : { points: 0, detail: `${value} 不在任何分段内` };
    }
    case 'lookup':
    case 'membership': {
      const items = Array.isArray(value) ? value : [value];
      if (!items.every((v) => typeof v === 'string')) return wrong('文本或文本列表');
      const hits = (items as string[]).map(
        (v) =>
          [
            v,
            rule.type === 'lookup' ? (rule.table[v] ?? 0) : rule.list.has(v) ? rule.points : 0,
          ] as const,
      );
      const points = hits.reduce((s, [, p]) => s + p, 0);
      const matched = hits.filter(([, p]) => p > 0).map(([v, p]) => `${v} ${formatCenti(p)}`);
      return {
        points,
        detail:
          matched.length > 0
            ? `${matched.join('、')}，合计 ${formatCenti(points)} 分`
            : '无匹配项，不加分',
      };
    }
  }
}
