import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, SIMULATOR_NAMES, simulatorsInUse } from './config';
import { generateMasterKeyHex } from './platform/crypto';

// The secret simulator callbacks were once signed with, published in the source (REG-11).
const PUBLISHED_CALLBACK_SECRET = 'kaolu-finance-simulator-callback';

/** A production environment that passes: every interface real, every secret set. */
function productionEnv(changes: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'production',
    KAOLU_MASTER_KEY: generateMasterKeyHex(),
    FINANCE_PROVIDER: 'http',
    FINANCE_URL: 'https://finance.example.gov.cn/api',
    FINANCE_TOKEN: 'finance-token',
    FINANCE_CALLBACK_SECRET: 'a-secret-only-finance-and-kaolu-know',
    CITY_PLATFORM_PROVIDER: 'http',
    CITY_PLATFORM_URL: 'https://share.example.gov.cn/api',
    CITY_PLATFORM_TOKEN: 'city-token',
    EDUCATION_RECORD_PROVIDER: 'http',
    EDUCATION_RECORD_URL: 'https://chsi.example.cn/api',
    EDUCATION_RECORD_TOKEN: 'education-token',
    SMS_PROVIDER: 'http',
    SMS_HTTP_URL: 'https://sms.example.cn/send',
    SMS_HTTP_TOKEN: 'sms-token',
    ...changes,
  };
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
}

/** The ConfigError message loadConfig throws for `env` (fails the test when it loads). */
function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('loadConfig accepted the configuration');
}

const REAL_NAME_HTTP = {
  REAL_NAME_PROVIDER: 'http',
  REAL_NAME_URL: 'https://rn.example.gov.cn/api',
  REAL_NAME_TOKEN: 'rn-token',
};

// Each simulator, how to switch it on, and the variable the refusal must name.
const SIMULATORS = [
  { name: 'finance', variable: 'FINANCE_PROVIDER', env: { FINANCE_PROVIDER: 'simulator' } },
  // With its own real-name endpoint, so only the city platform is simulated.
  {
    name: 'city',
    variable: 'CITY_PLATFORM_PROVIDER',
    env: { CITY_PLATFORM_PROVIDER: 'simulator', ...REAL_NAME_HTTP },
  },
  {
    name: 'education',
    variable: 'EDUCATION_RECORD_PROVIDER',
    env: { EDUCATION_RECORD_PROVIDER: 'simulator' },
  },
  { name: 'sms_outbox', variable: 'SMS_PROVIDER', env: { SMS_PROVIDER: 'outbox' } },
  // Real name rides the city platform unless REAL_NAME_PROVIDER=http: simulated when the city platform is.
  {
    name: 'real_name',
    variable: 'REAL_NAME_PROVIDER',
    env: { CITY_PLATFORM_PROVIDER: 'simulator', ALLOW_SIMULATORS: 'city' },
  },
] as const;

