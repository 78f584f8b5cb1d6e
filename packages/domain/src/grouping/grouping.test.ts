import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignGroupExaminers,
  groupCandidates,
  mustAvoid,
  splitSizes,
  type GroupingCandidate,
  type GroupingExaminer,
} from './group-candidates';

const people = (
  n: number,
  gender: 'male' | 'female',
  unit = (i: number) => `u${i % 3}`,
): GroupingCandidate[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${gender[0]}${i}`, gender, unitId: unit(i) }));

describe('groupCandidates', () => {
  it('splits 23 men into groups of about 8 as 8, 8, 7 and 10 women as 5, 5', () => {
    expect(splitSizes(23, 8)).toEqual([8, 8, 7]);
    expect(splitSizes(10, 8)).toEqual([5, 5]);
    const examiners = Array.from({ length: 15 }, (_, i) => ({ id: `e${i}`, unitId: `x${i}` }));
    const result = groupCandidates({
      candidates: [...people(23, 'male'), ...people(10, 'female')],
      examiners,
      groupSize: 8,
      examinersPerGroup: 3,
      seed: 'grp',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.reasons));
    expect(
      result.value.groups.map((g) => [g.id, g.candidateIds.length, g.examinerIds.length]),
    ).toEqual([
      ['男1组', 8, 3],
      ['男2组', 8, 3],
      ['男3组', 7, 3],
      ['女1组', 5, 3],
      ['女2组', 5, 3],
    ]);
    expect(result.value.record.algorithm).toBe('SM3-CTR-v1');
  });

  it('explains which group cannot get enough examiners after avoidance', () => {
    const candidates = people(4, 'male', () => 'u1');
    const examiners = [
      { id: 'e1', unitId: 'u1' },
      { id: 'e2', unitId: 'u2' },
    ];
    const result = groupCandidates({
      candidates,
      examiners,
      groupSize: 4,
      examinersPerGroup: 2,
      seed: 's',
    });
    expect(!result.ok && result.reasons[0]).toMatchObject({
      code: 'GROUPING.TOO_FEW_EXAMINERS',
      message: '第 1 组回避后只有 1 名考官可用，需要 2 名',
    });
  });

  const instance = fc.record({
    men: fc.integer({ min: 0, max: 12 }),
    women: fc.integer({ min: 0, max: 12 }),
    size: fc.integer({ min: 2, max: 5 }),
    k: fc.integer({ min: 1, max: 2 }),
    examinerUnits: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 14 }),
    seed: fc.string({ minLength: 1, maxLength: 8 }),
  });

  it('keeps sizes within one, genders apart, avoidance intact, and replays identically', () => {
    fc.assert(
      fc.property(instance, ({ men, women, size, k, examinerUnits, seed }) => {
        const candidates = [
          ...people(men, 'male', (i) => `u${i % 4}`),
          ...people(women, 'female', (i) => `u${(i + 2) % 6}`),
        ];
        const examiners: GroupingExaminer[] = examinerUnits.map((u, i) => ({
          id: `e${i}`,
          unitId: `u${u}`,
        }));
        const input = { candidates, examiners, groupSize: size, examinersPerGroup: k, seed };
        const result = groupCandidates(input);
        expect(groupCandidates({ ...input, candidates: [...candidates].reverse() })).toEqual(
          result,
        );
        if (!result.ok) return;
        const byId = new Map(candidates.map((c) => [c.id, c]));
        for (const gender of ['male', 'female'] as const) {
          const sizes = result.value.groups
            .filter((g) => g.gender === gender)
            .map((g) => g.candidateIds.length);
          if (sizes.length > 0)
            expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        }
        const all = result.value.groups.flatMap((g) => g.candidateIds);
        expect(new Set(all).size).toBe(candidates.length);
        const used = result.value.groups.flatMap((g) => g.examinerIds);
        expect(new Set(used).size).toBe(used.length);
        for (const g of result.value.groups) {
          expect(g.examinerIds.length).toBe(k);
          for (const cid of g.candidateIds) {
            expect(byId.get(cid)!.gender).toBe(g.gender);
            for (const eid of g.examinerIds)
              expect(
                mustAvoid(
                  examiners.find((e) => e.id === eid)!,
                  byId.get(cid)!,
                ),
              ).toBe(false);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('refuses only when no assignment exists (checked by exhaustive search)', () => {
    const small = fc.record({
      groups: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }), {
        minLength: 1,
        maxLength: 3,
      }),
      examinerUnits: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 6 }),
      k: fc.integer({ min: 1, max: 2 }),
    });
    fc.assert(
      fc.property(small, ({ groups, examinerUnits, k }) => {
        const members = groups.map((units, g) =>
          units.map((u, i): GroupingCandidate => ({
            id: `c${g}-${i}`,
            gender: 'male',
            unitId: `u${u}`,
          })),
        );
        const examiners = examinerUnits.map((u, i) => ({ id: `e${i}`, unitId: `u${u}` }));
        const allowed = members.map((m) =>
          examiners.map((e, i) => (m.some((c) => mustAvoid(e, c)) ? -1 : i)).filter((i) => i >= 0),
        );
        // Brute force: fill the groups' seats one by one with unused allowed examiners.
        const seats = members.flatMap((_, g) => Array.from({ length: k }, () => g));
        const used = new Set<number>();
        const search = (s: number, last: number): boolean => {
          if (s === seats.length) return true;
          const g = seats[s]!;
          const prevSameGroup = s > 0 && seats[s - 1] === g ? last : -1;
          return allowed[g]!.some((e) => {
            if (used.has(e) || e <= prevSameGroup) return false;
            used.add(e);
            const ok = search(s + 1, e);
            used.delete(e);
            return ok;
          });
        };
        expect(assignGroupExaminers(members, examiners, k, 1).ok).toBe(search(0, -1));
      }),
      { numRuns: 200 },
    );
  });
});
