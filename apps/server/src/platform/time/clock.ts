/** The source of "now" that services are given, so tests and replays can fix the time. */
export type Clock = { now(): Date };

/** The wall clock of this process. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock from a `now()` function (the shape older service options use). */
export function clockOf(now: (() => Date) | undefined): Clock {
  return now ? { now } : systemClock;
}
