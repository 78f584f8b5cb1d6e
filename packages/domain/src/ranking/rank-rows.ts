import type { Centi } from '../shared/decimal';
import { problem, type Outcome, type Problem } from '../shared/outcome';
import { rankColumns } from './rank-columns';

/** One step of the tie-break chain: a value field, highest first by default. */
export type RankingKey = { field: string; order?: 'asc' | 'desc'; label?: string };

/** A row to rank: its partition (e.g. gender) and its values in hundredths, by field name. */
export type RankingRow = {
  id: string;
  partition?: string;
  values: Readonly<Record<string, Centi>>;
};

/** A ranked row with the reason it sits where it does. */
export type RankedRow = {
  id: string;
  partition: string;
  rank: number;
  position: number;
  /** The key that put this row below the previous one, or null when tied with it or first. */
  separatedBy: string | null;
};

/** rankBy 'chain' (default): rows share a rank only when every key ties; 'first': the first key. */
export type RankingOptions = { keys: readonly RankingKey[]; rankBy?: 'chain' | 'first' };

/**
 * Ranks rows high to low within each partition (gender, position) by a configurable tie-break chain
 * with competition ranks 1, 1, 3 (REG-02e); rows equal on every key are listed by id.
 */
export function rankRows(
  rows: readonly RankingRow[],
  options: RankingOptions,
): Outcome<RankedRow[]> {
  const reasons = validateRanking(rows, options);
  if (reasons.length > 0) return { ok: false, reasons };
  // Sorting by id first makes the final order independent of the caller's input order.
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const partitionNames = [...new Set(sorted.map((r) => r.partition ?? ''))].sort();
  const partitionIndex = new Map(partitionNames.map((name, i) => [name, i]));
  const partition = sorted.map((r) => partitionIndex.get(r.partition ?? '')!);
  const keys = options.keys.map((key) => ({
    values: sorted.map((r) => r.values[key.field]!),
    order: key.order ?? ('desc' as const),
  }));
  const { order, rank, positionInPartition } = rankColumns(sorted.length, {
    partition,
    keys,
    rankBy: options.rankBy ?? 'chain',
  });
  const result: RankedRow[] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const prev = k > 0 ? order[k - 1]! : -1;
    const samePartition = prev >= 0 && partition[prev] === partition[i];
    const at = samePartition ? keys.findIndex((key) => key.values[i] !== key.values[prev]) : -1;
    const separating = at >= 0 ? options.keys[at] : undefined;
    result.push({
      id: sorted[i]!.id,
      partition: sorted[i]!.partition ?? '',
      rank: rank[i]!,
      position: positionInPartition[i]!,
      separatedBy: separating ? (separating.label ?? separating.field) : null,
    });
  }
  return { ok: true, value: result };
}

function validateRanking(rows: readonly RankingRow[], options: RankingOptions): Problem[] {
  const reasons: Problem[] = [];
  if (options.keys.length === 0)
    reasons.push(problem('RANKING.NO_KEYS', '排名规则至少需要一个排序字段', 'keys'));
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (seen.has(row.id))
      reasons.push(problem('RANKING.DUPLICATE_ID', `考生 ${row.id} 重复出现`, `rows[${i}].id`));
    seen.add(row.id);
    for (const key of options.keys) {
      const v = row.values[key.field];
      if (v === undefined || !Number.isSafeInteger(v)) {
        reasons.push(
          problem(
            'RANKING.BAD_VALUE',
            `考生 ${row.id} 缺少或有无效的 ${key.label ?? key.field}`,
            `rows[${i}].values.${key.field}`,
          ),
        );
      }
    }
  });
  return reasons;
}
