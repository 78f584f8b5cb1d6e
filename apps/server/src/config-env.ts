import { z } from 'zod';

/**
 * The built-in simulators. In production each one in use must be named in ALLOW_SIMULATORS, so a demo
 * stand-in (a finance simulator that accepts its own "paid" callbacks, REG-11) never runs by omission.
 */
export const SIMULATOR_NAMES = ['finance', 'city', 'real_name', 'education', 'sms_outbox'] as const;
export type SimulatorName = (typeof SIMULATOR_NAMES)[number];

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting kaolu reads from the environment; README "Configuration" documents each one. */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.url().optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().default('./data'),
  // Comma-separated addresses/CIDRs of reverse proxies whose X-Forwarded-For is believed. Never "true".
  TRUSTED_PROXIES: z.string().default(''),
  KAOLU_MASTER_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, '必须是 64 位十六进制')
    .optional(),
  KEY_FILE: z.string().optional(),
  WEB_DIST_DIR: z.string().optional(),
  // Demo candidates on an empty database: on by default only outside production.
  SEED_DEMO: booleanFlag.optional(),
  DEMO_SEED: z.string().default('kaolu-demo'),
  JOBS_ENABLED: booleanFlag.default(true),
  // Enqueues wake runners at once (LISTEN/NOTIFY); the poll only catches due retries, lapsed leases and
  // wake-ups lost while the listener reconnects, so it can be slower than the old 1 s (NFR-PERF-1, NFR-REL-1).
  JOBS_POLL_MS: z.coerce.number().int().min(50).default(2000),
  // Unset: 4 on PostgreSQL, 1 on PGlite (one connection: more jobs at once only queue on it).
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(32).optional(),
  JOBS_LEASE_SECONDS: z.coerce.number().int().min(3).max(3600).default(30),
  SMS_PROVIDER: z.enum(['outbox', 'http']).default('outbox'),
  SMS_HTTP_URL: z.url().optional(),
  SMS_HTTP_TOKEN: z.string().optional(),
  // identity and access: lockout and sessions per NFR-SEC-1, 6-month password expiry (REG-05), 5
  // SMS a day per phone (REG-06)
  PASSWORD_ITERATIONS: z.coerce.number().int().min(100_000).default(100_000),
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  PASSWORD_HASH_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(10).default(1500),
  PASSWORD_HASH_QUEUE_MAX: z.coerce.number().int().min(1).default(64),
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(1).default(180),
  PASSWORD_WARN_DAYS: z.coerce.number().int().min(0).default(14),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(30),
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).default(30),
  LOGIN_IP_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  SESSION_STAFF_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_CANDIDATE_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  ONE_TIME_PASSWORD_HOURS: z.coerce.number().int().min(1).max(24).default(24),
  SMS_DAILY_LIMIT: z.coerce.number().int().min(1).default(5),
  REAL_NAME_PROVIDER: z.enum(['simulator', 'http']).default('simulator'),
  REAL_NAME_URL: z.url().optional(),
  REAL_NAME_TOKEN: z.string().optional(),
  // data exchange (NFR-EXC-1, REG-09, REG-11): simulators unless a URL is configured
  CITY_PLATFORM_PROVIDER: z.enum(['simulator', 'http']).default('simulator'),
  CITY_PLATFORM_URL: z.url().optional(),
  CITY_PLATFORM_TOKEN: z.string().optional(),
  FINANCE_PROVIDER: z.enum(['simulator', 'http']).default('simulator'),
  FINANCE_URL: z.url().optional(),
  FINANCE_TOKEN: z.string().optional(),
  FINANCE_CALLBACK_SECRET: z.string().min(16, '至少16个字符').optional(),
  EXCHANGE_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
  EXCHANGE_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  // national education-record interface 学信 (INT-09e): simulator unless a URL is set
  EDUCATION_RECORD_PROVIDER: z.enum(['simulator', 'http']).default('simulator'),
  EDUCATION_RECORD_URL: z.url().optional(),
  EDUCATION_RECORD_TOKEN: z.string().optional(),
  // Production only: comma-separated simulators allowed to run (SIMULATOR_NAMES); outside production all are.
  ALLOW_SIMULATORS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(SIMULATOR_NAMES, { error: `只能列出 ${SIMULATOR_NAMES.join('、')}` }))),
});

/** The environment as validated, before it is mapped to Config. */
export type Env = z.infer<typeof EnvSchema>;
