export * from './errors';
export * from './enums';
export * from './common';
export * from './system';
export * from './permissions';
export * from './audit';
export * from './roles';
export * from './identity';
// recruitment events, brochures, notices and REG-01 lists
export * from './event-policy';
export * from './events';
export * from './event-comparison';
export * from './position-conditions';
export * from './positions';
export * from './brochures';
export * from './units';
export * from './excel-import';
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
export * from './interview-lists';
export * from './composite-scores';
export * from './adjustment-rounds';
export * from './interview-list-views';
export * from './interview-arrangement';
export * from './applications';
export * from './review';
export * from './personal-data';
// problem center 报名问题处理中心 (ONL-01)
export * from './problems';
export * from './problem-guidance';
export * from './interview-setup';
// interview check-in, candidate draw, external examiners (IVW-05, IVW-06, INT-09a)
export * from './interview-checkin';
// interview scoring on the venue tablet (IVW-08, IVW-10)
export * from './interview-scoring';
export * from './candidate-draws';
export * from './examiner-dispatch';
// interview monitoring, exports and psych-test results (IVW-09, INT-09b, INT-09c)
export * from './interview-reports';
// physical exam, re-check and hospital change requests (§7, REG-04, INT-09g)
export * from './physical-exam';
export * from './grant-scopes';
