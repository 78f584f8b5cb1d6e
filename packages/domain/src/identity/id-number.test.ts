import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckDigit, validateIdNumber } from './id-number';
import { calculateAge } from './calendar';
import { checkIdentityDocument } from './identity-document';

// Build a number with a correct check digit for the generated cases.
const withCheck = (first17: string): string => first17 + idNumberCheckDigit(first17);

describe('idNumberCheckDigit', () => {
  it('gives X for the example number of GB 11643-1999', () => {
    expect(idNumberCheckDigit('11010519491231002')).toBe('X');
  });

  it('gives 4 for the second example of the standard', () => {
    expect(idNumberCheckDigit('44052418800101001')).toBe('4');
  });
});

describe('validateIdNumber', () => {
  it('accepts the standard example and derives birth date, gender and province', () => {
    const result = validateIdNumber('11010519491231002X');
    expect(result).toEqual({
      ok: true,
      value: {
        idNumber: '11010519491231002X',
        regionCode: '110105',
        provinceName: '北京市',
        districtName: null,
        birthDate: '1949-12-31',
        gender: 'female',
      },
    });
  });

  it('accepts a lowercase x and names a Shanghai district', () => {
    const id = withCheck('31011519900307124');
    const result = validateIdNumber(id.toLowerCase());
    expect(result.ok && result.value.districtName).toBe('浦东新区');
    expect(result.ok && result.value.gender).toBe('female');
  });

  it('names an abolished district such as 闸北区 for older numbers', () => {
    const result = validateIdNumber(withCheck('31010819800101001'));
    expect(result.ok && result.value.districtName).toBe('闸北区');
    expect(result.ok && result.value.gender).toBe('male');
  });

  it('reports region, birth date and check digit problems together', () => {
    const result = validateIdNumber('990105194902310021');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reasons.map((r) => r.code)).toEqual([
      'ID.REGION',
      'ID.BIRTH_DATE',
      'ID.CHECK_DIGIT',
    ]);
    expect(result.reasons.map((r) => r.path)).toEqual([
      'idNumber[0-5]',
      'idNumber[6-13]',
      'idNumber[17]',
    ]);
  });

  it('refuses a birth date after the given day', () => {
    const result = validateIdNumber(withCheck('31010420300101001'), { today: '2025-06-01' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reasons[0]?.code).toBe('ID.BIRTH_DATE');
  });

  it('explains that 15-digit numbers are not supported', () => {
    const result = validateIdNumber('310101800101001');
    expect(!result.ok && result.reasons[0]?.message).toMatch(/15位/);
  });

  it('accepts 29 February only in leap years', () => {
    expect(validateIdNumber(withCheck('31010420000229001')).ok).toBe(true);
    expect(validateIdNumber(withCheck('31010419000229001')).ok).toBe(false);
  });

  it('rejects any single-digit change of a valid number (check digit catches it)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const id = '11010519491231002X';
        const chars = id.split('');
        const c = chars[pos]!;
        chars[pos] = c === 'X' ? String(delta) : String((Number(c) + delta) % 10);
        expect(validateIdNumber(chars.join('')).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('derives gender from the parity of the 17th digit for any valid number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), (seq) => {
        const id = withCheck(`310101199001 01${String(seq).padStart(3, '0')}`.replace(' ', ''));
        const result = validateIdNumber(id);
        expect(result.ok && result.value.gender).toBe(seq % 2 === 1 ? 'male' : 'female');
      }),
      { numRuns: 100 },
    );
  });
});

describe('calculateAge', () => {
  it('counts full years: the day before the birthday is still the younger age', () => {
    expect(calculateAge('1990-03-07', '2025-03-06')).toBe(34);
    expect(calculateAge('1990-03-07', '2025-03-07')).toBe(35);
  });

  it('lets a 29 February birthday turn a year older on 1 March of a common year', () => {
    expect(calculateAge('2000-02-29', '2021-02-28')).toBe(20);
    expect(calculateAge('2000-02-29', '2021-03-01')).toBe(21);
  });
});

describe('checkIdentityDocument', () => {
  it('passes permits and passports through as unverifiable', () => {
    const result = checkIdentityDocument({ type: 'hk_macao_permit', number: ' H12345678 ' });
    expect(result).toEqual({
      ok: true,
      value: {
        verifiable: false,
        documentType: 'hk_macao_permit',
        number: 'H12345678',
        note: expect.any(String),
      },
    });
  });

  it('verifies resident ID numbers', () => {
    const result = checkIdentityDocument({ type: 'resident_id', number: '11010519491231002X' });
    expect(result.ok && result.value.verifiable).toBe(true);
  });
});
