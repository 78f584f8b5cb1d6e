import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderByColumns } from './radix-order';
import { divideHalfUp, formatCenti, parseCenti } from './decimal';

describe('orderByColumns', () => {
  it('matches a stable comparison sort, including ranges wider than one counting pass', () => {
    const value = fc.oneof(
      fc.integer({ min: -50, max: 50 }),
      fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, fc.integer({ min: 0, max: 3 })), { maxLength: 80 }),
        (rows) => {
          const order = orderByColumns(rows.length, [
            { values: rows.map((r) => r[1]), order: 'asc' },
            { values: rows.map((r) => r[0]), order: 'desc' },
          ]);
          const expected = rows
            .map((r, i) => ({ r, i }))
            .sort((a, b) => a.r[1] - b.r[1] || b.r[0] - a.r[0] || a.i - b.i)
            .map((x) => x.i);
          expect([...order]).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('decimal', () => {
  it('parses decimals exactly, where 0.1 + 0.2 in floats is not 0.3', () => {
    expect(parseCenti('0.1')! + parseCenti(0.2)!).toBe(parseCenti('0.3'));
    expect(parseCenti('80.10')).toBe(8010);
    expect(parseCenti(1.005)).toBeNull();
    expect(parseCenti('abc')).toBeNull();
  });

  it('rounds exact halves up, where float rounding of 1.005 gives 1.00', () => {
    expect(Math.round(1.005 * 100) / 100).toBe(1); // the float trap this module avoids
    expect(divideHalfUp(1005, 10)).toBe(101);
    expect(divideHalfUp(1004, 10)).toBe(100);
    expect(divideHalfUp(-1005, 10)).toBe(-101);
    expect(formatCenti(divideHalfUp(16003, 2))).toBe('80.02');
  });

  it('agrees with exact BigInt rounding for large operands', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 1, max: 1_000_000 }), (n, d) => {
        const expected = Number((BigInt(n) * 2n + BigInt(d)) / (2n * BigInt(d)));
        expect(divideHalfUp(n, d)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseCenti on numbers', () => {
  it('accepts exactly the numbers whose shortest decimal form has at most two places', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (v) => {
        const text = String(v);
        const places = text.includes('e') ? 99 : (text.split('.')[1] ?? '').length;
        expect(parseCenti(v) !== null).toBe(places <= 2);
        if (places <= 2) expect(parseCenti(v)).toBe(parseCenti(text));
      }),
      { numRuns: 500 },
    );
  });
});
