import { parseCenti, type Centi } from '../shared/decimal';
import { problem, type Outcome, type Problem } from '../shared/outcome';

/** A validated base-score rule (REG-02a); points and caps are in hundredths. */
export type BaseScoreRule = { id: string; name: string; field: string; cap: Centi | null } & (
  | { type: 'lookup'; table: Readonly<Record<string, Centi>> }
  | { type: 'flag'; points: Centi }
  | { type: 'bands'; bands: readonly { min: number | null; max: number | null; points: Centi }[] }
  | { type: 'membership'; list: ReadonlySet<string>; points: Centi }
);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates rule definitions given as JSON (REG-02a): lookup table on a field, boolean flag, numeric
 * bands [min, max), list membership; each may carry a cap. Every problem is reported with its path.
 */
export function parseBaseScoreRules(json: unknown): Outcome<BaseScoreRule[]> {
  if (!Array.isArray(json))
    return { ok: false, reasons: [problem('BASE_SCORE.NOT_LIST', '评分规则应为数组', 'rules')] };
  const reasons: Problem[] = [];
  const ids = new Set<string>();
  // The null placeholders of bad rules never escape: any reason makes the whole outcome a failure.
  const rules = json.map((raw, i) => parseRule(raw, `rules[${i}]`, reasons, ids));
  return reasons.length > 0
    ? { ok: false, reasons }
    : { ok: true, value: rules as BaseScoreRule[] };
}

/**
 * One rule; problems go to `reasons` and parsing carries on with placeholders, so one pass over the
 * JSON reports every mistake in the rules, not just the first.
 */
function parseRule(
  raw: unknown,
  at: string,
  reasons: Problem[],
  ids: Set<string>,
): BaseScoreRule | null {
  if (!isObject(raw)) {
    reasons.push(problem('BASE_SCORE.BAD_RULE', '规则应为对象', at));
    return null;
  }
  const text = (key: string): string => {
    const v = raw[key];
    if (typeof v !== 'string' || v.trim() === '')
      reasons.push(problem('BASE_SCORE.MISSING', `缺少 ${key}`, `${at}.${key}`));
    return typeof v === 'string' ? v : '';
  };
  const points = (v: unknown, path: string): Centi => {
    const p = typeof v === 'number' || typeof v === 'string' ? parseCenti(v) : null;
    if (p === null)
      reasons.push(problem('BASE_SCORE.BAD_POINTS', '分值应为最多两位小数的数', path));
    return p ?? 0;
  };
  const id = text('id');
  if (ids.has(id))
    reasons.push(problem('BASE_SCORE.DUPLICATE_ID', `规则编号 ${id} 重复`, `${at}.id`));
  ids.add(id);
  const common = {
    id,
    name: text('name'),
    field: text('field'),
    cap: raw.cap === undefined ? null : points(raw.cap, `${at}.cap`),
  };
  switch (raw.type) {
    case 'lookup': {
      if (!isObject(raw.table)) {
        reasons.push(problem('BASE_SCORE.BAD_TABLE', '对照表应为对象', `${at}.table`));
        return null;
      }
      const table = Object.fromEntries(
        Object.entries(raw.table).map(([k, v]) => [k, points(v, `${at}.table.${k}`)]),
      );
      return { ...common, type: 'lookup', table };
    }
    case 'flag':
      return { ...common, type: 'flag', points: points(raw.points, `${at}.points`) };
    case 'membership': {
      const list =
        Array.isArray(raw.list) && raw.list.every((x) => typeof x === 'string') ? raw.list : null;
      if (!list) reasons.push(problem('BASE_SCORE.BAD_LIST', '名单应为字符串数组', `${at}.list`));
      return {
        ...common,
        type: 'membership',
        list: new Set(list ?? []),
        points: points(raw.points, `${at}.points`),
      };
    }
    case 'bands': {
      if (!Array.isArray(raw.bands) || raw.bands.length === 0) {
        reasons.push(problem('BASE_SCORE.BAD_BANDS', '分段应为非空数组', `${at}.bands`));
        return null;
      }
      const bands = raw.bands.map((b: unknown, j: number) =>
        parseBand(b, `${at}.bands[${j}]`, reasons, points),
      );
      return { ...common, type: 'bands', bands };
    }
    default:
      reasons.push(
        problem('BASE_SCORE.BAD_TYPE', `未知规则类型 ${String(raw.type)}`, `${at}.type`),
      );
      return null;
  }
}

function parseBand(
  raw: unknown,
  at: string,
  reasons: Problem[],
  points: (v: unknown, p: string) => Centi,
) {
  const b = isObject(raw) ? raw : {};
  const bound = (key: 'min' | 'max'): number | null => {
    const v = b[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isFinite(v))
      reasons.push(problem('BASE_SCORE.BAD_BANDS', `${key} 应为数`, `${at}.${key}`));
    return typeof v === 'number' ? v : null;
  };
  const min = bound('min');
  const max = bound('max');
  if (min !== null && max !== null && min >= max)
    reasons.push(problem('BASE_SCORE.BAD_BANDS', '分段下限应小于上限', at));
  return { min, max, points: points(b.points, `${at}.points`) };
}
