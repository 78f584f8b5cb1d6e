import { describe, expect, it } from 'vitest';
import { fromShanghaiWall, shanghaiToday, shanghaiYear, toShanghaiWall } from './shanghai-time';

describe('Shanghai wall time', () => {
  it('shows an instant as Shanghai wall time', () => {
    expect(toShanghaiWall('2026-12-20T09:00:00.000Z')).toBe('2026-12-20 17:00:00');
    // Past midnight in Shanghai while still the previous day in UTC.
    expect(toShanghaiWall('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30:00');
  });

  it('reads a picked wall time as the Shanghai instant', () => {
    expect(fromShanghaiWall('2026-12-20 17:00:00')).toBe('2026-12-20T09:00:00.000Z');
    expect(fromShanghaiWall('2026-12-20 17:00')).toBe('2026-12-20T09:00:00.000Z');
    expect(fromShanghaiWall('2026-12-20')).toBe('2026-12-19T16:00:00.000Z');
  });

  it('round-trips and refuses what is not a time', () => {
    const iso = '2026-03-08T07:15:00.000Z';
    expect(fromShanghaiWall(toShanghaiWall(iso))).toBe(iso);
    expect(fromShanghaiWall('17:00')).toBeNull();
    expect(fromShanghaiWall('')).toBeNull();
    expect(toShanghaiWall('not a date')).toBeNull();
    expect(toShanghaiWall(null)).toBeNull();
  });

  it('gives the Shanghai date and year, not the device one', () => {
    // 2026-12-31 20:00 in New York is already 2027-01-01 in Shanghai.
    const evening = new Date('2027-01-01T01:00:00Z');
    expect(shanghaiToday(evening)).toBe('2027-01-01');
    expect(shanghaiYear(evening)).toBe(2027);
  });
});
