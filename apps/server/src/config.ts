import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * The built-in simulators. In production each one in use must be named in ALLOW_SIMULATORS, so a demo
 * stand-in (a finance simulator that accepts its own "paid" callbacks, REG-11) never runs by omission.
 */
export const SIMULATOR_NAMES = ['finance', 'city', 'real_name', 'education', 'sms_outbox'] as const;
export type SimulatorName = (typeof SIMULATOR_NAMES)[number];

// Secrets that were ever written in the source: anyone who read it could sign with them (REG-11).
const PUBLISHED_SECRETS = new Set(['kaolu-finance-simulator-callback']);

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting kaolu reads from the environment; README "Configuration" documents each one. */
const EnvSchema = z.object({
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

export type Config = {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  host: string;
  port: number;
  logLevel: string;
  dataDir: string;
  database: { url?: string; poolMax: number; pgliteDir: string };
  trustedProxies: string[];
  keys: { masterKeyHex?: string; keyFile?: string };
  webDistDir?: string;
  seed: { enabled: boolean; seed: string };
  jobs: { enabled: boolean; pollMs: number; concurrency?: number; leaseSeconds: number };
  sms: { provider: 'outbox' | 'http'; url?: string; token?: string; dailyLimit: number };
  identity: IdentityConfig;
  exchange: ExchangeConfig;
  /** Simulators production may run (ALLOW_SIMULATORS); ignored outside production, where all may. */
  allowSimulators: SimulatorName[];
  version: string;
};

/**
 * External interfaces (NFR-EXC-1, REG-11): city data-sharing platform and finance system,
 * simulators by default.
 */
export type ExchangeConfig = {
  city: { provider: 'simulator' | 'http'; url?: string; token?: string };
  finance: {
    provider: 'simulator' | 'http';
    url?: string;
    token?: string;
    callbackSecret?: string;
  };
  /** 学信 education records (INT-09e); absent means the simulator. */
  education?: { provider: 'simulator' | 'http'; url?: string; token?: string };
  timeoutMs: number;
  retries: number;
};

/**
 * Identity and access settings (NFR-SEC-1, REG-05): hashing, expiry, lockout, sessions, real-name
 * check.
 */
export type IdentityConfig = {
  passwordIterations: number;
  hashConcurrency: number;
  hashQueueTimeoutMs: number;
  hashQueueMax: number;
  passwordMaxAgeDays: number;
  passwordWarnDays: number;
  maxFailures: number;
  lockMinutes: number;
  ipMaxFailures: number;
  ipWindowMinutes: number;
  staffIdleMinutes: number;
  candidateIdleMinutes: number;
  absoluteHours: number;
  oneTimePasswordHours: number;
  realName: { provider: 'simulator' | 'http'; url?: string; token?: string };
};

/** Thrown at start-up with every bad key listed, so an operator fixes them all at once. */
export class ConfigError extends Error {}

const configError = (lines: string[]) =>
  new ConfigError(`环境变量配置有误:\n${lines.map((l) => `  ${l}`).join('\n')}`);

/** The only reader of process.env: validates once and fails fast listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success)
    throw configError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const config = fromEnv(parsed.data, env);
  assertConfigUsable(config);
  return config;
}

/** Throws a ConfigError listing every cross-field problem; buildApp repeats it for configs built in code. */
export function assertConfigUsable(config: Config): void {
  const problems = configProblems(config);
  if (problems.length > 0) throw configError(problems);
}

/** The simulators this configuration would run, named as ALLOW_SIMULATORS names them. */
export function simulatorsInUse(config: Config): SimulatorName[] {
  const { exchange, identity, sms } = config;
  const used: Array<[SimulatorName, boolean]> = [
    ['finance', exchange.finance.provider !== 'http'],
    ['city', exchange.city.provider !== 'http'],
    // REAL_NAME_PROVIDER=simulator asks the city platform, so it is simulated only when the city platform is.
    ['real_name', identity.realName.provider !== 'http' && exchange.city.provider !== 'http'],
    ['education', (exchange.education?.provider ?? 'simulator') !== 'http'],
    ['sms_outbox', sms.provider !== 'http'],
  ];
  return used.filter(([, inUse]) => inUse).map(([name]) => name);
}

const PROVIDER_VARIABLE: Record<SimulatorName, string> = {
  finance: 'FINANCE_PROVIDER',
  city: 'CITY_PLATFORM_PROVIDER',
  real_name: 'REAL_NAME_PROVIDER',
  education: 'EDUCATION_RECORD_PROVIDER',
  sms_outbox: 'SMS_PROVIDER',
};
const SIMULATOR_LABEL: Record<SimulatorName, string> = {
  finance: '财政缴费模拟器',
  city: '市数据共享平台模拟器',
  real_name: '实名核验模拟器',
  education: '学信学历模拟器',
  sms_outbox: '短信发件箱（不真正发送短信）',
};

/**
 * Rules across variables (REG-11, NFR-SEC-1/2), each problem one line naming its variable:
 * `*_PROVIDER=http` needs its URL everywhere (never a silent fall-back to a simulator); production
 * needs every secret, refuses published or trivial ones, and runs only the simulators it names.
 */
export function configProblems(config: Config): string[] {
  const problems: string[] = [];
  const { exchange, identity, sms } = config;
  type Endpoint = { provider: string; url?: string; token?: string };
  const interfaces: Array<{ at?: Endpoint; provider: string; url: string; token: string }> = [
    { at: sms, provider: 'SMS_PROVIDER', url: 'SMS_HTTP_URL', token: 'SMS_HTTP_TOKEN' },
    {
      at: identity.realName,
      provider: 'REAL_NAME_PROVIDER',
      url: 'REAL_NAME_URL',
      token: 'REAL_NAME_TOKEN',
    },
    {
      at: exchange.city,
      provider: 'CITY_PLATFORM_PROVIDER',
      url: 'CITY_PLATFORM_URL',
      token: 'CITY_PLATFORM_TOKEN',
    },
    {
      at: exchange.finance,
      provider: 'FINANCE_PROVIDER',
      url: 'FINANCE_URL',
      token: 'FINANCE_TOKEN',
    },
    {
      at: exchange.education,
      provider: 'EDUCATION_RECORD_PROVIDER',
      url: 'EDUCATION_RECORD_URL',
      token: 'EDUCATION_RECORD_TOKEN',
    },
  ];
  const http = interfaces.filter((i) => i.at?.provider === 'http');
  for (const i of http) {
    if (!i.at?.url)
      problems.push(`${i.url}: ${i.provider}=http 时必须设置接口地址（不会改用模拟器）`);
  }
  const secret = exchange.finance.callbackSecret;
  if (exchange.finance.provider === 'http' && !secret) {
    problems.push(
      'FINANCE_CALLBACK_SECRET: FINANCE_PROVIDER=http 时必须设置财政缴费回调的签名密钥',
    );
  }
  if (secret !== undefined && PUBLISHED_SECRETS.has(secret)) {
    problems.push(
      'FINANCE_CALLBACK_SECRET: 不得使用源代码中公开过的默认值，任何人都能用它伪造缴费回调',
    );
  }
  if (!config.isProduction) return problems;

  const master = config.keys.masterKeyHex;
  if (!master) problems.push('KAOLU_MASTER_KEY: 生产环境必须设置主密钥');
  else if (/^(.)\1*$/i.test(master))
    problems.push('KAOLU_MASTER_KEY: 不得使用全零等由单一字符组成的默认主密钥');
  if (!secret && exchange.finance.provider !== 'http') {
    problems.push(
      'FINANCE_CALLBACK_SECRET: 生产环境必须设置财政缴费回调的签名密钥（使用模拟器时也是）',
    );
  }
  for (const i of http) {
    if (!i.at?.token) problems.push(`${i.token}: 生产环境 ${i.provider}=http 时必须设置接口令牌`);
  }
  for (const name of simulatorsInUse(config)) {
    if (config.allowSimulators.includes(name)) continue;
    problems.push(
      `${PROVIDER_VARIABLE[name]}: 生产环境不得使用${SIMULATOR_LABEL[name]}；` +
        `请配置真实接口，确需使用时在 ALLOW_SIMULATORS 中列出 ${name}`,
    );
  }
  return problems;
}

function fromEnv(e: z.infer<typeof EnvSchema>, env: NodeJS.ProcessEnv): Config {
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

/** Config for tests: in-memory database unless overridden, quiet logs, no demo data. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  // Each test process gets its own data folder (development key ring) outside the repository.
  const dataDir = path.join(os.tmpdir(), `kaolu-test-${process.pid}`);
  const base = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    JOBS_ENABLED: 'false',
    DATA_DIR: dataDir,
  });
  return { ...base, ...overrides };
}
