// Public face of the interview system 面试系统 (IVW-01 … IVW-07): setup, imports, arrangement and
// check-in of one interview event. The service grows with the setup, draw and check-in use cases.
import { defineModule } from '../../platform/modules/module-registry';
import { registerCandidateDrawRoutes } from './candidate-draw.routes';
import { createCandidateDrawService } from './candidate-draw.service';
import { createCheckinDesks } from './checkin-desk.service';
import { createDeskEvents } from './checkin-events';
import { registerDeskEventRoutes } from './checkin-events.routes';
import { registerCheckinRoutes } from './checkin.routes';
import { createCheckinService } from './checkin.service';
import { registerDispatchRoutes } from './dispatch.routes';
import { createDispatchService } from './dispatch.service';

export const interviewsModule = defineModule({
  name: 'interviews',
  dependsOn: ['events', 'units', 'candidates', 'profiles'],
  create: ({ db, crypto, audit, clock, draws }) => {
    // "Now" always from the injected clock (tests and replays control it).
    const now = () => clock.now();
    return {
      // Candidate check-in and its reader-bridge desks (IVW-05).
      checkin: createCheckinService({ db, crypto, audit, now }),
      checkinDesks: createCheckinDesks({ db, crypto, audit, now }),
      deskEvents: createDeskEvents({ db }),
      // Candidate draw on the verifiable draws (IVW-06), replayer kind 'candidates'.
      candidateDraws: createCandidateDrawService({ db, crypto, audit, draws }),
      // External examiners of a recruitment event (INT-09a).
      dispatch: createDispatchService({ db, crypto, audit, now }),
    };
  },
  // Each part registers its own routes file; the setup and arrangement parts add theirs here.
  routes: (app, s) => {
    registerDeskEventRoutes(app, s.deskEvents);
    registerCheckinRoutes(app, s.checkin, s.checkinDesks);
    registerCandidateDrawRoutes(app, s.candidateDraws);
    registerDispatchRoutes(app, s.dispatch);
  },
});