describe('configuration rules for production (REG-11, NFR-SEC-1/2, NFR-EXC-1)', () => {
  it('accepts a production environment with every interface real and every secret set', () => {
    const config = loadConfig(productionEnv());
    expect(config.isProduction).toBe(true);
    expect(simulatorsInUse(config)).toEqual([]);
    // 3000 demo candidates must never appear in a production database by omission.
    expect(config.seed.enabled).toBe(false);
    expect(loadConfig(productionEnv({ SEED_DEMO: 'true' })).seed.enabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).seed.enabled).toBe(true);
  });

  it.each(SIMULATORS)(
    'refuses the $name simulator in production unless ALLOW_SIMULATORS names it',
    (s) => {
      const message = refusal(productionEnv(s.env));
      expect(message).toContain(`${s.variable}: 生产环境不得使用`);
      expect(message).toContain(`ALLOW_SIMULATORS 中列出 ${s.name}`);

      const allowed = 'ALLOW_SIMULATORS' in s.env ? `${s.env.ALLOW_SIMULATORS},${s.name}` : s.name;
      const config = loadConfig(productionEnv({ ...s.env, ALLOW_SIMULATORS: allowed }));
      expect(simulatorsInUse(config)).toContain(s.name);
    },
  );

  it('does not count REAL_NAME_PROVIDER=simulator as a simulator when the city platform is real', () => {
    const config = loadConfig(productionEnv({ REAL_NAME_PROVIDER: 'simulator' }));
    expect(simulatorsInUse(config)).not.toContain('real_name');
  });

  it('with the defaults lists every simulator, each with its variable, in one error', () => {
    const defaults = {
      NODE_ENV: 'production',
      KAOLU_MASTER_KEY: generateMasterKeyHex(),
      FINANCE_CALLBACK_SECRET: 'x'.repeat(24),
    };
    const message = refusal(defaults);
    for (const s of SIMULATORS) expect(message).toContain(`${s.variable}: 生产环境不得使用`);
    const all = loadConfig({ ...defaults, ALLOW_SIMULATORS: SIMULATOR_NAMES.join(',') });
    expect(simulatorsInUse(all)).toEqual([...SIMULATOR_NAMES]);
  });

  it('refuses an unknown name in ALLOW_SIMULATORS', () => {
    expect(refusal(productionEnv({ ALLOW_SIMULATORS: 'finance,bank' }))).toContain(
      'ALLOW_SIMULATORS',
    );
  });

  it('requires FINANCE_CALLBACK_SECRET in production even with the finance simulator allowed', () => {
    const env = {
      FINANCE_PROVIDER: 'simulator',
      ALLOW_SIMULATORS: 'finance',
      FINANCE_CALLBACK_SECRET: undefined,
    };
    const message = refusal(productionEnv(env));
    expect(message).toContain('FINANCE_CALLBACK_SECRET: 生产环境必须设置');
  });

  it('lists a missing secret and a refused simulator together', () => {
    const message = refusal(
      productionEnv({ FINANCE_PROVIDER: 'simulator', FINANCE_CALLBACK_SECRET: undefined }),
    );
    expect(message).toContain('FINANCE_CALLBACK_SECRET: 生产环境必须设置');
    expect(message).toContain('FINANCE_PROVIDER: 生产环境不得使用');
  });

  it('refuses the published simulator secret and an all-zero master key, both in one error', () => {
    const env = {
      FINANCE_CALLBACK_SECRET: PUBLISHED_CALLBACK_SECRET,
      KAOLU_MASTER_KEY: '0'.repeat(64),
    };
    const message = refusal(productionEnv(env));
    expect(message).toContain('FINANCE_CALLBACK_SECRET: 不得使用源代码中公开过的默认值');
    expect(message).toContain('KAOLU_MASTER_KEY: 不得使用全零');
  });

  it('refuses the published simulator secret outside production too', () => {
    const message = refusal({
      NODE_ENV: 'development',
      FINANCE_CALLBACK_SECRET: PUBLISHED_CALLBACK_SECRET,
    });
    expect(message).toContain('FINANCE_CALLBACK_SECRET');
  });

  it('requires KAOLU_MASTER_KEY in production', () => {
    const message = refusal(productionEnv({ KAOLU_MASTER_KEY: undefined }));
    expect(message).toContain('KAOLU_MASTER_KEY: 生产环境必须设置主密钥');
  });

  it('requires the token of every http interface in production, listing each', () => {
    const message = refusal(productionEnv({ SMS_HTTP_TOKEN: undefined, FINANCE_TOKEN: undefined }));
    expect(message).toContain('SMS_HTTP_TOKEN: 生产环境 SMS_PROVIDER=http 时必须设置接口令牌');
    expect(message).toContain('FINANCE_TOKEN: 生产环境 FINANCE_PROVIDER=http 时必须设置接口令牌');
  });
});

describe('http providers need their URL in every environment (no silent simulator)', () => {
  it.each(['development', 'test', 'production'])(
    'refuses FINANCE_PROVIDER=http without FINANCE_URL (%s)',
    (env) => {
      const base =
        env === 'production'
          ? productionEnv({ FINANCE_URL: undefined })
          : { NODE_ENV: env, FINANCE_PROVIDER: 'http', FINANCE_CALLBACK_SECRET: 'y'.repeat(24) };
      expect(refusal(base)).toContain('FINANCE_URL: FINANCE_PROVIDER=http 时必须设置接口地址');
    },
  );

  it('refuses FINANCE_PROVIDER=http without FINANCE_CALLBACK_SECRET outside production too', () => {
    const env = {
      NODE_ENV: 'development',
      FINANCE_PROVIDER: 'http',
      FINANCE_URL: 'https://finance.example.gov.cn/',
    };
    const message = refusal(env);
    expect(message).toContain('FINANCE_CALLBACK_SECRET: FINANCE_PROVIDER=http 时必须设置');
  });

  it('refuses each other http provider without its URL, all in one error', () => {
    const message = refusal({
      NODE_ENV: 'development',
      SMS_PROVIDER: 'http',
      CITY_PLATFORM_PROVIDER: 'http',
      REAL_NAME_PROVIDER: 'http',
      EDUCATION_RECORD_PROVIDER: 'http',
    });
    for (const v of [
      'SMS_HTTP_URL',
      'CITY_PLATFORM_URL',
      'REAL_NAME_URL',
      'EDUCATION_RECORD_URL',
    ]) {
      expect(message).toContain(`${v}: `);
    }
  });

  it('keeps the development defaults: every simulator, no secret needed', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect(simulatorsInUse(config)).toEqual([...SIMULATOR_NAMES]);
    expect(config.exchange.finance.callbackSecret).toBeUndefined();
  });
});
