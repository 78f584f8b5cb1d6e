// Public face of the interview-lists module 面试名单 (INT-02, §7): the lists, their figures and
// the queries adjustment and composite scores read.
import { defineModule } from '../../platform/modules/module-registry';
import type { EventsModuleService } from '../events';
import { countListedFigures } from './list-figures';
import { registerInterviewListsModule } from './interview-lists.routes';
import { createInterviewListsService } from './interview-lists.service';

export {
  createInterviewListsService,
  type InterviewListsService,
  type ComputeSummary,
} from './interview-lists.service';
export type { AdjustedPlacement } from './interview-lists.repository';
export {
  positionListsOf,
  shortPositionsOf,
  listEntriesOf,
  firstListCandidateIds,
  physicalTestFailuresOf,
  type PositionListFigures,
  type ListEntryRow,
  type ListRound,
  type ListEntryStatus,
} from './interview-lists.queries';

export { listEntriesOfCandidates } from './candidate-entries.queries';

/** Built after the modules whose data the lists are drawn from. */
export const interviewListsModule = defineModule({
  name: 'interview-lists',
  dependsOn: ['events', 'units', 'positions', 'scores', 'applications', 'candidates', 'tickets'],
  create: ({ db, audit, crypto, clock }, deps: { events: EventsModuleService }) => {
    // The event comparison (NFR-HIS-1) counts the listed candidates through this hook.
    deps.events.provideFigures({ interviewListed: countListedFigures });
    return createInterviewListsService({ db, audit, crypto, now: () => clock.now() });
  },
  routes: (app, lists, { jobs }) => registerInterviewListsModule(app, { lists, jobs }),
});
