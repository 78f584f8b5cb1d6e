// Public face of the position-application module (ONL-03, §7).
import { defineModule } from '../../platform/modules/module-registry';
import type { DataExchange } from '../data-exchange';
import type { EventsModuleService } from '../events';
import type { ProfilesService } from '../profiles';
import type { ScoresService } from '../scores';
import { countApplicationFigures } from './application-figures';
import { registerApplicationRoutes } from './applications.routes';
import { createApplicationsService } from './applications.service';

export { createApplicationsService, type ApplicationsService } from './applications.service';
export { registerApplicationRoutes } from './applications.routes';
export { approvedApplicationsOf, type ApprovedApplication } from './approved-applications.queries';
// review moves applications through these, inside its own transaction, and writes the timeline.
export {
  APPLICATION_TRANSITIONS,
  assertApplicationTransition,
  transitionApplication,
  addApplicationTimeline,
} from './application-status';
export { assessApplication, requirementsOf, policePostsOf } from './application-assessment';
export {
  findReviewQueue,
  findApplicationById,
  findApplicationsInScope,
  findApplicationTimeline,
  type ApplicationRow,
} from './application-review.queries';
export { countApplicationFigures, type ApplicationFigures } from './application-figures';

/** The module as the registry builds it: after the modules it reads, with the candidate routes. */
export const applicationsModule = defineModule({
  name: 'applications',
  dependsOn: [
    'events',
    'lists',
    'positions',
    'profiles',
    'registrations',
    'scores',
    'data-exchange',
    'units',
    'candidates',
  ],
  create(
    { db, crypto, audit, clock },
    deps: {
      events: EventsModuleService;
      profiles: ProfilesService;
      scores: ScoresService;
      'data-exchange': DataExchange;
    },
  ) {
    // The event comparison (NFR-HIS-1) reads this module's counts through a hook, avoiding a cycle.
    deps.events.provideFigures({ applications: countApplicationFigures });
    return createApplicationsService({
      db,
      crypto,
      audit,
      exchange: deps['data-exchange'],
      profiles: deps.profiles,
      scores: deps.scores,
      now: () => clock.now(),
    });
  },
  routes: (app, applications) => registerApplicationRoutes(app, applications),
});
