// Public face of the exam-registration module (issue 7): the service, its routes and status helpers.
export { createRegistrationsService, RECHECK_JOB, type RegistrationsService } from './registrations.service';
export { registerRegistrationRoutes } from './registrations.routes';
export { findCandidateRegistrations } from './registrations.queries';
export { REGISTRATION_TRANSITIONS, assertRegistrationTransition, transitionRegistration, addTimeline } from './registration-status';
export { DEFAULT_EXAM_ELIGIBILITY, type ExamEligibility } from './exam-requirements';
export { examRegistration, registrationTimeline } from './registration.table';
export { lookUpResidence, type ResidenceLookup } from './registration-checks';
export { countRegistrationFigures, type RegistrationFigures } from './registration-figures';
