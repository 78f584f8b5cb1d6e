// Public face of the composite module 面试成绩与综合成绩 (§7, IVW-08, INT-07): interview scores in
// (Excel import, or the interview system through recordInterviewScores), composites, ranking and
// the physical-exam list out, published to candidates.
import { defineModule } from '../../platform/modules/module-registry';
import type { EventsModuleService } from '../events';
import type { MessagesService } from '../messages';
import { countPhysicalExamFigures } from './composite-figures';
import { registerCompositeRoutes } from './composite.routes';
import { createCompositeService } from './composite.service';

export { createCompositeService, type CompositeService } from './composite.service';
export type { ComputedInterviewScore } from './interview-scores';
// The published physical-exam list, read by the physical-exam module (§7).
export {
  findPublishedPhysicalExamList,
  type PublishedPhysicalExamRow,
} from './physical-exam-reads';

/** Built after the interview lists it reads (and the modules whose data the rows name). */
export const compositeModule = defineModule({
  name: 'composite',
  dependsOn: [
    'events',
    'units',
    'positions',
    'scores',
    'candidates',
    'tickets',
    'messages',
    'interview-lists',
  ],
  create: (
    { db, audit, clock },
    deps: { events: EventsModuleService; messages: MessagesService },
  ) => {
    // The event comparison (NFR-HIS-1) counts the physical-exam list through this hook.
    deps.events.provideFigures({ physicalExam: countPhysicalExamFigures });
    return createCompositeService({ db, audit, messages: deps.messages, now: () => clock.now() });
  },
  routes: (app, composite) => registerCompositeRoutes(app, composite),
});
