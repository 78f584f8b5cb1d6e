import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatchExaminers, type DispatchExaminer, type DispatchNeed } from './dispatch-examiners';

describe('dispatchExaminers', () => {
  it('meets every need it can, never at home, spreading each unit (worked example)', () => {
    const examiners = [
      { id: 'a1', unitId: 'A' },
      { id: 'a2', unitId: 'A' },
      { id: 'b1', unitId: 'B' },
      { id: 'b2', unitId: 'B' },
    ];
    const result = dispatchExaminers(examiners, [
      { unitId: 'A', count: 2 },
      { unitId: 'B', count: 1 },
      { unitId: 'C', count: 2 },
    ]);
    if (!result.ok) throw new Error('unexpected');
    // A's need can only come from B; B's and C's from A or B: 4 examiners meet 4 of 5 needs.
    expect(result.value.met).toBe(4);
    expect(result.value.needed).toBe(5);
    expect(result.value.maxPerPair).toBe(1);
    expect(result.value.assignments.every((a) => a.fromUnitId !== a.toUnitId)).toBe(true);
    expect(result.value.shortfalls.reduce((s, x) => s + x.needed - x.met, 0)).toBe(1);
  });

  const arb = fc.record({
    examiners: fc.array(fc.nat(3), { maxLength: 6 }),
    needs: fc.array(fc.nat(3), { minLength: 4, maxLength: 4 }),
  });

  it('is optimal in needs met and in spread, as exhaustive search confirms', () => {
    fc.assert(
      fc.property(arb, ({ examiners: units, needs: counts }) => {
        const examiners: DispatchExaminer[] = units.map((u, i) => ({
          id: `e${i}`,
          unitId: `U${u}`,
        }));
        const needs: DispatchNeed[] = counts.map((count, j) => ({ unitId: `U${j}`, count }));
        const result = dispatchExaminers(examiners, needs);
        if (!result.ok) throw new Error('unexpected');
        // Every examiner goes to one of four units or stays (-1); keep the best (met, -spread).
        let bestMet = 0;
        let bestSpread = Infinity;
        const choice: number[] = [];
        const visit = (i: number): void => {
          if (i === examiners.length) {
            const load = [0, 0, 0, 0];
            const pair = new Map<string, number>();
            for (let k = 0; k < choice.length; k++) {
              const t = choice[k]!;
              if (t < 0) continue;
              load[t]! += 1;
              const key = `${units[k]}>${t}`;
              pair.set(key, (pair.get(key) ?? 0) + 1);
            }
            if (load.some((l, j) => l > counts[j]!)) return;
            const met = load.reduce((a, b) => a + b, 0);
            const spread = Math.max(0, ...pair.values());
            if (met > bestMet || (met === bestMet && spread < bestSpread))
              [bestMet, bestSpread] = [met, spread];
            return;
          }
          for (let t = -1; t < 4; t++) {
            if (t === units[i]) continue;
            choice[i] = t;
            visit(i + 1);
          }
        };
        visit(0);
        expect(result.value.met).toBe(bestMet);
        expect(result.value.maxPerPair).toBe(bestMet === 0 ? 0 : bestSpread);
        expect(result.value.assignments.every((a) => a.fromUnitId !== a.toUnitId)).toBe(true);
        expect(new Set(result.value.assignments.map((a) => a.examinerId)).size).toBe(
          result.value.assignments.length,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('reports duplicate examiners and bad counts together', () => {
    const result = dispatchExaminers(
      [
        { id: 'x', unitId: 'A' },
        { id: 'x', unitId: 'B' },
      ],
      [{ unitId: 'A', count: -1 }],
    );
    expect(!result.ok && result.reasons.map((r) => r.code)).toEqual([
      'DISPATCH.DUPLICATE_EXAMINER',
      'DISPATCH.BAD_COUNT',
    ]);
  });
});
