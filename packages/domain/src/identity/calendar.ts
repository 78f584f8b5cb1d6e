import { assertInvariant } from '../shared/outcome';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (leap years included). */
export function isValidIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days of a month in the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Age in full years (周岁) on a date: a person born on 29 February turns a year older on 1 March in
 * common years, the usual reading of 周岁 in Chinese administrative practice.
 */
export function calculateAge(birthDate: string, onDate: string): number {
  assertInvariant(isValidIsoDate(birthDate) && isValidIsoDate(onDate), 'dates must be YYYY-MM-DD');
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = onDate.split('-').map(Number) as [number, number, number];
  let age = oy - by;
  if (om < bm || (om === bm && od < bd)) age -= 1;
  return age;
}

/** Whole months from one date to a later one (a month counts when its day is reached). */
export function monthsBetween(from: string, to: string): number {
  assertInvariant(isValidIsoDate(from) && isValidIsoDate(to), 'dates must be YYYY-MM-DD');
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (td < fd) months -= 1;
  return months;
}
