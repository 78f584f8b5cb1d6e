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
