import path from 'node:path';
import type { Config } from './config';
import type { Env } from './config-env';

/**
 * The validated environment as the nested Config the server reads; the version comes from npm,
 * which sets npm_package_version when the server is started through it.
 */
export function configFromEnv(e: Env, env: NodeJS.ProcessEnv): Config {
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    dataDir,
    database: {
      url: e.DATABASE_URL,
      poolMax: e.DB_POOL_MAX,
      pgliteDir: path.join(dataDir, 'pglite'),
    },
    trustedProxies: e.TRUSTED_PROXIES.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    keys: { masterKeyHex: e.KAOLU_MASTER_KEY, keyFile: e.KEY_FILE ?? undefined },
    webDistDir: e.WEB_DIST_DIR,
    seed: { enabled: e.SEED_DEMO ?? e.NODE_ENV !== 'production', seed: e.DEMO_SEED },
    jobs: {
      enabled: e.JOBS_ENABLED,
      pollMs: e.JOBS_POLL_MS,
      concurrency: e.JOBS_CONCURRENCY,
      leaseSeconds: e.JOBS_LEASE_SECONDS,
    },
    sms: {
      provider: e.SMS_PROVIDER,
      url: e.SMS_HTTP_URL,
      token: e.SMS_HTTP_TOKEN,
      dailyLimit: e.SMS_DAILY_LIMIT,
    },
    identity: {
      passwordIterations: e.PASSWORD_ITERATIONS,
      hashConcurrency: e.PASSWORD_HASH_CONCURRENCY,
      hashQueueTimeoutMs: e.PASSWORD_HASH_QUEUE_TIMEOUT_MS,
      hashQueueMax: e.PASSWORD_HASH_QUEUE_MAX,
      passwordMaxAgeDays: e.PASSWORD_MAX_AGE_DAYS,
      passwordWarnDays: e.PASSWORD_WARN_DAYS,
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
      ipMaxFailures: e.LOGIN_IP_MAX_FAILURES,
      ipWindowMinutes: e.LOGIN_IP_WINDOW_MINUTES,
      staffIdleMinutes: e.SESSION_STAFF_IDLE_MINUTES,
      candidateIdleMinutes: e.SESSION_CANDIDATE_IDLE_MINUTES,
      absoluteHours: e.SESSION_ABSOLUTE_HOURS,
      oneTimePasswordHours: e.ONE_TIME_PASSWORD_HOURS,
      realName: { provider: e.REAL_NAME_PROVIDER, url: e.REAL_NAME_URL, token: e.REAL_NAME_TOKEN },
    },
    exchange: {
      city: {
        provider: e.CITY_PLATFORM_PROVIDER,
        url: e.CITY_PLATFORM_URL,
        token: e.CITY_PLATFORM_TOKEN,
      },
      finance: {
        provider: e.FINANCE_PROVIDER,
        url: e.FINANCE_URL,
        token: e.FINANCE_TOKEN,
        callbackSecret: e.FINANCE_CALLBACK_SECRET,
      },
      education: {
        provider: e.EDUCATION_RECORD_PROVIDER,
        url: e.EDUCATION_RECORD_URL,
        token: e.EDUCATION_RECORD_TOKEN,
      },
      timeoutMs: e.EXCHANGE_TIMEOUT_MS,
      retries: e.EXCHANGE_RETRIES,
    },
    allowSimulators: e.ALLOW_SIMULATORS,
    version: env.npm_package_version ?? '0.1.0',
  };
}
