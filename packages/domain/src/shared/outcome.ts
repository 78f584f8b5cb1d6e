/** One problem found in an input or a decision: a stable code, a Chinese message and where it is. */
export type Problem = { code: string; message: string; path: string };

/** Expected outcomes are values: success with a value, or every problem found at once. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; reasons: Problem[] };

/** Thrown only when a caller breaks an invariant (a programming error), never for bad user data. */
export class InvariantError extends Error {
  override readonly name = 'InvariantError';
}

/** Builds a problem record; kept as a function so every engine spells problems the same way. */
export function problem(code: string, message: string, path: string): Problem {
  return { code, message, path };
}

/** Wraps a value, or the collected problems when there are any. */
export function toOutcome<T>(reasons: Problem[], build: () => T): Outcome<T> {
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, value: build() };
}

/** Asserts an invariant; the message is for developers, so it stays in English. */
export function assertInvariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}
