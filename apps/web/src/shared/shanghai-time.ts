// Every time a user sees or enters is Asia/Shanghai wall time, whatever zone the device is set to
// (NFR-UX-1): the tender's schedules, deadlines and exam times are all Beijing time. Shanghai has
// kept UTC+8 without daylight saving since 1991, so a fixed offset converts exactly and needs no
// time-zone database in the browser.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The value format of Element Plus pickers bound to Shanghai wall time ('2026-12-20 17:00:00'). */
export const WALL_TIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';
/** The value format of calendar-date pickers ('2026-12-20'); a date has no time zone. */
export const DATE_FORMAT = 'YYYY-MM-DD';

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The Shanghai wall time of an instant as 'YYYY-MM-DD HH:mm:ss' (what the pickers show), or null
 * for an absent or unparsable value.
 */
export function toShanghaiWall(value: string | Date | null | undefined): string | null {
  if (!value) return null;
  const ms = (value instanceof Date ? value : new Date(value)).getTime();
  if (Number.isNaN(ms)) return null;
  // Shifting by +8 h and reading the UTC fields gives the Shanghai fields on any device.
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The instant (ISO, UTC) of a Shanghai wall time picked or typed as 'YYYY-MM-DD[ HH:mm[:ss]]';
 * null when it is not one. The device's own zone plays no part.
 */
export function fromShanghaiWall(wall: string | null | undefined): string | null {
  const m = wall ? WALL.exec(wall.trim()) : null;
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  const ms = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s) - SHANGHAI_OFFSET_MS;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Today's date in Shanghai as 'YYYY-MM-DD' (a device west of UTC is still on yesterday). */
export function shanghaiToday(now: Date = new Date()): string {
  return toShanghaiWall(now)!.slice(0, 10);
}

/** The current year in Shanghai, for default filters such as the event list's 年度. */
export function shanghaiYear(now: Date = new Date()): number {
  return Number(shanghaiToday(now).slice(0, 4));
}
