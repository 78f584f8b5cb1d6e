// Public face of the interview system 面试系统 (IVW-01 … IVW-07): setup, imports, arrangement and
// check-in of one interview event. Each part adds its service to the object below and its routes
// to the routes call; the reads other parts build on are exported as query functions.
import type { Db } from '../../db/client';
import type { DrawService } from '../../platform/draws';
import { defineModule } from '../../platform/modules/module-registry';
import { createPublicDraws } from './arrangement-public';
import { registerArrangementRoutes } from './arrangement-routes';
import { createArrangementService } from './arrangement-service';
import { createExaminerCheckin } from './examiner-checkin';
import { runExaminerDraw } from './examiner-draw';
import { registerImportRoutes } from './import.routes';
import { createInterviewImports } from './import.service';
import { createSetupBrowse } from './setup-browse.service';
import { createSetupEvents } from './setup-events.service';
import { createSetupPlaces } from './setup-places.service';
import { registerSetupRoutes } from './setup.routes';
import { registerCandidateDrawRoutes } from './candidate-draw.routes';
import { createCandidateDrawService } from './candidate-draw.service';
import { createCheckinDesks } from './checkin-desk.service';
import { createDeskEvents } from './checkin-events';
import { registerDeskEventRoutes } from './checkin-events.routes';
import { registerCheckinRoutes } from './checkin.routes';
import { createCheckinService } from './checkin.service';
import { registerDispatchRoutes } from './dispatch.routes';
import { createDispatchService } from './dispatch.service';

export {
  groupsOfSession,
  examinersOf,
  examinerNameOf,
  candidatesOfGroup,
  type SessionGroup,
  type EventExaminer,
  type GroupCandidate,
} from './setup-queries';
// Reads interview scoring builds on (IVW-08, IVW-10): seats, a group's panel, its candidates.
export {
  groupPanelOf,
  seatsOfStaffUser,
  sessionCandidatesOf,
  interviewCandidateOf,
  interviewCandidatesByIdOf,
  sessionsByIdOf,
  examinerAccountOf,
  moveCandidateToSession,
  linkExaminerAccount,
  type GroupPanel,
  type Seat,
  type SessionCandidate,
} from './scoring-reads';
export { findInterviewPlaceChoices, type InterviewPlaceChoices } from './grant-places.queries';
// The scope rule every interview part checks its callers with (NFR-SEC-1, IVW-05).
export { interviewScopeAllows, assertInterviewScope, type InterviewPlace } from './setup-scope';
export { runExaminerDraw, type ExaminerDrawResult } from './examiner-draw';
export { createPublicDraws, type PublicDraws, type DrawSummarizer } from './arrangement-public';
// Reads and the psych-results import of the reporting module (IVW-09, INT-09b, INT-09c).
export {
  reportEventsOf,
  sessionProgressOf,
  reportSessionOf,
  reportCandidatesOf,
  seatsOf,
  psychOfCandidates,
  groupIndicatorsOf,
  type ReportEvent,
  type SessionGroupProgress,
  type ReportCandidate,
  type ReportIndicator,
} from './report-reads';
export { importPsychResults, psychTemplate, PSYCH_TEMPLATE_FIELDS } from './psych-import';

/**
 * Registers the interview draws' replayers and returns the public draw record (REG-08): what the
 * module does when it is built, and what the draw-replay CLI does against the same database.
 */
export function createInterviewDrawReplay(deps: { db: Db; draws: DrawService }) {
  // Examiner draws replay from their recorded input and seed (IVW-04).
  deps.draws.registerReplayer('examiners', runExaminerDraw);
  return createPublicDraws(deps);
}

export const interviewsModule = defineModule({
  name: 'interviews',
  dependsOn: [
    'events',
    'units',
    'candidates',
    'positions',
    'tickets',
    'interview-lists',
    'profiles',
  ],
  create: ({ db, audit, crypto, draws, clock }) => {
    const now = () => clock.now();
    const deps = { db, audit, crypto, now };
    return {
      // Setup (IVW-01), imports (IVW-02) and browse (IVW-03).
      setup: {
        events: createSetupEvents(deps),
        places: createSetupPlaces(deps),
        imports: createInterviewImports(deps),
        browse: createSetupBrowse(deps),
      },
      // Examiner arrangement and check-in (IVW-04, IVW-07), the public draw record (REG-08).
      arrangement: createArrangementService({ db, audit, crypto, draws, now }),
      examinerCheckIn: createExaminerCheckin({ db, audit, crypto, now }),
      publicDraws: createInterviewDrawReplay({ db, draws }),
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
  routes: (app, service) => {
    registerSetupRoutes(app, service.setup);
    registerImportRoutes(app, service.setup);
    registerArrangementRoutes(app, {
      arrangement: service.arrangement,
      checkIn: service.examinerCheckIn,
      publicDraws: service.publicDraws,
    });
    registerDeskEventRoutes(app, service.deskEvents);
    registerCheckinRoutes(app, service.checkin, service.checkinDesks);
    registerCandidateDrawRoutes(app, service.candidateDraws);
    registerDispatchRoutes(app, service.dispatch);
  },
});

export type InterviewsService = ReturnType<typeof interviewsModule.create>;
