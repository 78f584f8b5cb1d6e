import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectInterviewList, type ListCandidate } from './interview-list';

const cand = (id: string, score: number, positionId = 'P1'): ListCandidate => ({
  id,
  positionId,
  score,
});

describe('selectInterviewList', () => {
  it('takes headcount × 3 by score and includes everyone tied with the last place', () => {
    const result = selectInterviewList(
      [{ id: 'P1', headcount: 1, ratio: 3 }],
      [cand('a', 15000), cand('b', 14000), cand('c', 13050), cand('d', 13050), cand('e', 12000)],
    );
    if (!result.ok) throw new Error('unexpected');
    expect(result.value.positions[0]).toEqual({
      positionId: 'P1',
      quota: 3,
      selectedIds: ['a', 'b', 'c', 'd'],
      lineScore: 13050,
      tiedBeyondQuota: 1,
      shortfall: 0,
    });
    expect(result.value.candidates.find((c) => c.candidateId === 'e')?.status).toBe(
      'outside_quota',
    );
  });

  it('reports the shortfall when too few candidates reach the cut-off', () => {
    const result = selectInterviewList(
      [{ id: 'P1', headcount: 2, ratio: 3, cutoff: 11000 }],
      [cand('a', 15000), cand('b', 10999), cand('c', 11000)],
    );
    if (!result.ok) throw new Error('unexpected');
    expect(result.value.positions[0]?.selectedIds).toEqual(['a', 'c']);
    expect(result.value.positions[0]?.shortfall).toBe(4);
    expect(result.value.candidates.find((c) => c.candidateId === 'b')?.reason).toBe(
      '笔试成绩 109.99 低于分数线 110.00',
    );
  });

  it('rounds a fractional quota up (1:2.5 for 3 places is 8)', () => {
    const cands = Array.from({ length: 10 }, (_, i) => cand(`c${i}`, 10000 - i));
    const result = selectInterviewList([{ id: 'P1', headcount: 3, ratio: '2.5' }], cands);
    expect(result.ok && result.value.positions[0]?.selectedIds.length).toBe(8);
  });

  it('reports every bad position and candidate in one pass', () => {
    const result = selectInterviewList(
      [{ id: 'P1', headcount: 0, ratio: 0.5 }],
      [cand('a', 1, 'P9'), cand('a', 1)],
    );
    expect(!result.ok && result.reasons.map((r) => r.code)).toEqual([
      'LIST.BAD_HEADCOUNT',
      'LIST.BAD_RATIO',
      'LIST.UNKNOWN_POSITION',
      'LIST.DUPLICATE_CANDIDATE',
    ]);
  });

  it('never exceeds the quota except for ties, and never skips a better candidate', () => {
    const arb = fc.record({
      headcounts: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
      scores: fc.array(fc.tuple(fc.nat(3), fc.integer({ min: 0, max: 12 })), { maxLength: 50 }),
      cutoff: fc.integer({ min: 0, max: 6 }),
    });
    fc.assert(
      fc.property(arb, ({ headcounts, scores, cutoff }) => {
        const positions = headcounts.map((h, i) => ({
          id: `P${i}`,
          headcount: h,
          ratio: 2,
          cutoff,
        }));
        const candidates = scores.map(([p, s], i) => cand(`c${i}`, s, `P${p % headcounts.length}`));
        const result = selectInterviewList(positions, candidates);
        if (!result.ok) throw new Error('unexpected');
        for (const list of result.value.positions) {
          const chosen = candidates.filter((c) => list.selectedIds.includes(c.id));
          const others = candidates.filter(
            (c) => c.positionId === list.positionId && !list.selectedIds.includes(c.id),
          );
          const minChosen = Math.min(...chosen.map((c) => c.score));
          // Anyone left out scored below every chosen one or below the cut-off.
          for (const o of others) expect(o.score < minChosen || o.score < cutoff).toBe(true);
          if (chosen.length > list.quota) {
            // Beyond the quota only ties with the last place: dropping them all leaves fewer than the quota.
            expect(chosen.filter((c) => c.score > minChosen).length).toBeLessThan(list.quota);
          }
          const eligible = candidates.filter(
            (c) => c.positionId === list.positionId && c.score >= cutoff,
          ).length;
          expect(list.shortfall).toBe(Math.max(0, list.quota - Math.min(eligible, chosen.length)));
        }
      }),
      { numRuns: 200 },
    );
  });
});
