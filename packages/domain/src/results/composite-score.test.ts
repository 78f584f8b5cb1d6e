import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compositeScore,
  weightsWithoutProfessional,
  type CompositeWeights,
} from './composite-score';

// Scores 0.00–100.00 in hundredths, and weight triples in ten-thousandths that add up to 1.
const score = fc.integer({ min: 0, max: 10000 });
const weights: fc.Arbitrary<CompositeWeights> = fc
  .tuple(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }))
  .map(([a, b]) => {
    const [low, high] = a < b ? [a, b] : [b, a];
    return { written: low, structured: high - low, professional: 10000 - high };
  });

describe('compositeScore (IVW-08, §7)', () => {
  it('combines 40/30/30 and shows the formula with its figures', () => {
    const result = compositeScore(
      { writtenConverted: 6775, structured: 7960, professional: 7400 },
      { written: 4000, structured: 3000, professional: 3000 },
    );
    // 27.10 + 23.88 + 22.20
    expect(result.composite).toBe(7318);
    expect(result.formula).toBe(
      '笔试折算 67.75 × 0.4 + 结构化面试 79.60 × 0.3 + 专业面试 74.00 × 0.3 = 73.18',
    );
  });

  it('rounds an exact half up where binary floats round it down', () => {
    // 60.08 × 0.5 + 81.25 × 0.5 = 70.665 exactly; in floats it is 70.66499999999999.
    expect(Math.round((60.08 * 0.5 + 81.25 * 0.5) * 100)).toBe(7066);
    const result = compositeScore(
      { writtenConverted: 6008, structured: 8125, professional: null },
      { written: 5000, structured: 5000, professional: 0 },
    );
    expect(result.composite).toBe(7067);
    expect(result.formula).not.toContain('专业面试');
  });

  it('is the exact weighted sum rounded half up, never outside the scores it combines', () => {
    fc.assert(
      fc.property(score, score, score, weights, (w, s, p, wt) => {
        const { composite } = compositeScore(
          { writtenConverted: w, structured: s, professional: p },
          wt,
        );
        const exact = BigInt(w * wt.written + s * wt.structured + p * wt.professional);
        // Half up on non-negative integers: floor((exact + 5000) / 10000).
        expect(BigInt(composite)).toBe((exact + 5000n) / 10000n);
        expect(composite).toBeGreaterThanOrEqual(Math.min(w, s, p));
        expect(composite).toBeLessThanOrEqual(Math.max(w, s, p));
      }),
    );
  });

  it('refuses weights that do not add up to 1 (a caller bug)', () => {
    expect(() =>
      compositeScore(
        { writtenConverted: 1, structured: 1, professional: null },
        { written: 4000, structured: 5000, professional: 0 },
      ),
    ).toThrow();
  });
});

describe('weightsWithoutProfessional (INT-07)', () => {
  it('carries the professional weight to the structured interview, keeping the written share', () => {
    fc.assert(
      fc.property(score, score, weights, (w, s, wt) => {
        const folded = weightsWithoutProfessional(wt);
        expect(folded.written).toBe(wt.written);
        expect(folded.professional).toBe(0);
        expect(folded.written + folded.structured).toBe(10000);
        // Without a professional score the candidate is scored as if it equalled his structured one.
        const asIf = compositeScore({ writtenConverted: w, structured: s, professional: s }, wt);
        const folds = compositeScore(
          { writtenConverted: w, structured: s, professional: null },
          folded,
        );
        expect(folds.composite).toBe(asIf.composite);
      }),
    );
  });
});
