import {
  drawExaminers,
  simulateExaminerDraws,
  validateExaminerDraw,
  type SeatAssignment,
} from '@kaolu/domain';
import type { ExaminerDrawInput } from './arrangement-input';

// The examiner draw as the platform's verifiable draws run and replay it (IVW-04, REG-08): a pure
// function of the recorded input and the revealed seed, so a replay anywhere gives the same seats.

/** What an examiner draw records: the seats, or the rule codes that made it impossible. */
export type ExaminerDrawResult = { seats: SeatAssignment[] } | { failed: string[] };

/** The replayer registered for kind 'examiners' (and what the real draw runs). */
export function runExaminerDraw(input: unknown, seed: string): ExaminerDrawResult {
  const outcome = drawExaminers({ ...(input as ExaminerDrawInput), seed });
  return outcome.ok
    ? { seats: outcome.value.seats }
    : { failed: outcome.reasons.map((r) => r.code) };
}

/** zh-CN names of the rule codes the simulation counts, for the report (§7 回避). */
export const RULE_LABELS: Record<string, string> = {
  'EXAMINER.UNSATISFIABLE': '无法满足全部回避规则',
  'EXAMINER.CHIEF_POOL_SMALL': '主考官库人数不足',
  'EXAMINER.POOL_SMALL': '考官库人数不足',
  'EXAMINER.POOL_BELOW_FACTOR': '考官库低于需要人数的倍数',
  'EXAMINER.NO_CHIEF': '有面试组没有可担任主考官的人选',
  'EXAMINER.NO_ROTATING': '有面试组的招录单位没有可抽取的轮换考官',
  'EXAMINER.SEAT_COUNT': '席位人数不符',
  'EXAMINER.NOT_IN_POOL': '考官不在考官库中',
  'EXAMINER.TWICE': '同一考官被重复抽中',
  'EXAMINER.ROTATING_NOT_UNIT': '轮换考官不属于本组招录单位',
  'EXAMINER.NOT_PROFESSIONAL': '专业席位的考官不是专业考官',
  'EXAMINER.NOT_STRUCTURED': '结构化席位的考官不是结构化考官',
  'EXAMINER.CHIEF_OWN_UNIT': '主考官为本单位职位担任主考官',
  'EXAMINER.SAME_UNIT_IN_ROOM': '同一单位两名考官在同一考场',
  'EXAMINER.TOO_MANY_RECRUITING': '招录单位考官超过每组上限',
  'EXAMINER.DECLARED_CONFLICT': '考官申报的回避关系',
  'EXAMINER.REPEAT_IN_GROUP': '考官连续两场在同一组',
  'EXAMINER.TOO_FEW_OUTSIDE': '区外考官少于下限',
};

/**
 * The simulated draw (IVW-04): many draws with seeds derived from the input's digest (never the
 * sealed real seed), each validated, plus one sample draw checked by the validator, so the
 * organiser sees before the real draw whether the pool can meet every rule.
 */
export function simulate(input: ExaminerDrawInput, digest: string, runs: number) {
  const seed = `simulation:${digest}`;
  const report = simulateExaminerDraws({ ...input, seed }, runs);
  const sample = drawExaminers({ ...input, seed });
  const sampleSeats = sample.ok ? sample.value.seats : [];
  const sampleProblems = sample.ok
    ? validateExaminerDraw({ ...input, seed }, sampleSeats)
    : sample.reasons;
  return { report, sampleSeats, sampleProblems };
}
