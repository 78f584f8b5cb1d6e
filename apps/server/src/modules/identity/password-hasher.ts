import { randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../platform/errors/app-error';
import type { CryptoProvider } from '../../platform/crypto';

/** Stored form: scheme, iterations, salt and hash together, so iterations can be raised later. */
const SCHEME = 'pbkdf2-sm3';
const HASH_BYTES = 32;
const SALT_BYTES = 16;

/** Tuning of the hasher (IDENTITY_* settings in config.ts). */
export type PasswordHasherOptions = {
  crypto: CryptoProvider;
  iterations: number;
  /** Hashes running at once; each holds one libuv thread (≈ one core) for its whole duration. */
  concurrency: number;
  /** How long a request may wait for a slot before it is answered 503 instead of slowing others. */
  queueTimeoutMs: number;
  /** Waiting hashes beyond this are refused at once (fast 503 under overload). */
  queueMax: number;
};

/** What the identity use cases see of password hashing. */
export type PasswordHasher = {
  hash(password: string): Promise<string>;
  /** Checks a password; `needsRehash` when the stored iterations are below the configured ones. */
  verify(password: string, stored: string): Promise<{ ok: boolean; needsRehash: boolean }>;
  /** Spends the same work as a real check, so an unknown account answers as slowly as a known one. */
  verifyDummy(password: string): Promise<void>;
  stats(): { running: number; waiting: number };
};

/**
 * PBKDF2-HMAC-SM3 with per-user salt (NFR-SEC-1, NFR-SEC-2), off the event loop and behind a
 * bounded semaphore with queue timeout: overload answers 503 COMMON.SERVICE_BUSY quickly.
 */
export function createPasswordHasher(options: PasswordHasherOptions): PasswordHasher {
  const semaphore = createSemaphore(options.concurrency, options.queueTimeoutMs, options.queueMax);
  const derive = (password: string, salt: Buffer, iterations: number) =>
    semaphore.run(() => options.crypto.pbkdf2Sm3(password, salt, iterations, HASH_BYTES));
  const dummySalt = randomBytes(SALT_BYTES);

  return {
    async hash(password) {
      const salt = randomBytes(SALT_BYTES);
      const hash = await derive(password, salt, options.iterations);
      return `${SCHEME}$${options.iterations}$${salt.toString('hex')}$${hash}`;
    },
    // timingSafeEqual: comparing the hashes must not leak how many leading bytes match.
    async verify(password, stored) {
      const parsed = parseStoredHash(stored);
      if (!parsed) return { ok: false, needsRehash: false };
      const hash = await derive(password, parsed.salt, parsed.iterations);
      const ok = timingSafeEqual(Buffer.from(hash, 'hex'), parsed.hash);
      return { ok, needsRehash: ok && parsed.iterations < options.iterations };
    },
    // A fixed random salt: the cost is what matters, the result is thrown away.
    async verifyDummy(password) {
      await derive(password, dummySalt, options.iterations);
    },
    stats: () => semaphore.stats(),
  };
}

function parseStoredHash(
  stored: string,
): { iterations: number; salt: Buffer; hash: Buffer } | undefined {
  const [scheme, iterations, salt, hash] = stored.split('$');
  if (scheme !== SCHEME || !iterations || !salt || !hash) return undefined;
  return {
    iterations: Number(iterations),
    salt: Buffer.from(salt, 'hex'),
    hash: Buffer.from(hash, 'hex'),
  };
}

type Waiter = { start: () => void; timer: NodeJS.Timeout };

/** A counting semaphore whose waiters give up after `timeoutMs` with 503 SERVICE_BUSY. */
function createSemaphore(limit: number, timeoutMs: number, queueMax: number) {
  let running = 0;
  const queue: Waiter[] = [];

  const release = () => {
    running--;
    const next = queue.shift();
    if (next) {
      clearTimeout(next.timer);
      next.start();
    }
  };

  const acquire = () =>
    new Promise<void>((resolve, reject) => {
      if (running < limit) {
        running++;
        resolve();
        return;
      }
      if (queue.length >= queueMax) {
        reject(new AppError('COMMON.SERVICE_BUSY'));
        return;
      }
      const waiter: Waiter = {
        start: () => {
          running++;
          resolve();
        },
        timer: setTimeout(() => {
          queue.splice(queue.indexOf(waiter), 1);
          reject(new AppError('COMMON.SERVICE_BUSY'));
        }, timeoutMs),
      };
      queue.push(waiter);
    });

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
    stats: () => ({ running, waiting: queue.length }),
  };
}
