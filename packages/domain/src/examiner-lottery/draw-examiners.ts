import {
  createDrawRecord,
  createSeededRandom,
  deriveSeed,
  type DrawRecord,
} from '../random/seeded-random';
import { problem, type Outcome, type Problem } from '../shared/outcome';
import { isOutside, seatConflict, seatsOf, validateExaminerDraw } from './examiner-constraints';
import type {
  ExaminerLotteryInput,
  LotteryExaminer,
  SeatAssignment,
  SeatKind,
} from './examiner-lottery.types';

// Bounds the backtracking: an unsatisfiable pool answers in bounded time instead of searching
// forever.
const STEP_LIMIT = 200_000;
const byId = (a: LotteryExaminer, b: LotteryExaminer): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Interview examiner lottery (IVW-04, §7): seats are filled room by room from seeded shuffles of the
 * chief and examiner pools, backtracking when a rule blocks; the result passes validateExaminerDraw.
 */
export function drawExaminers(
  input: ExaminerLotteryInput,
): Outcome<{ seats: SeatAssignment[]; record: DrawRecord }> {
  const reasons = checkFeasibility(input);
  // A pool below the factor is a warning: the draw may still succeed, so only the others stop it.
  if (reasons.some((r) => r.code !== 'EXAMINER.POOL_BELOW_FACTOR')) return { ok: false, reasons };
  const rng = createSeededRandom(deriveSeed(input.seed, 'examiners'));
  // Sorted before shuffling, so the same seed gives the same draw whatever order the pools came in.
  const chiefs = rng.shuffle([...input.chiefPool].sort(byId));
  const pool = rng.shuffle([...input.examinerPool].sort(byId));
  // One flat list of seats, room after room; `remaining` is how many seats of its room follow it.
  const plan = input.groups.flatMap((g, gi) =>
    seatsOf(g, input.rules).map((seat, k, all) => ({ gi, seat, remaining: all.length - k - 1 })),
  );
  const chosen: LotteryExaminer[] = [];
  const used = new Set<string>();
  let steps = 0;
  let deepest = 0;
  const place = (i: number): boolean => {
    if (i === plan.length) return true;
    if (++steps > STEP_LIMIT) return false;
    deepest = Math.max(deepest, i);
    const { gi, seat, remaining } = plan[i]!;
    const group = input.groups[gi]!;
    const roomStart = plan.findIndex((p) => p.gi === gi);
    const room = chosen.slice(roomStart, i);
    const outsideSoFar = room.filter((e) => isOutside(e, input.rules)).length;
    for (const e of seat === 'chief' ? chiefs : pool) {
      if (used.has(e.id) || seatConflict(e, seat, group, room, input.rules)) continue;
      // The room must still be able to reach its minimum of outside examiners.
      if (
        outsideSoFar + (isOutside(e, input.rules) ? 1 : 0) + remaining <
        input.rules.minOutsideExaminers
      )
        continue;
      used.add(e.id);
      chosen[i] = e;
      if (place(i + 1)) return true;
      used.delete(e.id);
    }
    return false;
  };
  // On failure, the deepest seat reached tells staff which room and seat the pools cannot fill.
  if (!place(0)) {
    const stuck = plan[deepest]!;
    const message =
      steps > STEP_LIMIT
        ? `搜索超过 ${STEP_LIMIT} 步仍未找到满足全部回避规则的抽签结果`
        : '考官库无法满足全部回避规则';
    return {
      ok: false,
      reasons: [
        ...reasons,
        problem(
          'EXAMINER.UNSATISFIABLE',
          `${message}，最深卡在 ${input.groups[stuck.gi]!.id} 组的${seatLabel(stuck.seat)}席位`,
          `groups.${input.groups[stuck.gi]!.id}`,
        ),
      ],
    };
  }
  const seats = plan.map((p, i) => ({
    groupId: input.groups[p.gi]!.id,
    seat: p.seat,
    examinerId: chosen[i]!.id,
  }));
  // The record digests the pools in id order, so the digest does not depend on the shuffle.
  const record = createDrawRecord(input.seed, {
    groups: input.groups,
    chiefPool: chiefs.slice().sort(byId),
    examinerPool: pool.slice().sort(byId),
    rules: input.rules,
  });
  return { ok: true, value: { seats, record } };
}

/**
 * Simulation mode (IVW-04): runs many draws with derived seeds, validates each, and reports how often
 * each rule failed together with the static problems (pools too small, no eligible chief …).
 */
export function simulateExaminerDraws(
  input: ExaminerLotteryInput,
  runs: number,
): { runs: number; succeeded: number; failures: Record<string, number>; problems: Problem[] } {
  const failures: Record<string, number> = {};
  let succeeded = 0;
  for (let r = 0; r < runs; r++) {
    const result = drawExaminers({ ...input, seed: deriveSeed(input.seed, `simulation-${r}`) });
    const found = result.ok
      ? validateExaminerDraw(input, result.value.seats)
      : result.reasons.filter((x) => x.code !== 'EXAMINER.POOL_BELOW_FACTOR');
    if (found.length === 0) succeeded++;
    for (const p of found) failures[p.code] = (failures[p.code] ?? 0) + 1;
  }
  return { runs, succeeded, failures, problems: checkFeasibility(input) };
}

/** zh-CN name of a seat kind, for the reason of a failed draw. */
function seatLabel(seat: SeatKind): string {
  return { chief: '主考官', rotating: '轮换考官', professional: '专业考官', fixed: '固定考官' }[
    seat
  ];
}

// Problems visible before drawing: pool sizes against the need and rooms with no possible chief.
function checkFeasibility(input: ExaminerLotteryInput): Problem[] {
  const reasons: Problem[] = [];
  const need = input.groups.reduce((s, g) => s + seatsOf(g, input.rules).length - 1, 0);
  if (input.chiefPool.length < input.groups.length)
    reasons.push(
      problem(
        'EXAMINER.CHIEF_POOL_SMALL',
        `主考官库 ${input.chiefPool.length} 人，少于考场数 ${input.groups.length}`,
        'chiefPool',
      ),
    );
  if (input.examinerPool.length < need)
    reasons.push(
      problem(
        'EXAMINER.POOL_SMALL',
        `考官库 ${input.examinerPool.length} 人，少于需要的 ${need} 人`,
        'examinerPool',
      ),
    );
  else if (input.examinerPool.length < Math.ceil(need * input.rules.poolFactor)) {
    reasons.push(
      problem(
        'EXAMINER.POOL_BELOW_FACTOR',
        `考官库 ${input.examinerPool.length} 人，低于需要人数的 ${input.rules.poolFactor} 倍（${Math.ceil(need * input.rules.poolFactor)} 人）`,
        'examinerPool',
      ),
    );
  }
  for (const g of input.groups) {
    if (!input.chiefPool.some((e) => seatConflict(e, 'chief', g, [], input.rules) === null))
      reasons.push(
        problem('EXAMINER.NO_CHIEF', `${g.id} 组没有可担任主考官的人选`, `groups.${g.id}`),
      );
    if (
      g.rotating > 0 &&
      !input.examinerPool.some((e) => seatConflict(e, 'rotating', g, [], input.rules) === null)
    )
      reasons.push(
        problem('EXAMINER.NO_ROTATING', `${g.id} 组招录单位没有可抽取的轮换考官`, `groups.${g.id}`),
      );
  }
  return reasons;
}
