import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRandom, drawShuffle, replayShuffle, RANDOM_ALGORITHM } from './seeded-random';

describe('seeded random', () => {
  it('derives its first words from SM3(seed ‖ counter 0) as documented', () => {
    const seed = 'draw-2024-001';
    const block0 = createHash('sm3')
      .update(Buffer.concat([Buffer.from(seed, 'utf8'), Buffer.alloc(8)]))
      .digest();
    const rng = createSeededRandom(seed);
    expect(rng.nextUint32()).toBe(block0.readUInt32BE(0));
    expect(rng.nextUint32()).toBe(block0.readUInt32BE(4));
  });

  it('continues with counter 1 after eight words', () => {
    const seed = 's';
    const counter1 = Buffer.alloc(8);
    counter1.writeUInt32BE(1, 4);
    const block1 = createHash('sm3')
      .update(Buffer.concat([Buffer.from(seed), counter1]))
      .digest();
    const rng = createSeededRandom(seed);
    for (let i = 0; i < 8; i++) rng.nextUint32();
    expect(rng.nextUint32()).toBe(block1.readUInt32BE(0));
  });

  it('passes a chi-square uniformity test on 100 000 draws of ten values', () => {
    const rng = createSeededRandom('uniformity');
    const counts = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[rng.nextInt(10)]! += 1;
    const expected = n / 10;
    const chi = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    // 27.88 is the 0.999 quantile of chi-square with 9 degrees of freedom.
    expect(chi).toBeLessThan(27.88);
  });

  it('gives every permutation of three items about equally often', () => {
    const counts = new Map<string, number>();
    const rng = createSeededRandom('perm');
    const n = 60_000;
    for (let i = 0; i < n; i++) {
      const key = rng.shuffle(['A', 'B', 'C']).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const chi = [...counts.values()].reduce((s, c) => s + (c - n / 6) ** 2 / (n / 6), 0);
    expect(chi).toBeLessThan(20.52); // 0.999 quantile, 5 degrees of freedom
  });

  it('replays a recorded draw to the identical order', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.array(fc.integer(), { maxLength: 40 }),
        (seed, items) => {
          const { order, record } = drawShuffle(seed, items);
          expect(record.algorithm).toBe(RANDOM_ALGORITHM);
          expect(replayShuffle(record, items)).toEqual(order);
          expect([...order].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses to replay a record against a different input', () => {
    const { record } = drawShuffle('seed', [1, 2, 3]);
    expect(() => replayShuffle(record, [1, 2, 4])).toThrow(/digest/);
  });

  it('keeps integers within the bound for awkward bounds', () => {
    const rng = createSeededRandom('bounds');
    for (const bound of [1, 2, 3, 7, 2 ** 31 + 1, 2 ** 32]) {
      for (let i = 0; i < 50; i++) {
        const x = rng.nextInt(bound);
        expect(x >= 0 && x < bound).toBe(true);
      }
    }
  });
});
