/** Cents as yuan text with two decimals, on integers only (no binary float rounding). */
export function yuanOf(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A policy fee in yuan (at most two decimals) as integer cents. */
export function centsOf(yuan: number): number {
  return Math.round(yuan * 100);
}
