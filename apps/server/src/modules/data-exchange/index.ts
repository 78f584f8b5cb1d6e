// Public face of the data-exchange module (NFR-EXC-1, REG-11): adapters, simulators, log.
import { defineModule } from '../../platform/modules/module-registry';
import { createDataExchange, type DataExchange } from './data-exchange.service';
import { createEducationRecords } from './education-record.service';
import type { EducationRecordsSimulator } from './education-record.simulator';
import type { EducationRecords } from './education-record.types';
import { registerInterfaceLogRoutes } from './interface-log.routes';

export {
  createDataExchange,
  isExchangeUnavailable,
  type DataExchange,
  type DataExchangeDeps,
} from './data-exchange.service';
export {
  ExchangeUnavailableError,
  type CityPlatform,
  type FinanceGateway,
  type HukouAnswer,
  type PermitPointsAnswer,
  type PermitValidityAnswer,
  type RealNameVerifier,
} from './data-exchange.types';
export {
  deriveSimulatedPerson,
  type CityPlatformSimulator,
  type SimulatedPerson,
} from './city-platform.simulator';
export { signPaymentCallback, verifyPaymentCallback, type CallbackFields } from './finance';
export { registerInterfaceLogRoutes } from './interface-log.routes';
export { findInterfaceLogs } from './interface-log.repository';
// national education-record interface 学信 (INT-09e)
export { createEducationRecords, type EducationExchangeConfig } from './education-record.service';
export type {
  EducationRecord,
  EducationRecordAnswer,
  EducationRecords,
} from './education-record.types';
export type { EducationRecordsSimulator } from './education-record.simulator';

/** The exchange adapters plus the 学信 interface; `educationSimulator` is present when it is simulated. */
export type DataExchangeModuleService = DataExchange & {
  education: EducationRecords;
  educationSimulator?: EducationRecordsSimulator;
};

export const dataExchangeModule = defineModule({
  name: 'data-exchange',
  dependsOn: [],
  create({ config, db, log }): DataExchangeModuleService {
    const onLogError = (error: unknown) => log.error({ err: error }, '接口日志写入失败');
    const exchange = createDataExchange({
      db,
      exchange: config.exchange,
      realNameConfig: config.identity.realName,
      isProduction: config.isProduction,
      onLogError,
    });
    const x = config.exchange;
    const { education, simulator } = createEducationRecords({
      db,
      onLogError,
      config: {
        provider: x.education?.provider ?? 'simulator',
        url: x.education?.url,
        token: x.education?.token,
        timeoutMs: x.timeoutMs,
        retries: x.retries,
      },
    });
    return { ...exchange, education, educationSimulator: simulator };
  },
  routes(app, _exchange, { db }) {
    registerInterfaceLogRoutes(app, { db });
  },
});
