// Public face of the adjustment module 调剂 (§7, INT-02, INT-07): public round and unified round.
// It writes only its own tables; placements enter the interview lists through that module's service.
import { defineModule } from '../../platform/modules/module-registry';
import type { DataExchange } from '../data-exchange';
import type { InterviewListsService } from '../interview-lists';
import type { MessagesService } from '../messages';
import { registerAdjustmentApplyRoutes } from './adjustment-candidate.routes';
import { registerAdjustmentOrgRoutes } from './adjustment.routes';
import { createAdjustmentService } from './adjustment.service';

export { createAdjustmentService, type AdjustmentService } from './adjustment.service';

/** Built after the interview lists, whose placements it adds, and the modules whose data it reads. */
export const adjustmentModule = defineModule({
  name: 'adjustment',
  dependsOn: [
    'interview-lists',
    'applications',
    'candidates',
    'data-exchange',
    'events',
    'lists',
    'messages',
    'positions',
    'profiles',
    'registrations',
    'scores',
    'tickets',
    'units',
  ],
  // The interview-lists service is the only writer of the lists; messages sends the notices.
  create(
    { db, crypto, audit, clock },
    deps: {
      'interview-lists': InterviewListsService;
      'data-exchange': DataExchange;
      messages: MessagesService;
    },
  ) {
    return createAdjustmentService({
      db,
      crypto,
      audit,
      exchange: deps['data-exchange'],
      lists: deps['interview-lists'],
      messages: deps.messages,
      now: () => clock.now(),
    });
  },
  // The org's routes and the candidate's and unit's: one service, two route files by audience.
  routes(app, adjustment) {
    registerAdjustmentOrgRoutes(app, adjustment);
    registerAdjustmentApplyRoutes(app, adjustment);
  },
});
