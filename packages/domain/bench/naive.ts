/**
 * The "straightforward way" each engine is compared with: what a first implementation would write —
 * comparison sorts on objects, a scan of every candidate per position, greedy matching, float maths.
 */
import type {
  AdjustmentCandidate,
  AdjustmentPosition,
  AllocationCandidate,
  AllocationPosition,
  DispatchExaminer,
  DispatchNeed,
} from '../src/index';

/** Object sort with a comparator chain, then ranks per partition. */
export function naiveRank(
  rows: { id: number; p: number; a: number; b: number; c: number }[],
): Map<number, number> {
  const sorted = [...rows].sort(
    (x, y) => x.p - y.p || y.a - x.a || y.b - x.b || y.c - x.c || x.id - y.id,
  );
  const rank = new Map<number, number>();
  let pos = 0;
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    pos = prev && prev.p === r.p ? pos + 1 : 1;
    rank.set(
      r.id,
      prev && prev.p === r.p && prev.a === r.a && prev.b === r.b && prev.c === r.c
        ? rank.get(prev.id)!
        : pos,
    );
  });
  return rank;
}

/** Each short position scans every candidate for eligible ones, sorts them, takes the best. */
export function naiveAdjustment(
  positions: readonly AdjustmentPosition[],
  candidates: readonly AdjustmentCandidate[],
  passLines: Record<string, number>,
): number {
  const placed = new Set<string>();
  for (const p of positions) {
    if (p.shortfall <= 0) continue;
    const pool = candidates
      .filter(
        (c) =>
          c.wantsAdjustment &&
          !c.onFirstList &&
          !placed.has(c.id) &&
          c.category === p.category &&
          c.subject === p.subject &&
          c.writtenTotal >= (passLines[c.category] ?? Infinity),
      )
      .sort((a, b) => b.writtenTotal - a.writtenTotal);
    for (const c of pool.slice(0, p.shortfall)) placed.add(c.id);
  }
  return placed.size;
}

/** For each round and each position, scan every candidate for that preference. */
export function naiveAllocation(
  positions: readonly AllocationPosition[],
  candidates: readonly AllocationCandidate[],
  rounds: number,
): number {
  const placed = new Set<string>();
  const room = new Map(positions.map((p) => [p.id, p.vacancies * 2]));
  for (let r = 0; r < rounds; r++) {
    for (const p of positions) {
      const pool = candidates
        .filter((c) => !placed.has(c.id) && c.preferences[r] === p.id)
        .sort((a, b) => b.score - a.score);
      const take = pool.slice(0, Math.max(0, room.get(p.id)!));
      for (const c of take) placed.add(c.id);
      room.set(p.id, room.get(p.id)! - take.length);
    }
  }
  return placed.size;
}

/** Greedy: each needing unit in turn takes the first available examiners of other units. */
export function naiveDispatch(
  examiners: readonly DispatchExaminer[],
  needs: readonly DispatchNeed[],
): number {
  const used = new Set<string>();
  let met = 0;
  for (const n of needs) {
    let got = 0;
    for (const e of examiners) {
      if (got >= n.count) break;
      if (e.unitId === n.unitId || used.has(e.id)) continue;
      used.add(e.id);
      got++;
    }
    met += got;
  }
  return met;
}

/** Float maths: trimmed means and 40/60 composite with Math.round, as a quick script would. */
export function naiveResults(
  sheets: readonly { candidateId: string; scores: Record<string, number> }[],
  written: Map<string, number>,
  codes: readonly string[],
): Map<string, number> {
  const byCandidate = new Map<string, Record<string, number>[]>();
  for (const s of sheets)
    byCandidate.set(s.candidateId, [...(byCandidate.get(s.candidateId) ?? []), s.scores]);
  const out = new Map<string, number>();
  for (const [id, list] of byCandidate) {
    let interview = 0;
    for (const code of codes) {
      const v = list
        .map((s) => s[code]!)
        .sort((a, b) => a - b)
        .slice(1, -1);
      interview += (v.reduce((a, b) => a + b, 0) / v.length) * 2;
    }
    interview = Math.round(interview * 100) / 100;
    out.set(id, Math.round(((written.get(id)! / 200) * 100 * 0.4 + interview * 0.6) * 100) / 100);
  }
  return out;
}
