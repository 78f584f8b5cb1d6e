import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  drawCandidateOrder,
  rotateAnswerOrders,
  splitIntoPanels,
  splitPanelSizes,
} from './candidate-lottery';

describe('candidate lottery', () => {
  it('rotates answer orders ABC, BCA, CAB for a panel of three', () => {
    expect(rotateAnswerOrders(3)).toEqual(['ABC', 'BCA', 'CAB']);
    expect(rotateAnswerOrders(4)).toEqual(['ABCD', 'BCDA', 'CDAB', 'DABC']);
  });

  it('splits 10 candidates into panels of 4, 3, 3 and refuses 5', () => {
    expect(splitPanelSizes(10)).toEqual({ ok: true, value: [4, 3, 3] });
    expect(splitPanelSizes(5).ok).toBe(false);
    const panels = splitIntoPanels(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(panels.ok && panels.value.map((p) => p.candidateIds.join(''))).toEqual(['abcd', 'efg']);
  });

  it('gives every candidate one distinct order number and replays identically from the seed', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 }),
        fc.string({ minLength: 1 }),
        (ids, seed) => {
          const first = drawCandidateOrder({ candidateIds: ids, seed, rooms: ['201', '202'] });
          const again = drawCandidateOrder({
            candidateIds: [...ids].reverse(),
            seed,
            rooms: ['202', '201'],
          });
          expect(again).toEqual(first);
          if (!first.ok) throw new Error('unexpected');
          expect(first.value.entries.map((e) => e.orderNumber).sort((a, b) => a - b)).toEqual(
            ids.map((_, i) => i + 1),
          );
          expect(first.value.entries.map((e) => e.candidateId).sort()).toEqual([...ids].sort());
        },
      ),
      { numRuns: 100 },
    );
  });

  it('lets every order number fall to a given candidate about equally often over many seeds', () => {
    const counts = [0, 0, 0, 0];
    for (let s = 0; s < 2000; s++) {
      const r = drawCandidateOrder({ candidateIds: ['a', 'b', 'c', 'd'], seed: `s${s}` });
      if (r.ok) counts[r.value.entries.find((e) => e.candidateId === 'a')!.orderNumber - 1]! += 1;
    }
    const chi = counts.reduce((sum, c) => sum + (c - 500) ** 2 / 500, 0);
    expect(chi).toBeLessThan(16.27); // 0.999 quantile, 3 degrees of freedom
  });
});
