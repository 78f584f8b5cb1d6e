import os from 'node:os';
import path from 'node:path';
import { EnvSchema, type SimulatorName } from './config-env';
import { configFromEnv } from './config-mapping';
import { configProblems } from './config-rules';

// The server's configuration: the Config shape, loadConfig (the only reader of process.env) and the
// test config. The environment schema, the Config mapping and the cross-variable rules live in
// config-env.ts, config-mapping.ts and config-rules.ts; what other files use is exported from here.
export { SIMULATOR_NAMES, type SimulatorName } from './config-env';
export { configProblems, simulatorsInUse } from './config-rules';

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
  const config = configFromEnv(parsed.data, env);
  assertConfigUsable(config);
  return config;
}

/** Throws a ConfigError listing every cross-field problem; buildApp repeats it for configs built in code. */
export function assertConfigUsable(config: Config): void {
  const problems = configProblems(config);
  if (problems.length > 0) throw configError(problems);
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
