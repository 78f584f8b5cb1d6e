// Public face of the interview-lists module 面试名单 (INT-02, §7): the lists, their figures and
// the queries adjustment and composite scores read.
import { defineModule } from '../../platform/modules/module-registry';
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

/**
 * Built after the modules whose data the lists are drawn from. The event comparison (NFR-HIS-1)
 * does not show list figures yet: `events.provideFigures` takes exactly four sources (positions,
 * registrations, passes, applications) feeding fixed fields of EventFigures, so a fifth needs the
 * events module and its contract to grow first. Until then the kept versions
 * (interview_list_version, GET …/interview-lists/versions) are the lists' history per event.
 */
export const interviewListsModule = defineModule({
  name: 'interview-lists',
  dependsOn: ['events', 'units', 'positions', 'scores', 'applications', 'candidates', 'tickets'],
  create: ({ db, audit, crypto, clock }) =>
    createInterviewListsService({ db, audit, crypto, now: () => clock.now() }),
  routes: (app, lists, { jobs }) => registerInterviewListsModule(app, { lists, jobs }),
});
