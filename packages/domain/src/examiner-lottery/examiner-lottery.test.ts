import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawExaminers, simulateExaminerDraws } from './draw-examiners';
import { validateExaminerDraw } from './examiner-constraints';
import {
  DEFAULT_EXAMINER_LOTTERY_RULES,
  type ExaminerLotteryInput,
  type LotteryExaminer,
  type LotteryGroup,
} from './examiner-lottery.types';

const ex = (id: string, unitId: string, extra: Partial<LotteryExaminer> = {}): LotteryExaminer => ({
  id,
  unitId,
  roles: ['structured'],
  ...extra,
});
const groups: LotteryGroup[] = [
  { id: 'G1', positions: [{ id: 'p1', unitId: 'U1' }], fixed: 4, rotating: 1, professional: 0 },
  { id: 'G2', positions: [{ id: 'p2', unitId: 'U2' }], fixed: 4, rotating: 1, professional: 0 },
];
const pool = [
  ex('u1a', 'U1'),
  ex('u1b', 'U1'),
  ex('u2a', 'U2'),
  ex('u2b', 'U2'),
  ...Array.from({ length: 10 }, (_, i) =>
    ex(`o${i}`, `O${i}`, { district: i < 5 ? '黄浦' : '徐汇' }),
  ),
];
const chiefs = [ex('c1', 'U1'), ex('c2', 'X1'), ex('c3', 'X2')];
const input: ExaminerLotteryInput = {
  groups,
  chiefPool: chiefs,
  examinerPool: pool,
  rules: { ...DEFAULT_EXAMINER_LOTTERY_RULES, hostDistrict: '黄浦', minOutsideExaminers: 2 },
  seed: 'IVW-2025-上午',
};

describe('examiner lottery', () => {
  it('draws a chief, one rotating unit examiner and four fixed examiners per room within every rule', () => {
    const result = drawExaminers(input);
    if (!result.ok) throw new Error(JSON.stringify(result.reasons));
    expect(result.value.seats).toHaveLength(12);
    expect(validateExaminerDraw(input, result.value.seats)).toEqual([]);
    const g1 = result.value.seats.filter((s) => s.groupId === 'G1');
    expect(g1.find((s) => s.seat === 'rotating')?.examinerId).toMatch(/^u1/);
    expect(g1.find((s) => s.seat === 'chief')?.examinerId).not.toBe('c1'); // c1 belongs to the recruiting unit
    expect(drawExaminers(input)).toEqual(result);
  });

  it('lets the validator name every broken rule of a hand-made draw', () => {
    const seats = [
      { groupId: 'G1', seat: 'chief' as const, examinerId: 'c1' },
      { groupId: 'G1', seat: 'rotating' as const, examinerId: 'u2a' },
      { groupId: 'G1', seat: 'fixed' as const, examinerId: 'o1' },
      { groupId: 'G1', seat: 'fixed' as const, examinerId: 'o1' },
    ];
    const codes = validateExaminerDraw({ ...input, groups: [groups[0]!] }, seats).map(
      (p) => p.code,
    );
    expect(codes).toEqual([
      'EXAMINER.SEAT_COUNT',
      'EXAMINER.CHIEF_OWN_UNIT',
      'EXAMINER.ROTATING_NOT_UNIT',
      'EXAMINER.TWICE',
      'EXAMINER.SAME_UNIT_IN_ROOM',
      'EXAMINER.TOO_FEW_OUTSIDE',
    ]);
  });

  it('reports in simulation that a room without outside examiners cannot meet the minimum', () => {
    const result = simulateExaminerDraws(
      { ...input, rules: { ...input.rules, minOutsideExaminers: 6 } },
      3,
    );
    expect(result.succeeded).toBe(0);
    expect(result.failures['EXAMINER.UNSATISFIABLE']).toBe(3);
    expect(result.problems).toEqual([]);
  });

  it('flags a pool below 1.2 × the need and an impossible chief before drawing', () => {
    const result = simulateExaminerDraws(
      { ...input, chiefPool: [ex('c1', 'U1'), ex('c9', 'U2')], examinerPool: pool.slice(0, 11) },
      2,
    );
    expect(result.problems.map((p) => p.code)).toEqual(['EXAMINER.POOL_BELOW_FACTOR']);
    const noChief = simulateExaminerDraws(
      { ...input, groups: [groups[0]!], chiefPool: [ex('c1', 'U1')] },
      1,
    );
    expect(noChief.problems.map((p) => p.code)).toEqual(['EXAMINER.NO_CHIEF']);
  });

  it('produces only draws that pass the validator, for random pools and seeds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 6, maxLength: 16 }),
        fc.string({ minLength: 1 }),
        (units, seed) => {
          const randomPool = units.map((u, i) =>
            ex(`e${i}`, `U${u}`, {
              district: i % 2 ? '黄浦' : '静安',
              roles: i % 3 ? ['structured'] : ['structured', 'professional'],
            }),
          );
          const g: LotteryGroup[] = [
            {
              id: 'A',
              positions: [{ id: 'pa', unitId: 'U1' }],
              fixed: 3,
              rotating: 1,
              professional: 1,
            },
            {
              id: 'B',
              positions: [{ id: 'pb', unitId: 'U2' }],
              fixed: 2,
              rotating: 0,
              professional: 0,
            },
          ];
          const trial = {
            ...input,
            groups: g,
            examinerPool: randomPool,
            seed,
            rules: { ...input.rules, minOutsideExaminers: 1 },
          };
          const result = drawExaminers(trial);
          if (result.ok) expect(validateExaminerDraw(trial, result.value.seats)).toEqual([]);
          else expect(result.reasons.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 100 },
    );
  });
});
