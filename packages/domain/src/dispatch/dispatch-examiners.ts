import { createFlowNetwork } from '../shared/max-flow';
import { problem, type Outcome, type Problem } from '../shared/outcome';

/** An examiner a unit offers to send out; never sent back to his own unit. */
export type DispatchExaminer = { id: string; unitId: string };
/** How many outside examiners a unit needs in. */
export type DispatchNeed = { unitId: string; count: number };
/** The allocation and the shortfall per unit, which org_admin reviews and adjusts (INT-09a). */
export type DispatchResult = {
  assignments: { examinerId: string; fromUnitId: string; toUnitId: string }[];
  met: number;
  needed: number;
  /** Largest number of one unit's examiners sent to one other unit (what the balancing minimises). */
  maxPerPair: number;
  shortfalls: { unitId: string; needed: number; met: number }[];
};

type Solved = { flow: number; pairFlows: { from: number; to: number; flow: number }[] };

/**
 * External examiner dispatch (INT-09a): maximum flow from offering units to needing units without
 * self-edges meets the most needs possible; among maximum flows, a binary search on the per-pair cap
 * finds the smallest largest batch of one unit's examiners at one unit, so sends are spread out.
 */
export function dispatchExaminers(
  examiners: readonly DispatchExaminer[],
  needs: readonly DispatchNeed[],
): Outcome<DispatchResult> {
  const reasons = validateDispatch(examiners, needs);
  if (reasons.length > 0) return { ok: false, reasons };
  // Examiners and units in id order: the same input always gives the same dispatch.
  const byUnit = new Map<string, string[]>();
  for (const e of [...examiners].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const list = byUnit.get(e.unitId);
    if (list) list.push(e.id);
    else byUnit.set(e.unitId, [e.id]);
  }
  const offer = [...byUnit.keys()].sort();
  const need = [...needs].sort((a, b) => (a.unitId < b.unitId ? -1 : 1));
  const solve = (pairCap: number): Solved =>
    solveFlow(
      offer.map((u) => byUnit.get(u)!.length),
      offer,
      need,
      pairCap,
    );
  const best = solve(Number.MAX_SAFE_INTEGER);
  // Max flow is monotone in the pair cap: double the cap until it stays maximal, then bisect below it.
  // The answer is usually small, so this takes few solves of the large pair graph.
  let chosen = best;
  let lo = 0;
  let hi = 0;
  if (best.flow > 0) {
    let cap = 1;
    for (;;) {
      const trial = solve(cap);
      if (trial.flow === best.flow) {
        chosen = trial;
        hi = cap;
        break;
      }
      lo = cap;
      cap *= 2;
    }
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      const trial = solve(mid);
      if (trial.flow === best.flow) [hi, chosen] = [mid, trial];
      else lo = mid;
    }
  }
  // The flow says how many of a unit's examiners go where; they are handed out in id order.
  const cursor = new Map(offer.map((u) => [u, 0]));
  const assignments = chosen.pairFlows.flatMap(({ from, to, flow }) => {
    const unit = offer[from]!;
    const start = cursor.get(unit)!;
    cursor.set(unit, start + flow);
    return byUnit
      .get(unit)!
      .slice(start, start + flow)
      .map((examinerId) => ({ examinerId, fromUnitId: unit, toUnitId: need[to]!.unitId }));
  });
  const metBy = new Map<string, number>();
  for (const a of assignments) metBy.set(a.toUnitId, (metBy.get(a.toUnitId) ?? 0) + 1);
  return {
    ok: true,
    value: {
      assignments,
      met: chosen.flow,
      needed: need.reduce((s, n) => s + n.count, 0),
      maxPerPair: chosen.pairFlows.reduce((m, p) => Math.max(m, p.flow), 0),
      shortfalls: need
        .filter((n) => (metBy.get(n.unitId) ?? 0) < n.count)
        .map((n) => ({ unitId: n.unitId, needed: n.count, met: metBy.get(n.unitId) ?? 0 })),
    },
  };
}

/**
 * source → offering unit (its examiners) → needing unit (at most pairCap, never itself) → sink (its
 * need); the flow on each pair edge is how many that unit sends there.
 */
function solveFlow(
  supply: number[],
  offer: string[],
  need: DispatchNeed[],
  pairCap: number,
): Solved {
  const source = offer.length + need.length;
  const sink = source + 1;
  const net = createFlowNetwork(sink + 1);
  const pairs: { from: number; to: number; edge: number }[] = [];
  offer.forEach((unit, i) => {
    net.addEdge(source, i, supply[i]!);
    need.forEach((n, j) => {
      if (n.unitId !== unit)
        pairs.push({ from: i, to: j, edge: net.addEdge(i, offer.length + j, pairCap) });
    });
  });
  need.forEach((n, j) => net.addEdge(offer.length + j, sink, n.count));
  const flow = net.maxFlow(source, sink);
  return {
    flow,
    pairFlows: pairs
      .map((p) => ({ from: p.from, to: p.to, flow: net.flowOn(p.edge) }))
      .filter((p) => p.flow > 0),
  };
}

/** Duplicate examiners, duplicate or invalid needs: reported all at once. */
function validateDispatch(
  examiners: readonly DispatchExaminer[],
  needs: readonly DispatchNeed[],
): Problem[] {
  const reasons: Problem[] = [];
  const ids = new Set<string>();
  examiners.forEach((e, i) => {
    if (ids.has(e.id))
      reasons.push(
        problem('DISPATCH.DUPLICATE_EXAMINER', `考官 ${e.id} 重复`, `examiners[${i}].id`),
      );
    ids.add(e.id);
  });
  const units = new Set<string>();
  needs.forEach((n, i) => {
    if (units.has(n.unitId))
      reasons.push(
        problem('DISPATCH.DUPLICATE_NEED', `单位 ${n.unitId} 的需求重复`, `needs[${i}].unitId`),
      );
    units.add(n.unitId);
    if (!Number.isInteger(n.count) || n.count < 0)
      reasons.push(
        problem(
          'DISPATCH.BAD_COUNT',
          `单位 ${n.unitId} 的需求人数应为非负整数`,
          `needs[${i}].count`,
        ),
      );
  });
  return reasons;
}
