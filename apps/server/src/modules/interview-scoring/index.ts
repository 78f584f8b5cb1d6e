// Public face of interview scoring 面试评分 (IVW-08, IVW-10, §7): examiner sheets synced from the
// venue tablet, the supervisor's confirmation, withdrawals, and the results handed to composite.
// Reporting modules read the sheets and results through the query functions below.
import { defineModule } from '../../platform/modules/module-registry';
import type { CompositeService } from '../composite';
import type { Identity } from '../identity';
import type { MessagesService } from '../messages';
import { registerScoringAdminRoutes } from './scoring-admin.routes';
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
  // The interview system's setup and arrangement, composite where results are handed over,
  // messages for the candidate's SMS on a time change, identity for examiners' tablet accounts.
  dependsOn: ['interviews', 'composite', 'messages', 'identity'],
  create: (
    { db, audit, crypto, sms, clock, log },
    deps: { composite: CompositeService; messages: MessagesService; identity: Identity },
  ) =>
    createInterviewScoring({
      db,
      audit,
      crypto,
      sms,
      now: () => clock.now(),
      composite: deps.composite,
      messages: deps.messages,
      identity: deps.identity,
      warn: (message, details) => log.warn(details, message),
    }),
  routes: (app, service) => {
    registerScoringRoutes(app, service);
    registerScoringAdminRoutes(app, service);
  },
});

export type { InterviewScoringService } from './scoring.service';
