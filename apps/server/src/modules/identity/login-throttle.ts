import { eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import { loginThrottle } from './identity.table';

/** LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES and the per-IP window, from config.identity. */
export type ThrottleSettings = {
  maxFailures: number;
  lockMinutes: number;
  ipMaxFailures: number;
  ipWindowMinutes: number;
};

/**
 * Lockout and per-IP throttling (NFR-SEC-1), both in the database so every server instance sees
 * the same counts. Account keys exist for unknown login names too, so a locked answer never tells
 * whether an account exists.
 */
export function createLoginThrottle(db: DbOrTx, settings: ThrottleSettings, now: () => Date) {
  return {
    /** Whether this account key is locked right now. */
    async isLocked(accountKey: string): Promise<boolean> {
      const [row] = await db
        .select({ lockedUntil: loginThrottle.lockedUntil })
        .from(loginThrottle)
        .where(eq(loginThrottle.key, accountKey));
      return !!row?.lockedUntil && row.lockedUntil > now();
    },

    /** Whether this address has failed too often within the window. */
    async isIpThrottled(ip: string): Promise<boolean> {
      const [row] = await db
        .select()
        .from(loginThrottle)
        .where(eq(loginThrottle.key, ipKey(ip)));
      if (!row) return false;
      const windowEnd = row.windowStartedAt.getTime() + settings.ipWindowMinutes * 60_000;
      return windowEnd > now().getTime() && row.failures >= settings.ipMaxFailures;
    },

    /** Counts one failure for the account (locking it at the limit) and for the address, atomically. */
    async recordFailure(accountKey: string, ip: string): Promise<{ locked: boolean }> {
      const at = now();
      const atIso = at.toISOString();
      const lockUntil = new Date(at.getTime() + settings.lockMinutes * 60_000).toISOString();
      // One upsert: consecutive failures count up; reaching the limit sets the lock and restarts the count.
      const result = await db.execute(sql`
        insert into login_throttle (key, failures, window_started_at, locked_until)
        values (${accountKey}, 1, ${atIso}::timestamptz, ${settings.maxFailures <= 1 ? lockUntil : null}::timestamptz)
        on conflict (key) do update set
          failures = case when login_throttle.failures + 1 >= ${settings.maxFailures} then 0 else login_throttle.failures + 1 end,
          locked_until = case when login_throttle.failures + 1 >= ${settings.maxFailures} then ${lockUntil}::timestamptz
                              else login_throttle.locked_until end
        returning locked_until`);
      const windowStart = new Date(at.getTime() - settings.ipWindowMinutes * 60_000).toISOString();
      await db.execute(sql`
        insert into login_throttle (key, failures, window_started_at) values (${ipKey(ip)}, 1, ${atIso}::timestamptz)
        on conflict (key) do update set
          failures = case when login_throttle.window_started_at < ${windowStart}::timestamptz then 1 else login_throttle.failures + 1 end,
          window_started_at = case when login_throttle.window_started_at < ${windowStart}::timestamptz then ${atIso}::timestamptz
                                   else login_throttle.window_started_at end`);
      const lockedUntil = rowsOf<{ locked_until: string | Date | null }>(result)[0]?.locked_until;
      return { locked: !!lockedUntil && new Date(lockedUntil) > at };
    },

    /** The locked answer, stating the configured limit and duration (LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES). */
    lockedError(): AppError {
      const message = `连续登录失败${settings.maxFailures}次，账号已锁定，请${settings.lockMinutes}分钟后再试`;
      return new AppError('IDENTITY.ACCOUNT_LOCKED', { message });
    },

    /** A successful login clears the account's consecutive failures. */
    async recordSuccess(accountKey: string): Promise<void> {
      await db.delete(loginThrottle).where(eq(loginThrottle.key, accountKey));
    },

    /** Unlock by an administrator: removes the lock and the count. */
    async unlock(accountKey: string): Promise<void> {
      await db.delete(loginThrottle).where(eq(loginThrottle.key, accountKey));
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

/** The throttle key of an account or of a login name that matches no account. */
export function accountKey(kind: 'staff' | 'candidate', idOrName: string): string {
  return `${kind}:${idOrName}`;
}

/** The throttle key of a client address; account and address counts share one table. */
function ipKey(ip: string): string {
  return `ip:${ip}`;
}
