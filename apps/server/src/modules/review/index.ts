// Public face of the unit-review module (issue 8): 资格审查 with SLA marks and the education check.
export { createReviewService, type ReviewService } from './review.service';
export { registerReviewRoutes } from './review.routes';
export { slaOf, waitingHoursOf, type ReviewSla } from './review-sla';
export { compareEducation } from './education-compare';
export { educationCheck } from './review.table';
