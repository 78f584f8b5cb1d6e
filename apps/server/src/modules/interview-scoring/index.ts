// Public face of interview scoring 面试评分 (IVW-08, IVW-10, §7): examiner sheets synced from the
// venue tablet, the supervisor's confirmation, withdrawals, and the results handed to composite.
// Reporting modules read the sheets and results through the query functions below.
import { defineModule } from '../../platform/modules/module-registry';
import type { CompositeService } from '../composite';
import { registerScoringRoutes } from './scoring.routes';
import { createInterviewScoring } from './scoring.service';

export {
  sheetStatesOf,
  resultStatesOf,
  type ScoringPlace,
  type SheetState,
  type ResultState,
} from './scoring-queries';

export const interviewScoringModule = defineModule({
  name: 'interview-scoring',
  // The interview system's setup and arrangement, and composite, where results are handed over.
  dependsOn: ['interviews', 'composite'],
  create: ({ db, audit, crypto, sms, clock, log }, deps: { composite: CompositeService }) =>
    createInterviewScoring({
      db,
      audit,
      crypto,
      sms,
      now: () => clock.now(),
      composite: deps.composite,
      warn: (message, details) => log.warn(details, message),
    }),
  routes: (app, service) => registerScoringRoutes(app, service),
});

export type { InterviewScoringService } from './scoring.service';
