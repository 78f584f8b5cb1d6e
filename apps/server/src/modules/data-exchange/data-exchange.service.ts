import type { ExchangeAdapter } from '@kaolu/contracts';
import type { ExchangeConfig, IdentityConfig } from '../../config';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import { maskIdNumber, maskName } from '../../platform/masking';
import type { RealNameVerifier } from './data-exchange.types';
import { createCircuitBreaker } from './circuit-breaker';
import { createCityPlatformSimulator, type CityPlatformSimulator } from './city-platform.simulator';
import { createHttpCityPlatform, type TrackedCityPlatform } from './city-platform.http';
import { ExchangeUnavailableError, type CityPlatform, type FinanceGateway } from './data-exchange.types';
import { createFinanceSimulator, createHttpFinance, type TrackedFinance } from './finance';
import { createInterfaceLogger, type InterfaceLogger } from './interface-log';
import { createResilientHttpClient } from './resilient-http-client';

// Only for the simulator: a real finance system shares its own secret through FINANCE_CALLBACK_SECRET.
const SIMULATOR_CALLBACK_SECRET = 'kaolu-finance-simulator-callback';

export type DataExchange = {
  city: CityPlatform;
  finance: FinanceGateway;
  /** The real-name interface in the identity module's shape, logged like the others. */
  realName: RealNameVerifier;
  /** Shared secret of signed payment callbacks (REG-11). */
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

/** Builds the city platform and finance adapters from configuration: simulators unless URLs are set. */
export function createDataExchange(deps: DataExchangeDeps): DataExchange {
  const { exchange } = deps;
  const clientFor = (url: string, token?: string) =>
    createResilientHttpClient({ baseUrl: url, token, timeoutMs: exchange.timeoutMs, retries: exchange.retries, breaker: createCircuitBreaker() });

  const cityHttp = exchange.city.provider === 'http' && exchange.city.url;
  const citySimulator = cityHttp ? undefined : createCityPlatformSimulator();
  const cityRaw: TrackedCityPlatform = cityHttp
    ? createHttpCityPlatform(clientFor(exchange.city.url!, exchange.city.token))
    : {
        checkHukou: (q) => tracked(citySimulator!.checkHukou(q)),
        checkPermitValidity: (q) => tracked(citySimulator!.checkPermitValidity(q)),
        getPermitPoints: (q) => tracked(citySimulator!.getPermitPoints(q)),
        verifyRealName: (q) => tracked(citySimulator!.verifyRealName(q)),
      };
  const cityLog = createInterfaceLogger(deps.db, cityHttp ? 'http' : 'simulator', deps.onLogError);
  const byId = (adapter: ExchangeAdapter, operation: string, idNumber: string) => ({ adapter, operation, subjectMasked: maskIdNumber(idNumber) });
  const city: CityPlatform = {
    checkHukou: (q) => cityLog.track(byId('hukou', 'checkHukou', q.idNumber), () => cityRaw.checkHukou(q)),
    checkPermitValidity: (q) => cityLog.track(byId('permit_validity', 'checkPermitValidity', q.idNumber), () => cityRaw.checkPermitValidity(q)),
    getPermitPoints: (q) => cityLog.track(byId('permit_points', 'getPermitPoints', q.idNumber), () => cityRaw.getPermitPoints(q)),
    verifyRealName: (q) => cityLog.track(byId('real_name', 'verifyRealName', q.idNumber), () => cityRaw.verifyRealName(q)),
  };

  // Real name may have its own endpoint (REAL_NAME_URL); otherwise it rides the city platform.
  const realNameHttp = deps.realNameConfig.provider === 'http' && deps.realNameConfig.url;
  const realNameRaw = realNameHttp ? createHttpCityPlatform(clientFor(deps.realNameConfig.url!, deps.realNameConfig.token)) : cityRaw;
  const realName: RealNameVerifier = {
    async verify(input) {
      try {
        return await cityLog.track(byId('real_name', 'verifyRealName', input.idNumber), () => realNameRaw.verifyRealName(input));
      } catch (error) {
        throw new AppError('IDENTITY.REAL_NAME_UNAVAILABLE', { cause: error });
      }
    },
  };

  const financeHttp = exchange.finance.provider === 'http' && exchange.finance.url;
  if (financeHttp && !exchange.finance.callbackSecret) throw new Error('FINANCE_CALLBACK_SECRET is required when FINANCE_PROVIDER=http');
  const financeSimulator = financeHttp ? undefined : createFinanceSimulator();
  const financeRaw: TrackedFinance = financeHttp
    ? createHttpFinance(clientFor(exchange.finance.url!, exchange.finance.token))
    : { issueNotice: (r) => tracked(financeSimulator!.issueNotice(r)), issueRefund: (r) => tracked(financeSimulator!.issueRefund(r)) };
  const financeLog: InterfaceLogger = createInterfaceLogger(deps.db, financeHttp ? 'http' : 'simulator', deps.onLogError);
  const finance: FinanceGateway = {
    issueNotice: (r) => financeLog.track({ adapter: 'finance', operation: 'issueNotice', subjectMasked: maskName(r.payerName) }, () => financeRaw.issueNotice(r)),
    issueRefund: (r) => financeLog.track({ adapter: 'finance', operation: 'issueRefund', subjectMasked: r.noticeNumber }, () => financeRaw.issueRefund(r)),
  };

  return {
    city,
    finance,
    realName,
    callbackSecret: exchange.finance.callbackSecret ?? SIMULATOR_CALLBACK_SECRET,
    simulators: { city: citySimulator, finance: financeSimulator },
  };
}

/** True when an error means "the platform could not answer" (→ 待核验), not a business refusal. */
export function isExchangeUnavailable(error: unknown): error is ExchangeUnavailableError {
  return error instanceof ExchangeUnavailableError;
}
