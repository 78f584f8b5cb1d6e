import { assertInvariant } from './outcome';

/**
 * Scores are integers in hundredths ("centi"): 80.25 is 8025. Every sum and product stays an exact
 * integer; a division is rounded once, half up, so binary-float drift (0.1 + 0.2) never reaches a score.
 */
export type Centi = number;

const DECIMAL_PATTERN = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Parses a decimal (string or number) into an integer scaled by 10^places, or null if it has more places. */
export function parseScaled(value: number | string, places: number): number | null {
  if (typeof value === 'number') {
    // Division is correctly rounded, so scaled / factor equals value only when value has ≤ places decimals.
    const factor = 10 ** places;
    const scaled = Math.round(value * factor);
    if (Number.isSafeInteger(scaled) && scaled / factor === value) return scaled + 0; // + 0 turns -0 into 0
  }
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  if (text === null) return null;
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > places) return null;
  const scaled = Number(whole) * 10 ** places + Number(trimmed.padEnd(places, '0') || '0');
  if (!Number.isSafeInteger(scaled)) return null;
  return sign === '-' ? -scaled : scaled;
}

/** Parses a score with at most two decimals into hundredths, or null. */
export function parseCenti(value: number | string): Centi | null {
  return parseScaled(value, 2);
}

/** Formats hundredths as a fixed two-decimal string: 8025 → "80.25". */
export function formatCenti(value: Centi): string {
  assertInvariant(Number.isSafeInteger(value), `not an integer centi value: ${value}`);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * numerator / denominator rounded half up (half away from zero for negatives), on exact integers.
 * Uses BigInt when the product could leave the safe-integer range.
 */
export function divideHalfUp(numerator: number, denominator: number): number {
  assertInvariant(
    Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator),
    'integers required',
  );
  assertInvariant(denominator !== 0, 'division by zero');
  const negative = numerator < 0 !== denominator < 0;
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  let q: number;
  if (n <= (Number.MAX_SAFE_INTEGER - d) / 2) {
    // Exact integer division: subtract the remainder instead of trusting a float quotient.
    const m = n * 2 + d;
    q = (m - (m % (d * 2))) / (d * 2);
  } else q = Number((BigInt(n) * 2n + BigInt(d)) / (BigInt(d) * 2n));
  return negative && q !== 0 ? -q : q;
}

// Numbers print in exponent form past 1e21 or below 1e-7; such inputs are not scores.
function numberToPlainString(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  return /e/i.test(text) ? null : text;
}
