import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeInterviewResults } from './interview-results';
import type { ResultPolicy, ScoreSheet } from './results.types';

const five = ['A', 'B', 'C', 'D', 'E'];
const policy: ResultPolicy = {
  indicators: { structured: five.map((code) => ({ code, name: code, max: 10, weight: 2 })) },
  dropExtremesMinExaminers: 5,
  writtenFullMark: 200,
  weights: { written: '0.4', structured: '0.6' },
  passMark: 60,
};
const examiners = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'];
const sheet = (
  examinerId: string,
  scores: Record<string, number | string>,
  signed = true,
): ScoreSheet => ({
  candidateId: 'c1',
  examinerId,
  kind: 'structured',
  scores,
  supervisorSigned: signed,
});
// Indicator A varies by examiner; B–E are 8 from everyone.
const aScores = [8, 7.5, 9, 6, 8.5, 7, 8];
const sevenSheets = examiners.map((e, i) => sheet(e, { A: aScores[i]!, B: 8, C: 8, D: 8, E: 8 }));

describe('computeInterviewResults', () => {
  it('drops the highest and lowest of seven examiners, weights, and combines 40/60', () => {
    const result = computeInterviewResults(
      policy,
      [{ id: 'c1', written: '135.5', examiners: { structured: examiners } }],
      sevenSheets,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.reasons));
    const r = result.value.results[0]!;
    // A: drop 6 and 9, mean of 7, 7.5, 8, 8, 8.5 = 7.8, × 2 = 15.6; B–E: 4 × 16 = 64; total 79.60.
    expect(r.structured.indicators[0]).toEqual({
      code: 'A',
      kept: [700, 750, 800, 800, 850],
      dropped: [600, 900],
    });
    expect(r.structured.score).toBe(7960);
    expect(r.writtenConverted).toBe(6775); // 135.5 / 200 × 100
    expect(r.composite).toBe(7486); // 67.75 × 0.4 + 79.60 × 0.6 = 27.10 + 47.76
    expect(r.passed).toBe(true);
    expect(r.explanation).toContain('= 74.86');
  });

  it('keeps every score when there are fewer examiners than the drop rule needs', () => {
    const three = examiners.slice(0, 3);
    const sheets = three.map((e, i) =>
      sheet(e, { A: ['8.1', '8.2', '8.3'][i]!, B: 8, C: 8, D: 8, E: 8 }),
    );
    const result = computeInterviewResults(
      policy,
      [{ id: 'c1', written: 120, examiners: { structured: three } }],
      sheets,
    );
    // 8.1 + 8.2 + 8.3 in floats is 24.599999999999998; exactly it is 24.6, mean 8.2, × 2 = 16.4, + 64 = 80.40.
    expect(result.ok && result.value.results[0]?.structured.score).toBe(8040);
  });

  it('rounds an exact half up where float arithmetic would round it down', () => {
    const single: ResultPolicy = {
      ...policy,
      indicators: { structured: [{ code: 'A', name: '综合', max: 100, weight: 1 }] },
    };
    const four = examiners.slice(0, 4);
    const values = ['80.07', '80.08', '80.08', '80.07'];
    const sheets = four.map((e, i) => sheet(e, { A: values[i]! }));
    const floatMean = (80.07 + 80.08 + 80.08 + 80.07) / 4;
    expect(Math.round(floatMean * 100)).toBe(8007); // what naive float code publishes: 80.07499999999999
    expect(Math.round((133.17 / 200) * 100 * 100)).toBe(6658); // and 66.585 drifts down too
    const result = computeInterviewResults(
      single,
      [{ id: 'c1', written: '133.17', examiners: { structured: four } }],
      sheets,
    );
    if (!result.ok) throw new Error('unexpected');
    expect(result.value.results[0]?.structured.score).toBe(8008); // 80.075 → 80.08
    expect(result.value.results[0]?.writtenConverted).toBe(6659); // 66.585 → 66.59
  });

  it('adds a professional score with its own weight', () => {
    const withPro: ResultPolicy = {
      ...policy,
      indicators: {
        ...policy.indicators,
        professional: [{ code: 'P', name: '专业', max: 100, weight: 1 }],
      },
      weights: { written: '0.4', structured: '0.3', professional: '0.3' },
    };
    const pro = ['p1', 'p2', 'p3'];
    const sheets = [
      ...sevenSheets,
      ...pro.map((e, i): ScoreSheet => ({
        candidateId: 'c1',
        examinerId: e,
        kind: 'professional',
        scores: { P: [70, 75, 77][i]! },
        supervisorSigned: true,
      })),
    ];
    const result = computeInterviewResults(
      withPro,
      [{ id: 'c1', written: '135.5', examiners: { structured: examiners, professional: pro } }],
      sheets,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.reasons));
    // professional: (70 + 75 + 77) / 3 = 74.00; 67.75 × 0.4 + 79.60 × 0.3 + 74 × 0.3 = 27.10 + 23.88 + 22.20 = 73.18
    expect(result.value.results[0]?.professional?.score).toBe(7400);
    expect(result.value.results[0]?.composite).toBe(7318);
  });

  it('fails a candidate below the pass mark of 60', () => {
    const low = examiners.map((e) => sheet(e, { A: 5, B: 6, C: 6, D: 6, E: 6.5 }));
    const result = computeInterviewResults(
      policy,
      [{ id: 'c1', written: 180, examiners: { structured: examiners } }],
      low,
    );
    // 2 × (5 + 6 + 6 + 6 + 6.5) = 59.00
    expect(result.ok && result.value.results[0]?.structured.score).toBe(5900);
    expect(result.ok && result.value.results[0]?.passed).toBe(false);
  });

  it('reports every problem of an upload with its location in one pass', () => {
    const sheets: ScoreSheet[] = [
      sheet('e1', { A: 11, B: 8, C: 8, D: 8 }),
      sheet('e2', { A: '7.555', B: 8, C: 8, D: 8, E: 8, F: 1 }),
      sheet('e3', { A: 8, B: 8, C: 8, D: 8, E: 8 }, false),
      sheet('x9', { A: 8, B: 8, C: 8, D: 8, E: 8 }),
      { ...sheet('e1', {}), candidateId: 'nobody' },
    ];
    const result = computeInterviewResults(
      policy,
      [{ id: 'c1', written: 120, examiners: { structured: examiners.slice(0, 4) } }],
      sheets,
    );
    expect(!result.ok && result.reasons.map((r) => `${r.code}@${r.path}`)).toEqual([
      'RESULTS.OUT_OF_RANGE@sheets[0].scores.A',
      'RESULTS.MISSING_INDICATOR@sheets[0].scores.E',
      'RESULTS.BAD_NUMBER@sheets[1].scores.A',
      'RESULTS.EXTRA_INDICATOR@sheets[1].scores.F',
      'RESULTS.UNKNOWN_EXAMINER@sheets[3].examinerId',
      'RESULTS.UNKNOWN_CANDIDATE@sheets[4].candidateId',
      'RESULTS.UNSIGNED_SHEET@candidates[0].examiners.structured',
      'RESULTS.MISSING_SHEET@candidates[0].examiners.structured',
    ]);
  });

  it('gives an interview score within the range of the kept examiner totals', () => {
    const single: ResultPolicy = {
      ...policy,
      indicators: { structured: [{ code: 'A', name: 'A', max: 100, weight: 1 }] },
    };
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 9 }),
        (values) => {
          const ids = values.map((_, i) => `e${i}`);
          const sheets = values.map((v, i) => sheet(ids[i]!, { A: v / 100 }));
          const result = computeInterviewResults(
            single,
            [{ id: 'c1', written: 100, examiners: { structured: ids } }],
            sheets,
          );
          if (!result.ok) throw new Error('unexpected');
          const sorted = [...values].sort((a, b) => a - b);
          const kept = values.length >= 5 ? sorted.slice(1, -1) : sorted;
          const score = result.value.results[0]!.structured.score;
          expect(score).toBeGreaterThanOrEqual(kept[0]!);
          expect(score).toBeLessThanOrEqual(kept[kept.length - 1]!);
          // Exact: |score × n − sum| ≤ n / 2.
          expect(
            Math.abs(score * kept.length - kept.reduce((a, b) => a + b, 0)) * 2,
          ).toBeLessThanOrEqual(kept.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
