import { describe, expect, it } from 'vitest';
import { computeBlindIndex, normaliseBlindIndexValue } from './blind-index';

describe('blind index normalisation', () => {
  it.each([
    ['31010119900101123x', '31010119900101123X'],
    [' 310101 19900101 123X ', '31010119900101123X'],
    ['310101-19900101-1234', '310101199001011234'],
    ['３１０１０１１９９００１０１１２３Ｘ', '31010119900101123X'],
  ])('normalises the ID number %j to %j', (input, expected) => {
    expect(normaliseBlindIndexValue('id_number', input)).toBe(expected);
  });

  it.each([
    ['+8613812345678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['(138) 1234 5678', '13812345678'],
    ['021-63211234', '02163211234'],
  ])('normalises the phone number %j to %j', (input, expected) => {
    expect(normaliseBlindIndexValue('phone', input)).toBe(expected);
  });

  it('lower-cases and trims e-mail addresses', () => {
    expect(normaliseBlindIndexValue('email', '  Zhang.San@Example.COM ')).toBe(
      'zhang.san@example.com',
    );
  });

  it('refuses a value that normalises to nothing', () => {
    expect(() => normaliseBlindIndexValue('phone', ' - ')).toThrow(/不能为空/);
  });

  it('depends on the key, so an attacker without it cannot enumerate ID numbers', () => {
    const keyA = Buffer.alloc(32, 1);
    const keyB = Buffer.alloc(32, 2);
    expect(computeBlindIndex(keyA, 'id_number', '310101199001011234')).not.toBe(
      computeBlindIndex(keyB, 'id_number', '310101199001011234'),
    );
  });
});
