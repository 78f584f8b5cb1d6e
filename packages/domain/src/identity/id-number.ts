import { problem, type Outcome, type Problem } from '../shared/outcome';
import { PROVINCE_CODES, SHANGHAI_DISTRICTS, SHANGHAI_HISTORICAL_DISTRICTS } from './region-codes';
import { isValidIsoDate } from './calendar';

/** Weights of GB 11643-1999 positions 1–17 for the ISO 7064 MOD 11-2 check digit. */
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for each remainder 0–10. */
const CHECK_CHARS = '10X98765432';

/**
 * The check character (0–9 or X) of an 18-digit citizen ID number, from its first 17 digits
 * (GB 11643-1999, ISO 7064 MOD 11-2).
 */
export function idNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('first17 must be exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * CHECK_WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** As the ID number encodes it: the 17th digit is odd for men and even for women. */
export type Gender = 'male' | 'female';

/** What a valid 18-digit number tells: region, birth date (YYYY-MM-DD) and gender. */
export type IdNumberFacts = {
  idNumber: string;
  regionCode: string;
  provinceName: string;
  /** Shanghai district name when the code is a known current or historical one. */
  districtName: string | null;
  birthDate: string;
  gender: Gender;
};

/** Options: the day the check runs, so a birth date in the future is refused (no clock in domain). */
export type IdNumberOptions = { today?: string; minBirthYear?: number };

/**
 * Validates an 18-digit citizen ID number (GB 11643-1999): format, province code (GB/T 2260), birth
 * date and check digit, reporting every problem found; lowercase x is accepted as X.
 */
export function validateIdNumber(
  raw: string,
  options: IdNumberOptions = {},
): Outcome<IdNumberFacts> {
  const id = raw.trim().toUpperCase();
  const path = 'idNumber';
  if (!/^\d{17}[\dX]$/.test(id)) {
    const message =
      id.length === 15
        ? '不支持15位旧身份证号码，请使用18位号码'
        : '身份证号码应为18位，前17位为数字，末位为数字或X';
    return { ok: false, reasons: [problem('ID.FORMAT', message, path)] };
  }
  const reasons: Problem[] = [];
  const provinceName = PROVINCE_CODES[id.slice(0, 2)];
  if (provinceName === undefined) {
    reasons.push(
      problem(
        'ID.REGION',
        `地区码 ${id.slice(0, 6)} 的省级代码 ${id.slice(0, 2)} 不存在`,
        `${path}[0-5]`,
      ),
    );
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const minYear = options.minBirthYear ?? 1900;
  if (!isValidIsoDate(birthDate) || Number(id.slice(6, 10)) < minYear) {
    reasons.push(
      problem('ID.BIRTH_DATE', `出生日期 ${id.slice(6, 14)} 不是有效日期`, `${path}[6-13]`),
    );
  } else if (options.today !== undefined && birthDate > options.today) {
    reasons.push(problem('ID.BIRTH_DATE', `出生日期 ${birthDate} 晚于今天`, `${path}[6-13]`));
  }
  const expected = idNumberCheckDigit(id.slice(0, 17));
  if (id[17] !== expected) {
    reasons.push(
      problem('ID.CHECK_DIGIT', `校验码应为 ${expected}，实际为 ${id[17]}`, `${path}[17]`),
    );
  }
  if (reasons.length > 0) return { ok: false, reasons };
  const regionCode = id.slice(0, 6);
  return {
    ok: true,
    value: {
      idNumber: id,
      regionCode,
      provinceName: provinceName!,
      districtName:
        SHANGHAI_DISTRICTS[regionCode] ?? SHANGHAI_HISTORICAL_DISTRICTS[regionCode] ?? null,
      birthDate,
      // GB 11643: the 17th digit (sequence code) is odd for men and even for women.
      gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
}
