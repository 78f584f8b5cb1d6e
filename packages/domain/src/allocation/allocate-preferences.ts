import { formatCenti, type Centi } from '../shared/decimal';
import { problem, type Outcome, type Problem } from '../shared/outcome';

export type AllocationPosition = { id: string; vacancies: number };
export type AllocationCandidate = { id: string; score: Centi; preferences: readonly string[]; acceptsAdjustment?: boolean };
export type Admission = { candidateId: string; positionId: string; round: number | 'unified'; preferenceRank: number | null };
export type AllocationPositionResult = { positionId: string; quota: number; admitted: number; shortfall: number; lineScore: Centi | null };
export type AllocationResult = {
  admissions: Admission[];
  positions: AllocationPositionResult[];
  candidates: { candidateId: string; positionId: string | null; explanation: string }[];
};

const byScore = (a: AllocationCandidate, b: AllocationCandidate): number => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * 选调生 allocation by preference order (INT-06, §7): round r admits, for each position, the candidates
 * whose r-th choice it is, by score, up to ratio × vacancies still open, everyone tied with the last
 * admitted of that round included; then a unified adjustment fills positions still short, in input order.
 */
export function allocatePreferences(input: {
  positions: readonly AllocationPosition[];
  candidates: readonly AllocationCandidate[];
  ratio?: number;
  unifiedAdjustment?: boolean;
}): Outcome<AllocationResult> {
  const ratio = input.ratio ?? 2;
  const reasons = validateAllocation(input.positions, input.candidates, ratio);
  if (reasons.length > 0) return { ok: false, reasons };
  const quota = new Map(input.positions.map((p) => [p.id, p.vacancies * ratio]));
  const admitted = new Map(input.positions.map((p) => [p.id, 0]));
  const line = new Map<string, Centi>();
  const placed = new Map<string, Admission>();
  const sorted = [...input.candidates].sort(byScore);
  const rounds = sorted.reduce((max, c) => Math.max(max, c.preferences.length), 0);
  for (let r = 0; r < rounds; r++) {
    // Open room is fixed at the start of the round: a round's admissions never crowd out each other's ties.
    const open = new Map([...admitted].map(([id, n]) => [id, quota.get(id)! - n]));
    const lastScore = new Map<string, Centi>();
    const takenThisRound = new Map<string, number>();
    for (const c of sorted) {
      const p = c.preferences[r];
      if (p === undefined || placed.has(c.id)) continue;
      const taken = takenThisRound.get(p) ?? 0;
      if (taken < open.get(p)! || (taken > 0 && lastScore.get(p) === c.score)) {
        takenThisRound.set(p, taken + 1);
        lastScore.set(p, c.score);
        admitted.set(p, admitted.get(p)! + 1);
        line.set(p, c.score);
        placed.set(c.id, { candidateId: c.id, positionId: p, round: r + 1, preferenceRank: r + 1 });
      }
    }
  }
  if (input.unifiedAdjustment !== false) {
    const pool = sorted.filter((c) => !placed.has(c.id) && c.acceptsAdjustment !== false);
    let head = 0;
    for (const p of input.positions) {
      const need = quota.get(p.id)! - admitted.get(p.id)!;
      let taken = 0;
      let last: Centi | null = null;
      for (; head < pool.length; head++) {
        const c = pool[head]!;
        if (taken >= need && c.score !== last) break;
        placed.set(c.id, { candidateId: c.id, positionId: p.id, round: 'unified', preferenceRank: null });
        taken++;
        last = c.score;
      }
      admitted.set(p.id, admitted.get(p.id)! + taken);
      if (last !== null) line.set(p.id, Math.min(line.get(p.id) ?? last, last));
    }
  }
  return { ok: true, value: summarize(input.positions, sorted, quota, admitted, line, placed) };
}

function summarize(
  positions: readonly AllocationPosition[],
  sorted: AllocationCandidate[],
  quota: Map<string, number>,
  admitted: Map<string, number>,
  line: Map<string, Centi>,
  placed: Map<string, Admission>,
): AllocationResult {
  return {
    admissions: sorted.flatMap((c) => (placed.has(c.id) ? [placed.get(c.id)!] : [])),
    positions: positions.map((p) => ({
      positionId: p.id,
      quota: quota.get(p.id)!,
      admitted: admitted.get(p.id)!,
      shortfall: Math.max(0, quota.get(p.id)! - admitted.get(p.id)!),
      lineScore: line.get(p.id) ?? null,
    })),
    candidates: sorted.map((c) => {
      const a = placed.get(c.id);
      if (!a) return { candidateId: c.id, positionId: null, explanation: `成绩 ${formatCenti(c.score)}，所填志愿均已满额，未参加或未获统一调剂` };
      const how = a.round === 'unified' ? '统一调剂' : `第${a.round}志愿`;
      return { candidateId: c.id, positionId: a.positionId, explanation: `成绩 ${formatCenti(c.score)}，按${how}进入职位 ${a.positionId}` };
    }),
  };
}

function validateAllocation(positions: readonly AllocationPosition[], candidates: readonly AllocationCandidate[], ratio: number): Problem[] {
  const reasons: Problem[] = [];
  if (!Number.isInteger(ratio) || ratio < 1) reasons.push(problem('ALLOCATION.BAD_RATIO', '考察比例应为正整数', 'ratio'));
  const ids = new Set<string>();
  positions.forEach((p, i) => {
    if (ids.has(p.id)) reasons.push(problem('ALLOCATION.DUPLICATE_POSITION', `职位 ${p.id} 重复`, `positions[${i}].id`));
    ids.add(p.id);
    if (!Number.isInteger(p.vacancies) || p.vacancies < 1) reasons.push(problem('ALLOCATION.BAD_VACANCIES', `职位 ${p.id} 的计划数应为正整数`, `positions[${i}].vacancies`));
  });
  const cids = new Set<string>();
  candidates.forEach((c, i) => {
    if (cids.has(c.id)) reasons.push(problem('ALLOCATION.DUPLICATE_CANDIDATE', `考生 ${c.id} 重复`, `candidates[${i}].id`));
    cids.add(c.id);
    if (!Number.isSafeInteger(c.score)) reasons.push(problem('ALLOCATION.BAD_SCORE', `考生 ${c.id} 的成绩无效`, `candidates[${i}].score`));
    if (new Set(c.preferences).size !== c.preferences.length) reasons.push(problem('ALLOCATION.REPEATED_PREFERENCE', `考生 ${c.id} 重复填报同一职位`, `candidates[${i}].preferences`));
    c.preferences.forEach((p, j) => {
      if (!ids.has(p)) reasons.push(problem('ALLOCATION.UNKNOWN_POSITION', `考生 ${c.id} 的第${j + 1}志愿职位 ${p} 不存在`, `candidates[${i}].preferences[${j}]`));
    });
  });
  return reasons;
}
