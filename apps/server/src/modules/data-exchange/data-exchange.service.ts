import { randomBytes } from 'node:crypto';
import type { ExchangeAdapter } from '@kaolu/contracts';
import type { ExchangeConfig, IdentityConfig } from '../../config';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import { maskIdNumber, maskName } from '../../platform/masking';
import type { RealNameVerifier } from './data-exchange.types';
import { createCircuitBreaker } from './circuit-breaker';
import { createCityPlatformSimulator, type CityPlatformSimulator } from './city-platform.simulator';
import { createHttpCityPlatform, type TrackedCityPlatform } from './city-platform.http';
import {
  ExchangeUnavailableError,
  type CityPlatform,
  type FinanceGateway,
} from './data-exchange.types';
import { createFinanceSimulator, createHttpFinance, type TrackedFinance } from './finance';
import { createInterfaceLogger, type InterfaceLogger } from './interface-log';
import { createResilientHttpClient } from './resilient-http-client';

export type DataExchange = {
  city: CityPlatform;
  finance: FinanceGateway;
  /** The real-name interface in the identity module's shape, logged like the others. */
  realName: RealNameVerifier;
  /**
   * Shared secret of signed payment callbacks (REG-11): FINANCE_CALLBACK_SECRET, or outside production
   * a random one per process; whoever signs (the simulate route, tests) must read it from here.
   */
  callbackSecret: string;
  /** Present when the simulators answer: tests and demos steer them (people, outages). */
  simulators: { city?: CityPlatformSimulator; finance?: ReturnType<typeof createFinanceSimulator> };
};

export type DataExchangeDeps = {
  db: Db;
  exchange: ExchangeConfig;
  realNameConfig: IdentityConfig['realName'];
  isProduction: boolean;
  onLogError?: (error: unknown) => void;
};

const tracked = <T>(value: Promise<T>) => value.then((v) => ({ value: v }));

/**
 * Builds the city platform and finance adapters from configuration: `provider: 'http'` uses its URL
 * (a missing one is an error, never a fall-back to the simulator), otherwise the simulator.
 * loadConfig has already refused what production may not run; the throws here guard configs built in code.
 */
export function createDataExchange(deps: DataExchangeDeps): DataExchange {
  const { exchange } = deps;
  const urlOf = (endpoint: { provider: string; url?: string }, variable: string) => {
    if (endpoint.provider !== 'http') return undefined;
    if (!endpoint.url) throw new Error(`${variable} is required when the provider is http`);
    return endpoint.url;
  };
  const clientFor = (url: string, token?: string) =>
    createResilientHttpClient({
      baseUrl: url,
      token,
      timeoutMs: exchange.timeoutMs,
      retries: exchange.retries,
      breaker: createCircuitBreaker(),
    });

  const cityHttp = urlOf(exchange.city, 'CITY_PLATFORM_URL');
  const citySimulator = cityHttp ? undefined : createCityPlatformSimulator();
  const cityRaw: TrackedCityPlatform = cityHttp
    ? createHttpCityPlatform(clientFor(cityHttp, exchange.city.token))
    : {
        checkHukou: (q) => tracked(citySimulator!.checkHukou(q)),
        checkPermitValidity: (q) => tracked(citySimulator!.checkPermitValidity(q)),
        getPermitPoints: (q) => tracked(citySimulator!.getPermitPoints(q)),
        verifyRealName: (q) => tracked(citySimulator!.verifyRealName(q)),
      };
  const cityLog = createInterfaceLogger(deps.db, cityHttp ? 'http' : 'simulator', deps.onLogError);
  const byId = (adapter: ExchangeAdapter, operation: string, idNumber: string) => ({
    adapter,
    operation,
    subjectMasked: maskIdNumber(idNumber),
  });
  const city: CityPlatform = {
    checkHukou: (q) =>
      cityLog.track(byId('hukou', 'checkHukou', q.idNumber), () => cityRaw.checkHukou(q)),
    checkPermitValidity: (q) =>
      cityLog.track(byId('permit_validity', 'checkPermitValidity', q.idNumber), () =>
        cityRaw.checkPermitValidity(q),
      ),
    getPermitPoints: (q) =>
      cityLog.track(byId('permit_points', 'getPermitPoints', q.idNumber), () =>
        cityRaw.getPermitPoints(q),
      ),
    verifyRealName: (q) =>
      cityLog.track(byId('real_name', 'verifyRealName', q.idNumber), () =>
        cityRaw.verifyRealName(q),
      ),
  };

  // Real name may have its own endpoint (REAL_NAME_URL); otherwise it rides the city platform.
  const realNameHttp = urlOf(deps.realNameConfig, 'REAL_NAME_URL');
  const realNameRaw = realNameHttp
    ? createHttpCityPlatform(clientFor(realNameHttp, deps.realNameConfig.token))
    : cityRaw;
  const realName: RealNameVerifier = {
    async verify(input) {
      try {
        return await cityLog.track(byId('real_name', 'verifyRealName', input.idNumber), () =>
          realNameRaw.verifyRealName(input),
        );
      } catch (error) {
        throw new AppError('IDENTITY.REAL_NAME_UNAVAILABLE', { cause: error });
      }
    },
  };

  const financeHttp = urlOf(exchange.finance, 'FINANCE_URL');
  // A secret only the finance system and this server know; production never makes one up (REG-11).
  if ((financeHttp || deps.isProduction) && !exchange.finance.callbackSecret) {
    throw new Error(
      'FINANCE_CALLBACK_SECRET is required in production and when FINANCE_PROVIDER=http',
    );
  }
  // Outside production the simulator signs its own callbacks in process, so a random secret is enough.
  const callbackSecret = exchange.finance.callbackSecret ?? randomBytes(32).toString('hex');
  const financeSimulator = financeHttp ? undefined : createFinanceSimulator();
  const financeRaw: TrackedFinance = financeHttp
    ? createHttpFinance(clientFor(financeHttp, exchange.finance.token))
    : {
        issueNotice: (r) => tracked(financeSimulator!.issueNotice(r)),
        issueRefund: (r) => tracked(financeSimulator!.issueRefund(r)),
      };
  const financeLog: InterfaceLogger = createInterfaceLogger(
    deps.db,
    financeHttp ? 'http' : 'simulator',
    deps.onLogError,
  );
  const finance: FinanceGateway = {
    issueNotice: (r) =>
      financeLog.track(
        { adapter: 'finance', operation: 'issueNotice', subjectMasked: maskName(r.payerName) },
        () => financeRaw.issueNotice(r),
      ),
    issueRefund: (r) =>
      financeLog.track(
        { adapter: 'finance', operation: 'issueRefund', subjectMasked: r.noticeNumber },
        () => financeRaw.issueRefund(r),
      ),
  };

  return {
    city,
    finance,
    realName,
    callbackSecret,
    simulators: { city: citySimulator, finance: financeSimulator },
  };
}

/** True when an error means "the platform could not answer" (→ 待核验), not a business refusal. */
export function isExchangeUnavailable(error: unknown): error is ExchangeUnavailableError {
  return error instanceof ExchangeUnavailableError;
}
