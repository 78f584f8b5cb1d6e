import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankRows, type RankingRow } from './rank-rows';

const row = (id: string, composite: number, written: number, partition?: string): RankingRow => ({
  id,
  values: { composite, written },
  ...(partition ? { partition } : {}),
});

describe('rankRows', () => {
  it('gives competition ranks 1, 1, 3 when the whole chain ties', () => {
    const result = rankRows([row('a', 8000, 7000), row('b', 8000, 7000), row('c', 7950, 7100)], {
      keys: [{ field: 'composite' }, { field: 'written' }],
    });
    expect(result.ok && result.value.map((r) => [r.id, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
  });

  it('separates equal composites by the written score and says so', () => {
    const result = rankRows([row('a', 8000, 6900), row('b', 8000, 7000)], {
      keys: [
        { field: 'composite', label: '综合成绩' },
        { field: 'written', label: '笔试成绩' },
      ],
    });
    expect(result.ok && result.value).toEqual([
      { id: 'b', partition: '', rank: 1, position: 1, separatedBy: null },
      { id: 'a', partition: '', rank: 2, position: 2, separatedBy: '笔试成绩' },
    ]);
  });

  it('shares the rank on the first key only when asked to', () => {
    const result = rankRows([row('a', 8000, 6900), row('b', 8000, 7000), row('c', 7000, 9000)], {
      keys: [{ field: 'composite' }, { field: 'written' }],
      rankBy: 'first',
    });
    expect(result.ok && result.value.map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['a', 1],
      ['c', 3],
    ]);
  });

  it('ranks men and women separately', () => {
    const result = rankRows(
      [row('m1', 9000, 0, 'male'), row('f1', 8000, 0, 'female'), row('m2', 9500, 0, 'male')],
      {
        keys: [{ field: 'composite' }],
      },
    );
    expect(result.ok && result.value.map((r) => `${r.partition}:${r.id}:${r.rank}`)).toEqual([
      'female:f1:1',
      'male:m2:1',
      'male:m1:2',
    ]);
  });

  it('reports every missing value and duplicate id', () => {
    const result = rankRows([{ id: 'a', values: {} }, row('a', 1, 1)], {
      keys: [{ field: 'composite' }, { field: 'written' }],
    });
    expect(!result.ok && result.reasons.map((r) => r.path)).toEqual([
      'rows[0].values.composite',
      'rows[0].values.written',
      'rows[1].id',
    ]);
  });

  const rowsArb = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      composite: fc.integer({ min: 0, max: 20 }),
      written: fc.integer({ min: -5, max: 5 }),
      partition: fc.constantFrom('a', 'b', 'c'),
    }),
    { selector: (r) => r.id, maxLength: 60 },
  );

  it('is a permutation whose ranks agree with a plain comparison sort', () => {
    fc.assert(
      fc.property(rowsArb, (raw) => {
        const rows = raw.map((r) => row(r.id, r.composite, r.written, r.partition));
        const result = rankRows(rows, {
          keys: [{ field: 'composite' }, { field: 'written', order: 'asc' }],
        });
        if (!result.ok) throw new Error('unexpected');
        expect(result.value.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
        for (const r of result.value) {
          const me = raw.find((x) => x.id === r.id)!;
          const better = raw.filter(
            (x) =>
              x.partition === me.partition &&
              (x.composite > me.composite ||
                (x.composite === me.composite && x.written < me.written)),
          ).length;
          expect(r.rank).toBe(better + 1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(rowsArb, fc.nat(), (raw, rot) => {
        const rows = raw.map((r) => row(r.id, r.composite, r.written, r.partition));
        const rotated = rows
          .slice(rot % (rows.length || 1))
          .concat(rows.slice(0, rot % (rows.length || 1)));
        const keys = [{ field: 'composite' }];
        expect(rankRows(rotated, { keys })).toEqual(rankRows(rows, { keys }));
      }),
      { numRuns: 100 },
    );
  });
});
