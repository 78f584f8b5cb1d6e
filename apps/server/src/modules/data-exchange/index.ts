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
