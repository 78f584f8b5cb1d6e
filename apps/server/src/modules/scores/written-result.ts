import { divideHalfUp, type Centi } from '@kaolu/domain';

export type SubjectScores = {
  xingce: Centi | null;
  shenlun: Centi | null;
  professional: Centi | null;
};
/** A pass line as stored: majorType '' is the whole category's line. */
export type PassLineRow = { examCategory: string; majorType: string; lineCenti: Centi };

/**
 * The written total on the 100-point scale (§7, ONL-02): the mean of the subjects the category
 * sits (行测, 申论, and the professional subject where it has one), half up on exact hundredths.
 * Absent from any subject → no total.
 */
export function writtenTotalOf(
  scores: SubjectScores,
  hasProfessional: boolean,
  absent: boolean,
): Centi | null {
  if (absent) return null;
  const taken = hasProfessional
    ? [scores.xingce, scores.shenlun, scores.professional]
    : [scores.xingce, scores.shenlun];
  // A missing subject without the 缺考 mark also leaves no total rather than a partial mean.
  if (taken.some((s) => s === null)) return null;
  const sum = taken.reduce<number>((a, s) => a + s!, 0);
  return divideHalfUp(sum, taken.length);
}

/** The line that applies: the major type's own line (司法医护, INT-03), else the category's. */
export function passLineFor(
  lines: readonly PassLineRow[],
  examCategory: string,
  majorType: string | null,
): Centi | undefined {
  const own = majorType
    ? lines.find((l) => l.examCategory === examCategory && l.majorType === majorType)
    : undefined;
  return (own ?? lines.find((l) => l.examCategory === examCategory && l.majorType === ''))
    ?.lineCenti;
}

/** At or above the line passes (§7 "at or above the category's pass line"); no total never passes. */
export function hasPassed(total: Centi | null, line: Centi | undefined): boolean {
  return total !== null && line !== undefined && total >= line;
}
