import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sm3, sm3Hex, toHex } from './sm3';

describe('sm3', () => {
  it('matches the GB/T 32905 example for "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('matches the GB/T 32905 example for the 64-byte message', () => {
    expect(sm3Hex('abcd'.repeat(16))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('agrees with node:crypto on random messages of every padding length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const expected = createHash('sm3').update(bytes).digest('hex');
        expect(toHex(sm3(bytes))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('hashes UTF-8 text the way node:crypto does', () => {
    const text = '上海市公务员考录系统';
    expect(sm3Hex(text)).toBe(createHash('sm3').update(text, 'utf8').digest('hex'));
  });
});
