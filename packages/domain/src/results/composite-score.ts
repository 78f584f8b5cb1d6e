import { assertInvariant } from '../shared/outcome';
import { divideHalfUp, formatCenti, type Centi } from '../shared/decimal';

/**
 * Composite weights in hundredths of a percent (ten-thousandths): 4000 is 0.4, and the three add up
 * to exactly 10000. Callers parse policy weights into this unit once (parseWeight, or percent × 100).
 */
export type CompositeWeights = { written: number; structured: number; professional: number };

/**
 * Already computed scores of one candidate, in hundredths; professional is null when the candidate
 * sits none (it then adds nothing: fold its weight first with weightsWithoutProfessional).
 */
export type CompositeInput = {
  /** The written score on the 100-point scale, as published (two decimals). */
  writtenConverted: Centi;
  structured: Centi;
  professional: Centi | null;
};

/** The composite in hundredths and the formula with its figures, as staff and candidates read it. */
export type CompositeOutcome = { composite: Centi; formula: string };

/**
 * Composite score 综合成绩 (IVW-08, §7): written (converted to 100) × w1 + structured × w2 +
 * professional × w3 on exact integers, rounded once, half up, to two decimals.
 */
export function compositeScore(
  scores: CompositeInput,
  weights: CompositeWeights,
): CompositeOutcome {
  const { written, structured, professional } = weights;
  // A caller bug, not a user error: the policy schema and parseWeight both refuse other sums.
  assertInvariant(
    [written, structured, professional].every((w) => Number.isSafeInteger(w) && w >= 0),
    'weights must be non-negative integers in ten-thousandths',
  );
  assertInvariant(written + structured + professional === 10000, 'weights must add up to 1');
  const composite = divideHalfUp(
    scores.writtenConverted * written +
      scores.structured * structured +
      (scores.professional ?? 0) * professional,
    10000,
  );
  const formula =
    `笔试折算 ${formatCenti(scores.writtenConverted)} × ${written / 10000} + 结构化面试 ${formatCenti(scores.structured)} × ${structured / 10000}` +
    (scores.professional !== null
      ? ` + 专业面试 ${formatCenti(scores.professional)} × ${professional / 10000}`
      : '') +
    ` = ${formatCenti(composite)}`;
  return { composite, formula };
}

/**
 * The weights for a candidate whose exam category has no 专业分 (INT-07: 综合管理类): the
 * professional weight is carried over to the structured interview, so the written share stays the
 * event's w1 and every category's composite is still out of 100 (40/30/30 becomes 40/60, §7).
 */
export function weightsWithoutProfessional(weights: CompositeWeights): CompositeWeights {
  return {
    written: weights.written,
    structured: weights.structured + weights.professional,
    professional: 0,
  };
}
