export * from './errors';
export * from './enums';
export * from './common';
export * from './system';
export * from './permissions';
export * from './audit';
export * from './roles';
export * from './identity';
// recruitment events, brochures, notices and REG-01 lists
export * from './events';
export * from './positions';
export * from './notices';
export * from './adjustments';
// profile, exam registration, payment, tickets, data exchange
export * from './data-exchange';
export * from './profiles';
export * from './registrations';
export * from './payments';
export * from './tickets';
// written-exam scores, position application and unit review
export * from './scores';
export * from './applications';
export * from './review';
export * from './personal-data';
