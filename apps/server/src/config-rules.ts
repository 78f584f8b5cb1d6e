import type { Config } from './config';
import type { SimulatorName } from './config-env';

// Rules across variables that one field's schema cannot state; loadConfig and buildApp both apply
// them, so a Config built in code is held to the same rules as one read from the environment.

// Secrets that were ever written in the source: anyone who read it could sign with them (REG-11).
const PUBLISHED_SECRETS = new Set(['kaolu-finance-simulator-callback']);

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
