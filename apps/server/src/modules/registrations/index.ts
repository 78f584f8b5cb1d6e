// Public face of the exam-registration module: the service, read-only queries and status rules.
import { defineModule } from '../../platform/modules/module-registry';
import type { DataExchange } from '../data-exchange';
import type { EventsModuleService } from '../events';
import type { ProfilesService } from '../profiles';
import { countRegistrationFigures } from './registration-figures';
import { registerRegistrationRoutes } from './registrations.routes';
import { createRegistrationsService } from './registrations.service';

export {
  createRegistrationsService,
  RECHECK_JOB,
  type RegistrationsService,
  type RegistrationFees,
} from './registrations.service';
export {
  findCandidateRegistrations,
  registrationStatusOf,
  isRegistrationOf,
  activeRegistrationOf,
  examCategoriesOf,
} from './registrations.queries';
export { REGISTRATION_TRANSITIONS, assertRegistrationTransition } from './registration-status';
export { DEFAULT_EXAM_ELIGIBILITY, type ExamEligibility } from './exam-requirements';
export { lookUpResidence, type ResidenceLookup } from './registration-checks';
export {
  appealPathOf,
  type AppealedCheck,
  type ApprovedAppeal,
  type RegistrationAppeals,
} from './registration-appeals';
export {
  findConfirmedRegistrations,
  findRegistrationSummary,
  findConfirmedRegistrationOf,
  type RegistrationSummary,
} from './registration-lookups';
export { confirmedRegistrationIdsOf } from './registration-ids.queries';
export { countRegistrationFigures, type RegistrationFigures } from './registration-figures';
export {
  confirmedRegistrationsOf,
  type ConfirmedRegistration,
} from './confirmed-registrations.queries';

export const registrationsModule = defineModule({
  name: 'registrations',
  dependsOn: ['events', 'lists', 'profiles', 'data-exchange', 'candidates'],
  create(
    platform,
    deps: { events: EventsModuleService; profiles: ProfilesService; 'data-exchange': DataExchange },
  ) {
    // The event comparison (NFR-HIS-1) gets these counts through a hook, avoiding a cycle.
    deps.events.provideFigures({ registrations: countRegistrationFigures });
    const { db, crypto, audit, jobs } = platform;
    return createRegistrationsService({
      db,
      crypto,
      audit,
      jobs,
      exchange: deps['data-exchange'],
      profiles: deps.profiles,
      now: () => platform.clock.now(),
    });
  },
  routes(app, registrations, platform) {
    registerRegistrationRoutes(app, { db: platform.db, crypto: platform.crypto, registrations });
  },
});
