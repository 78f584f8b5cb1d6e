import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustPositions } from './adjust-positions';
import type { AdjustmentCandidate, AdjustmentPosition } from './adjustment.types';

const policy = { passLines: { A: 11000, B: 10500 }, abroadLimitMonths: 6 };
const pos = (
  id: string,
  shortfall: number,
  extra: Partial<AdjustmentPosition> = {},
): AdjustmentPosition => ({
  id,
  unitId: 'U1',
  category: 'A',
  subject: '法律',
  shortfall,
  barsLongStayAbroad: false,
  ...extra,
});
const cand = (
  id: string,
  writtenTotal: number,
  extra: Partial<AdjustmentCandidate> = {},
): AdjustmentCandidate => ({
  id,
  category: 'A',
  subject: '法律',
  writtenTotal,
  wantsAdjustment: true,
  onFirstList: false,
  longestAbroadMonths: 0,
  ...extra,
});

describe('adjustPositions', () => {
  it('fills the public round by written total with ties, then the unified round (worked example)', () => {
    const result = adjustPositions({
      policy,
      positions: [pos('P1', 2), pos('P2', 1)],
      candidates: [
        cand('a', 13000, { choice: 'P1' }),
        cand('b', 12500, { choice: 'P1' }),
        cand('c', 12500, { choice: 'P1' }),
        cand('d', 12000, { choice: 'P1' }),
        cand('e', 11500),
        cand('f', 10900),
        cand('g', 14000, { onFirstList: true }),
      ],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.reasons));
    expect(result.value.placements).toEqual([
      { candidateId: 'a', positionId: 'P1', round: 'public' },
      { candidateId: 'b', positionId: 'P1', round: 'public' },
      { candidateId: 'c', positionId: 'P1', round: 'public' },
      { candidateId: 'd', positionId: 'P2', round: 'unified' },
    ]);
    expect(result.value.positions[0]).toEqual({
      positionId: 'P1',
      needed: 2,
      filledPublic: 3,
      filledUnified: 0,
      remainingShortfall: 0,
    });
    const why = (id: string) => result.value.candidates.find((c) => c.candidateId === id)?.reasons;
    expect(why('e')).toEqual(['统一调剂中没有可安排的缺额职位']);
    expect(why('f')).toEqual(['笔试成绩 109.00 未达到A类合格线 110.00']);
    expect(why('g')).toEqual(['已进入首轮面试名单，不参加调剂']);
  });

  it('keeps police and 公安 positions from candidates with six months abroad', () => {
    const result = adjustPositions({
      policy,
      positions: [pos('P1', 1, { barsLongStayAbroad: true })],
      candidates: [
        cand('a', 13000, { choice: 'P1', longestAbroadMonths: 6 }),
        cand('b', 12000, { longestAbroadMonths: 5 }),
      ],
    });
    if (!result.ok) throw new Error('unexpected');
    expect(result.value.placements).toEqual([
      { candidateId: 'b', positionId: 'P1', round: 'unified' },
    ]);
    expect(result.value.candidates.find((c) => c.candidateId === 'a')?.reasons[0]).toMatch(
      /基层人民警察或公安机关/,
    );
  });

  it('keeps whitelisted candidates within their unit and honours position conditions', () => {
    const result = adjustPositions({
      policy,
      positions: [pos('P1', 1, { unitId: 'U2' }), pos('P2', 1, { unitId: 'U3' })],
      candidates: [cand('w', 15000, { whitelistUnitId: 'U3' }), cand('x', 14000)],
      meetsConditions: (c, p) => (c.id === 'x' && p.id === 'P1' ? '不符合职位专业要求' : null),
    });
    if (!result.ok) throw new Error('unexpected');
    expect(result.value.placements.map((p) => `${p.candidateId}>${p.positionId}`)).toEqual([
      'w>P2',
    ]);
    expect(result.value.positions[0]?.remainingShortfall).toBe(1);
  });

  it('reports unknown choices and duplicates together', () => {
    const result = adjustPositions({
      policy,
      positions: [pos('P1', -1)],
      candidates: [cand('a', 1, { choice: 'P9' }), cand('a', 1)],
    });
    expect(!result.ok && result.reasons.map((r) => r.code)).toEqual([
      'ADJUSTMENT.BAD_SHORTFALL',
      'ADJUSTMENT.UNKNOWN_POSITION',
      'ADJUSTMENT.DUPLICATE_CANDIDATE',
    ]);
  });

  it('never places a candidate twice, across categories or subjects, below the line, or beyond the need except ties', () => {
    const arb = fc.record({
      positions: fc.array(
        fc.record({
          cat: fc.constantFrom('A', 'B'),
          sub: fc.constantFrom('法律', '财会'),
          short: fc.nat(3),
          police: fc.boolean(),
          unit: fc.constantFrom('U1', 'U2'),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      candidates: fc.array(
        fc.record({
          cat: fc.constantFrom('A', 'B'),
          sub: fc.constantFrom('法律', '财会'),
          score: fc.integer({ min: 10000, max: 10010 }).map((s) => s * 1 + (s % 3) * 500),
          wants: fc.boolean(),
          listed: fc.boolean(),
          abroad: fc.nat(8),
          choice: fc.nat(6),
          white: fc.constantFrom(undefined, 'U1'),
        }),
        { maxLength: 30 },
      ),
    });
    fc.assert(
      fc.property(arb, (x) => {
        const positions = x.positions.map((p, i) =>
          pos(`P${i}`, p.short, {
            category: p.cat,
            subject: p.sub,
            barsLongStayAbroad: p.police,
            unitId: p.unit,
          }),
        );
        const candidates = x.candidates.map((c, i) =>
          cand(`c${i}`, c.score, {
            category: c.cat,
            subject: c.sub,
            wantsAdjustment: c.wants,
            onFirstList: c.listed,
            longestAbroadMonths: c.abroad,
            ...(c.choice < positions.length ? { choice: `P${c.choice}` } : {}),
            ...(c.white ? { whitelistUnitId: c.white } : {}),
          }),
        );
        const result = adjustPositions({ policy, positions, candidates });
        if (!result.ok) throw new Error(JSON.stringify(result.reasons));
        const ids = result.value.placements.map((p) => p.candidateId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const pl of result.value.placements) {
          const c = candidates.find((y) => y.id === pl.candidateId)!;
          const p = positions.find((y) => y.id === pl.positionId)!;
          expect([c.category, c.subject]).toEqual([p.category, p.subject]);
          expect(c.wantsAdjustment && !c.onFirstList).toBe(true);
          expect(c.writtenTotal).toBeGreaterThanOrEqual(policy.passLines[c.category as 'A' | 'B']);
          if (p.barsLongStayAbroad) expect(c.longestAbroadMonths).toBeLessThan(6);
          if (c.whitelistUnitId) expect(p.unitId).toBe(c.whitelistUnitId);
        }
        for (const p of positions) {
          for (const round of ['public', 'unified'] as const) {
            const scores = result.value.placements
              .filter((y) => y.positionId === p.id && y.round === round)
              .map((y) => candidates.find((c) => c.id === y.candidateId)!.writtenTotal);
            const min = Math.min(...scores);
            // Beyond the need only ties with the last place.
            if (scores.length > p.shortfall)
              expect(scores.filter((s) => s > min).length).toBeLessThan(p.shortfall);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
