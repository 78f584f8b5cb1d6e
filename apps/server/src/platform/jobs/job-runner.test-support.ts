import type { Db } from '../../db/client';

// Shared by the job runner test files: waiting on the database without sleeping a fixed time, and
// a database handle that dies like a killed worker process (NFR-REL-1).

/**
 * A database handle that can be made to freeze like a killed process: after kill(), every query
 * it is asked for never answers (no error either, so nothing in the runner reacts).
 */
export function killable(db: Db): { db: Db; kill(): void } {
  let dead = false;
  const frozen: unknown = new Proxy(() => undefined, {
    get: (_target, key) => (key === 'then' ? () => undefined : frozen),
    apply: () => frozen,
  });
  const proxy = new Proxy(db, {
    get(target, key) {
      if (dead) return frozen;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: proxy, kill: () => (dead = true) };
}

export async function waitFor(condition: () => Promise<boolean>, withinMs = 2000): Promise<void> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`condition not met within ${withinMs} ms`);
}
