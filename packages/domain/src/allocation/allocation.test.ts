import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePreferences, type AllocationCandidate } from './allocate-preferences';

const c = (
  id: string,
  score: number,
  preferences: string[],
  acceptsAdjustment = true,
): AllocationCandidate => ({ id, score, preferences, acceptsAdjustment });

describe('allocatePreferences', () => {
  it('serves first choices by score, then second choices, then unified adjustment (worked example)', () => {
    const result = allocatePreferences({
      positions: [
        { id: 'X', vacancies: 1 },
        { id: 'Y', vacancies: 1 },
        { id: 'Z', vacancies: 1 },
      ],
      candidates: [
        c('a', 9000, ['X', 'Y']),
        c('b', 8800, ['X', 'Y']),
        c('c', 8800, ['X', 'Z']),
        c('d', 8500, ['X', 'Y']),
        c('e', 8000, ['Y']),
        c('f', 7000, ['X']),
        c('g', 6000, ['Y'], false),
        c('h', 5000, ['Y'], false),
      ],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.reasons));
    // X (quota 2): a, and b and c tied at the last place; Y round 1: e and g; d's second choice Y is
    // full, so d and f go to Z by unified adjustment; h refused adjustment and stays out.
    expect(
      result.value.admissions.map((a) => `${a.candidateId}>${a.positionId}@${a.round}`),
    ).toEqual(['a>X@1', 'b>X@1', 'c>X@1', 'd>Z@unified', 'e>Y@1', 'f>Z@unified', 'g>Y@1']);
    expect(result.value.positions).toEqual([
      { positionId: 'X', quota: 2, admitted: 3, shortfall: 0, lineScore: 8800 },
      { positionId: 'Y', quota: 2, admitted: 2, shortfall: 0, lineScore: 6000 },
      { positionId: 'Z', quota: 2, admitted: 2, shortfall: 0, lineScore: 7000 },
    ]);
    expect(result.value.candidates.find((x) => x.candidateId === 'h')?.positionId).toBeNull();
  });

  it('reports unknown and repeated preferences', () => {
    const result = allocatePreferences({
      positions: [{ id: 'X', vacancies: 0 }],
      candidates: [c('a', 1, ['X', 'X', 'Q'])],
    });
    expect(!result.ok && result.reasons.map((r) => r.code)).toEqual([
      'ALLOCATION.BAD_VACANCIES',
      'ALLOCATION.REPEATED_PREFERENCE',
      'ALLOCATION.UNKNOWN_POSITION',
    ]);
  });

  const arb = fc.record({
    vacancies: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 4 }),
    people: fc.array(
      fc.record({
        score: fc.integer({ min: 0, max: 8 }),
        prefs: fc.uniqueArray(fc.nat(3), { maxLength: 3 }),
      }),
      { maxLength: 25 },
    ),
    unified: fc.boolean(),
  });

  it('never gives a candidate a lower choice while a higher one still had room for him at his score', () => {
    fc.assert(
      fc.property(arb, ({ vacancies, people, unified }) => {
        const positions = vacancies.map((v, i) => ({ id: `P${i}`, vacancies: v }));
        const candidates = people.map((p, i) =>
          c(
            `c${i}`,
            p.score,
            p.prefs.filter((x) => x < positions.length).map((x) => `P${x}`),
          ),
        );
        const result = allocatePreferences({ positions, candidates, unifiedAdjustment: unified });
        if (!result.ok) throw new Error(JSON.stringify(result.reasons));
        const { admissions } = result.value;
        const ids = admissions.map((a) => a.candidateId);
        expect(new Set(ids).size).toBe(ids.length);
        const score = new Map(candidates.map((x) => [x.id, x.score]));
        for (const cand of candidates) {
          const mine = admissions.find((a) => a.candidateId === cand.id);
          const limit = mine && mine.round !== 'unified' ? mine.round - 1 : cand.preferences.length;
          for (let j = 1; j <= limit; j++) {
            const p = cand.preferences[j - 1]!;
            const quota = positions.find((x) => x.id === p)!.vacancies * 2;
            const before = admissions.filter(
              (a) => a.positionId === p && typeof a.round === 'number' && a.round < j,
            ).length;
            const betterThisRound = admissions.filter(
              (a) => a.positionId === p && a.round === j && score.get(a.candidateId)! > cand.score,
            ).length;
            // Skipped at choice j: the room left was already taken by strictly better scores.
            expect(betterThisRound).toBeGreaterThanOrEqual(quota - before);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
