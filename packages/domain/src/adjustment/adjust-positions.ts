import { formatCenti } from '../shared/decimal';
import { problem, type Outcome, type Problem } from '../shared/outcome';
import { orderByColumns } from '../shared/radix-order';
import { checkCandidateForAdjustment, checkPositionForAdjustment } from './adjustment-rules';
import type {
  AdjustmentCandidate,
  AdjustmentPolicy,
  AdjustmentPosition,
  AdjustmentResult,
  CandidateAdjustment,
  ConditionsCheck,
  Placement,
} from './adjustment.types';

/**
 * Adjustment 调剂 (INT-02, INT-07, §7): first the public round — each short position takes, by written
 * total, the applicants who chose it and meet every rule, ties at the last place all entering — then
 * the unified round fills positions still short, in the given priority order, from the best remaining
 * candidates who accept it. One position per candidate; every candidate gets his reasons.
 */
export function adjustPositions(input: {
  positions: readonly AdjustmentPosition[];
  candidates: readonly AdjustmentCandidate[];
  policy: AdjustmentPolicy;
  meetsConditions?: ConditionsCheck;
}): Outcome<AdjustmentResult> {
  const reasons = validateAdjustment(input.positions, input.candidates);
  if (reasons.length > 0) return { ok: false, reasons };
  const { positions, policy, meetsConditions } = input;
  // Radix order by written total; ties keep input order, which never changes a placement because
  // everyone tied with the last place enters.
  const order = orderByColumns(input.candidates.length, [
    { values: input.candidates.map((c) => c.writtenTotal), order: 'desc' },
  ]);
  const sorted = Array.from(order, (i) => input.candidates[i]!);
  const notes = new Map<string, string[]>();
  const note = (id: string, why: string): void =>
    void (notes.get(id) ?? notes.set(id, []).get(id)!).push(why);
  const placed = new Map<string, Placement>();
  const filled = new Map<string, { public: number; unified: number }>(
    positions.map((p) => [p.id, { public: 0, unified: 0 }]),
  );
  // Candidate-only rules (asked for adjustment, not on the first list, pass line) are judged once;
  // position rules are judged per position below.
  const eligible = sorted.filter((c) => {
    const why = checkCandidateForAdjustment(c, policy);
    if (why) note(c.id, why);
    return why === null;
  });
  // Public round: applicants grouped by their single choice.
  const applicants = new Map<string, AdjustmentCandidate[]>();
  for (const c of eligible) {
    if (c.choice === undefined) continue;
    const list = applicants.get(c.choice);
    if (list) list.push(c);
    else applicants.set(c.choice, [c]);
  }
  for (const p of positions) {
    const pool = (applicants.get(p.id) ?? []).filter((c) => {
      const why = checkPositionForAdjustment(c, p, policy, meetsConditions);
      if (why) note(c.id, why);
      return why === null;
    });
    const taken = takeWithTies(pool, p.shortfall);
    for (const c of taken)
      placed.set(c.id, { candidateId: c.id, positionId: p.id, round: 'public' });
    filled.get(p.id)!.public = taken.length;
    const line = taken[taken.length - 1];
    for (const c of pool.slice(taken.length)) {
      note(
        c.id,
        line
          ? `职位 ${p.id} 调剂名额已满，最低入围 ${formatCenti(line.writtenTotal)}`
          : `职位 ${p.id} 没有调剂缺额`,
      );
    }
  }
  // Unified round: positions in priority order, candidates bucketed by category and subject.
  const buckets = new Map<string, { pool: AdjustmentCandidate[]; head: number }>();
  for (const c of eligible) {
    if (c.acceptsUnified === false || placed.has(c.id)) continue;
    // Adjustment stays within category and subject, so a position only ever looks at its own
    // bucket.
    const key = `${c.category}\u0000${c.subject}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.pool.push(c);
    else buckets.set(key, { pool: [c], head: 0 });
  }
  for (const p of positions) {
    const fill = filled.get(p.id)!;
    const need = p.shortfall - fill.public;
    const bucket = buckets.get(`${p.category}\u0000${p.subject}`);
    if (need <= 0 || !bucket) continue;
    // Placed candidates at the front of a bucket are skipped for good, so the walk stays short.
    while (bucket.head < bucket.pool.length && placed.has(bucket.pool[bucket.head]!.id))
      bucket.head++;
    const taken: AdjustmentCandidate[] = [];
    for (let k = bucket.head; k < bucket.pool.length; k++) {
      const c = bucket.pool[k]!;
      if (taken.length >= need && c.writtenTotal !== taken[taken.length - 1]!.writtenTotal) break;
      if (placed.has(c.id) || checkPositionForAdjustment(c, p, policy, meetsConditions) !== null)
        continue;
      taken.push(c);
    }
    for (const c of taken)
      placed.set(c.id, { candidateId: c.id, positionId: p.id, round: 'unified' });
    fill.unified = taken.length;
  }
  // A placed candidate gets one reason (where and by which score); the others get every note
  // collected.
  const candidates: CandidateAdjustment[] = sorted.map((c) => {
    const placement = placed.get(c.id);
    const own = notes.get(c.id) ?? [];
    if (placement)
      return {
        candidateId: c.id,
        positionId: placement.positionId,
        round: placement.round,
        reasons: [`按笔试成绩 ${formatCenti(c.writtenTotal)} 调剂至职位 ${placement.positionId}`],
      };
    return {
      candidateId: c.id,
      positionId: null,
      round: null,
      reasons: own.length > 0 ? own : ['统一调剂中没有可安排的缺额职位'],
    };
  });
  return {
    ok: true,
    value: {
      placements: [...placed.values()],
      positions: positions.map((p) => {
        const f = filled.get(p.id)!;
        return {
          positionId: p.id,
          needed: p.shortfall,
          filledPublic: f.public,
          filledUnified: f.unified,
          remainingShortfall: Math.max(0, p.shortfall - f.public - f.unified),
        };
      }),
      candidates,
    },
  };
}

/** The first `places` of a list sorted by score, plus everyone tied with the last one taken. */
export function takeWithTies<T extends { writtenTotal: number }>(
  sortedPool: readonly T[],
  places: number,
): T[] {
  if (places <= 0 || sortedPool.length === 0) return [];
  let end = Math.min(places, sortedPool.length);
  const last = sortedPool[end - 1]!.writtenTotal;
  while (end < sortedPool.length && sortedPool[end]!.writtenTotal === last) end++;
  return sortedPool.slice(0, end);
}

/**
 * Input errors (duplicates, bad shortfall or score, a choice of an unknown position), all at once.
 */
function validateAdjustment(
  positions: readonly AdjustmentPosition[],
  candidates: readonly AdjustmentCandidate[],
): Problem[] {
  const reasons: Problem[] = [];
  const ids = new Set<string>();
  positions.forEach((p, i) => {
    if (ids.has(p.id))
      reasons.push(
        problem('ADJUSTMENT.DUPLICATE_POSITION', `职位 ${p.id} 重复`, `positions[${i}].id`),
      );
    ids.add(p.id);
    if (!Number.isInteger(p.shortfall) || p.shortfall < 0)
      reasons.push(
        problem(
          'ADJUSTMENT.BAD_SHORTFALL',
          `职位 ${p.id} 的缺额应为非负整数`,
          `positions[${i}].shortfall`,
        ),
      );
  });
  const cids = new Set<string>();
  candidates.forEach((c, i) => {
    if (cids.has(c.id))
      reasons.push(
        problem('ADJUSTMENT.DUPLICATE_CANDIDATE', `考生 ${c.id} 重复`, `candidates[${i}].id`),
      );
    cids.add(c.id);
    if (!Number.isSafeInteger(c.writtenTotal))
      reasons.push(
        problem(
          'ADJUSTMENT.BAD_SCORE',
          `考生 ${c.id} 的笔试成绩无效`,
          `candidates[${i}].writtenTotal`,
        ),
      );
    if (c.choice !== undefined && !ids.has(c.choice))
      reasons.push(
        problem(
          'ADJUSTMENT.UNKNOWN_POSITION',
          `考生 ${c.id} 申请调剂的职位 ${c.choice} 不存在`,
          `candidates[${i}].choice`,
        ),
      );
  });
  return reasons;
}
