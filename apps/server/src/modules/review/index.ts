// Public face of the unit-review module: 资格审查 with SLA marks and the education check.
// Review is the later stage: it depends on applications, never the reverse.
import { defineModule } from '../../platform/modules/module-registry';
import type { DataExchangeModuleService } from '../data-exchange';
import type { MessagesService } from '../messages';
import type { ScoresService } from '../scores';
import { registerReviewRoutes } from './review.routes';
import { createReviewService } from './review.service';

export { createReviewService, type ReviewService } from './review.service';
export { registerReviewRoutes } from './review.routes';
export { slaOf, waitingHoursOf, type ReviewSla } from './review-sla';
export { compareEducation } from './education-compare';

/** The module as the registry builds it: after applications, with 学信 from data-exchange. */
export const reviewModule = defineModule({
  name: 'review',
  dependsOn: [
    'applications',
    'data-exchange',
    'events',
    'messages',
    'positions',
    'profiles',
    'scores',
    'candidates',
    'units',
  ],
  create(
    { db, crypto, audit, clock },
    deps: {
      'data-exchange': DataExchangeModuleService;
      messages: MessagesService;
      scores: ScoresService;
    },
  ) {
    return createReviewService({
      db,
      crypto,
      audit,
      messages: deps.messages,
      scores: deps.scores,
      education: deps['data-exchange'].education,
      now: () => clock.now(),
    });
  },
  routes: (app, review) => registerReviewRoutes(app, review),
});
