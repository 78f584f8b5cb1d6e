// Public face of the interview system 面试系统 (IVW-01 … IVW-07): setup, imports, arrangement and
// check-in of one interview event. Each part adds its service to the object below and its routes
// to the routes call; the reads other parts build on are exported as query functions.
import { defineModule } from '../../platform/modules/module-registry';
import { registerImportRoutes } from './import.routes';
import { createInterviewImports } from './import.service';
import { createSetupBrowse } from './setup-browse.service';
import { createSetupEvents } from './setup-events.service';
import { createSetupPlaces } from './setup-places.service';
import { registerSetupRoutes } from './setup.routes';

export {
  groupsOfSession,
  examinersOf,
  examinerNameOf,
  candidatesOfGroup,
  type SessionGroup,
  type EventExaminer,
  type GroupCandidate,
} from './setup-queries';
// The scope rule every interview part checks its callers with (NFR-SEC-1, IVW-05).
export { interviewScopeAllows, assertInterviewScope, type InterviewPlace } from './setup-scope';

export const interviewsModule = defineModule({
  name: 'interviews',
  dependsOn: ['events', 'units', 'candidates', 'positions', 'tickets', 'interview-lists'],
  create: ({ db, audit, crypto, clock }) => {
    const deps = { db, audit, crypto, now: () => clock.now() };
    return {
      // Setup (IVW-01), imports (IVW-02) and browse (IVW-03).
      setup: {
        events: createSetupEvents(deps),
        places: createSetupPlaces(deps),
        imports: createInterviewImports(deps),
        browse: createSetupBrowse(deps),
      },
    };
  },
  // The setup part's routes; the arrangement and check-in parts add their own calls here.
  // The setup part's routes; the arrangement and check-in parts add their own calls here.
  routes: (app, service) => {
    registerSetupRoutes(app, service.setup);
    registerImportRoutes(app, service.setup);
  },
});

export type InterviewsService = ReturnType<typeof interviewsModule.create>;
