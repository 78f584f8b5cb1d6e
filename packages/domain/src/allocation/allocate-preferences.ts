import { formatCenti, type Centi } from '../shared/decimal';
import { problem, type Outcome, type Problem } from '../shared/outcome';
import { orderByColumns } from '../shared/radix-order';

export type AllocationPosition = { id: string; vacancies: number };
export type AllocationCandidate = {
  id: string;
  score: Centi;
  preferences: readonly string[];
  acceptsAdjustment?: boolean;
};
export type Admission = {
  candidateId: string;
  positionId: string;
  round: number | 'unified';
  preferenceRank: number | null;
};
export type AllocationPositionResult = {
  positionId: string;
  quota: number;
  admitted: number;
  shortfall: number;
  lineScore: Centi | null;
};
export type AllocationResult = {
  admissions: Admission[];
  positions: AllocationPositionResult[];
  candidates: { candidateId: string; positionId: string | null; explanation: string }[];
};

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
  const positions = input.positions;
  const posIndex = new Map(positions.map((p, i) => [p.id, i]));
  const quota = Int32Array.from(positions, (p) => p.vacancies * ratio);
  const admitted = new Int32Array(positions.length);
  const line = new Float64Array(positions.length).fill(NaN);
  // Radix order by score; equal scores keep input order, which never changes who is admitted
  // because everyone tied with the last place is admitted.
  const order = orderByColumns(input.candidates.length, [
    { values: input.candidates.map((c) => c.score), order: 'desc' },
  ]);
  const sorted = Array.from(order, (i) => input.candidates[i]!);
  // Per sorted candidate: position index admitted to (-1 none) and round (0 = unified adjustment).
  const placedAt = new Int32Array(sorted.length).fill(-1);
  const placedRound = new Int32Array(sorted.length);
  const rounds = sorted.reduce((max, c) => Math.max(max, c.preferences.length), 0);
  for (let r = 0; r < rounds; r++) {
    // Open room is fixed at the start of the round: a round's admissions never crowd out each other's ties.
    const open = Int32Array.from(quota, (q, p) => q - admitted[p]!);
    const taken = new Int32Array(positions.length);
    const last = new Float64Array(positions.length);
    for (let k = 0; k < sorted.length; k++) {
      const c = sorted[k]!;
      const wanted = c.preferences[r];
      if (wanted === undefined || placedAt[k]! >= 0) continue;
      const p = posIndex.get(wanted)!;
      if (taken[p]! < open[p]! || (taken[p]! > 0 && last[p] === c.score)) {
        taken[p]! += 1;
        last[p] = c.score;
        admitted[p]! += 1;
        line[p] = c.score;
        placedAt[k] = p;
        placedRound[k] = r + 1;
      }
    }
  }
  if (input.unifiedAdjustment !== false) {
    let k = 0;
    positions.forEach((_, p) => {
      const need = quota[p]! - admitted[p]!;
      let taken = 0;
      let last: Centi | null = null;
      for (; k < sorted.length; k++) {
        const c = sorted[k]!;
        if (placedAt[k]! >= 0 || c.acceptsAdjustment === false) continue;
        if (taken >= need && c.score !== last) break;
        placedAt[k] = p;
        placedRound[k] = 0;
        taken++;
        last = c.score;
      }
      admitted[p]! += taken;
      if (last !== null) line[p] = Number.isNaN(line[p]!) ? last : Math.min(line[p]!, last);
    });
  }
  const admissions: Admission[] = [];
  const candidates = sorted.map((c, k) => {
    const p = placedAt[k]!;
    if (p < 0)
      return {
        candidateId: c.id,
        positionId: null,
        explanation: `成绩 ${formatCenti(c.score)}，所填志愿均已满额，未参加或未获统一调剂`,
      };
    const round = placedRound[k]! === 0 ? ('unified' as const) : placedRound[k]!;
    const positionId = positions[p]!.id;
    admissions.push({
      candidateId: c.id,
      positionId,
      round,
      preferenceRank: round === 'unified' ? null : round,
    });
    const how = round === 'unified' ? '统一调剂' : `第${round}志愿`;
    return {
      candidateId: c.id,
      positionId,
      explanation: `成绩 ${formatCenti(c.score)}，按${how}进入职位 ${positionId}`,
    };
  });
  return {
    ok: true,
    value: {
      admissions,
      positions: positions.map((p, i) => ({
        positionId: p.id,
        quota: quota[i]!,
        admitted: admitted[i]!,
        shortfall: Math.max(0, quota[i]! - admitted[i]!),
        lineScore: Number.isNaN(line[i]!) ? null : line[i]!,
      })),
      candidates,
    },
  };
}

function validateAllocation(
  positions: readonly AllocationPosition[],
  candidates: readonly AllocationCandidate[],
  ratio: number,
): Problem[] {
  const reasons: Problem[] = [];
  if (!Number.isInteger(ratio) || ratio < 1)
    reasons.push(problem('ALLOCATION.BAD_RATIO', '考察比例应为正整数', 'ratio'));
  const ids = new Set<string>();
  positions.forEach((p, i) => {
    if (ids.has(p.id))
      reasons.push(
        problem('ALLOCATION.DUPLICATE_POSITION', `职位 ${p.id} 重复`, `positions[${i}].id`),
      );
    ids.add(p.id);
    if (!Number.isInteger(p.vacancies) || p.vacancies < 1)
      reasons.push(
        problem(
          'ALLOCATION.BAD_VACANCIES',
          `职位 ${p.id} 的计划数应为正整数`,
          `positions[${i}].vacancies`,
        ),
      );
  });
  const cids = new Set<string>();
  candidates.forEach((c, i) => {
    if (cids.has(c.id))
      reasons.push(
        problem('ALLOCATION.DUPLICATE_CANDIDATE', `考生 ${c.id} 重复`, `candidates[${i}].id`),
      );
    cids.add(c.id);
    if (!Number.isSafeInteger(c.score))
      reasons.push(
        problem('ALLOCATION.BAD_SCORE', `考生 ${c.id} 的成绩无效`, `candidates[${i}].score`),
      );
    if (new Set(c.preferences).size !== c.preferences.length)
      reasons.push(
        problem(
          'ALLOCATION.REPEATED_PREFERENCE',
          `考生 ${c.id} 重复填报同一职位`,
          `candidates[${i}].preferences`,
        ),
      );
    c.preferences.forEach((p, j) => {
      if (!ids.has(p))
        reasons.push(
          problem(
            'ALLOCATION.UNKNOWN_POSITION',
            `考生 ${c.id} 的第${j + 1}志愿职位 ${p} 不存在`,
            `candidates[${i}].preferences[${j}]`,
          ),
        );
    });
  });
  return reasons;
}
