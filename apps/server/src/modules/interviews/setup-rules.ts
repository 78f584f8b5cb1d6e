import type { InterviewGroupInput, InterviewTypeInput } from '@kaolu/contracts';
import { AppError } from '../../platform/errors/app-error';

// Cross-field rules of the setup (IVW-01, §7) that a zod schema cannot say field by field. Every
// problem is listed at once, in Chinese, so the org fixes a type in one pass.

/** One problem of a setup form: the field (as the form names it) and what is wrong. */
export type SetupProblem = { field: string; message: string };

// Weights are decimals such as 0.15: compared in ten-thousandths so 0.1 + 0.2 + 0.7 counts as 1.
const toTenThousandths = (n: number) => Math.round(n * 10_000);

/** The problems of an interview type: weights, examiner count, bands, codes. */
export function typeProblems(input: InterviewTypeInput): SetupProblem[] {
  const problems: SetupProblem[] = [];
  // §7: 5–9 examiners, an odd number, so a chief examiner plus an even panel never ties.
  if (input.examinerCount < 5 || input.examinerCount > 9 || input.examinerCount % 2 === 0)
    problems.push({ field: '考官人数', message: '考官人数须为 5 至 9 之间的奇数' });
  const weightSum = input.indicators.reduce((sum, i) => sum + toTenThousandths(i.weight), 0);
  if (weightSum !== 10_000)
    problems.push({
      field: '评分指标',
      message: `各指标权重之和须为 1，当前为 ${(weightSum / 10_000).toString()}`,
    });
  // Indicator codes name the score sheet's columns (IVW-08): two alike would merge two scores.
  const codes = new Set<string>();
  input.indicators.forEach((indicator, n) => {
    const label = `第${n + 1}个指标「${indicator.name}」`;
    if (codes.has(indicator.code))
      problems.push({ field: '评分指标', message: `${label}的代码与前面的指标重复` });
    codes.add(indicator.code);
    for (const band of indicator.bands) {
      if (band.min > band.max)
        problems.push({
          field: '评分档次',
          message: `${label}的档次「${band.name}」下限高于上限`,
        });
      if (band.max > indicator.max)
        problems.push({
          field: '评分档次',
          message: `${label}的档次「${band.name}」上限超过该指标满分 ${indicator.max}`,
        });
    }
    problems.push(...overlaps(indicator.bands, label));
  });
  // Grade bands are told apart by their lowest score and their name.
  const mins = input.gradeBands.map((b) => b.min);
  if (new Set(mins).size !== mins.length)
    problems.push({ field: '面试档次', message: '面试档次的最低分不能相同' });
  const names = input.gradeBands.map((b) => b.name);
  if (new Set(names).size !== names.length)
    problems.push({ field: '面试档次', message: '面试档次名称不能重复' });
  return problems;
}

/** Bands of one indicator must not overlap: a score belongs to one band only. */
function overlaps(bands: InterviewTypeInput['indicators'][number]['bands'], label: string) {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  const problems: SetupProblem[] = [];
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.min <= sorted[i - 1]!.max)
      problems.push({
        field: '评分档次',
        message: `${label}的档次「${sorted[i - 1]!.name}」与「${sorted[i]!.name}」分数范围重叠`,
      });
  return problems;
}

/** The problems of a group's seats against its type's examiner count (§7: chief + panel). */
export function groupProblems(
  input: Pick<InterviewGroupInput, 'fixedSeats' | 'rotatingSeats'>,
  examinerCount: number,
): SetupProblem[] {
  // The chief examiner takes one seat; fixed and rotating examiners fill the rest of the panel.
  const panel = input.fixedSeats + input.rotatingSeats + 1;
  if (panel !== examinerCount)
    return [
      {
        field: '考官席位',
        message: `主考官 1 人加固定考官和轮换考官共 ${panel} 人，与面试类型要求的 ${examinerCount} 名考官不符`,
      },
    ];
  return [];
}

/** Throws INTERVIEW.SETUP_INVALID listing the problems, if any. */
export function assertNoProblems(problems: SetupProblem[]): void {
  if (problems.length === 0) return;
  throw new AppError('INTERVIEW.SETUP_INVALID', {
    message: problems.map((p) => p.message).join('；'),
    details: { problems },
  });
}
