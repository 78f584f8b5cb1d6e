// Public face of the data-exchange module (issue 7, NFR-EXC-1, REG-11): adapters, simulators, log.
export { createDataExchange, isExchangeUnavailable, type DataExchange, type DataExchangeDeps } from './data-exchange.service';
export {
  ExchangeUnavailableError,
  type CityPlatform,
  type FinanceGateway,
  type HukouAnswer,
  type PermitPointsAnswer,
  type PermitValidityAnswer,
} from './data-exchange.types';
export { deriveSimulatedPerson, type CityPlatformSimulator, type SimulatedPerson } from './city-platform.simulator';
export { signPaymentCallback, verifyPaymentCallback, type CallbackFields } from './finance';
export { interfaceLog } from './interface-log.table';
export { registerInterfaceLogRoutes, findInterfaceLogs } from './interface-log.routes';
// national education-record interface 学信 (issue 8, INT-09e)
export { createEducationRecords, type EducationExchangeConfig } from './education-record.service';
export type { EducationRecord, EducationRecordAnswer, EducationRecords } from './education-record.types';
export type { EducationRecordsSimulator } from './education-record.simulator';
