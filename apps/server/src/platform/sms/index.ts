// Public face of the SMS platform (REG-06): every module sends through the gateway.
export { createSmsGateway, type SmsGateway, type SmsSendInput } from './sms-gateway';
export { createHttpSmsProvider, createOutboxProvider, type SmsProvider } from './sms-providers';
export { registerSmsRoutes } from './sms.routes';
