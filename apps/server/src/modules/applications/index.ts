// Public face of the position-application module (issue 8, ONL-03, §7).
export { createApplicationsService, type ApplicationsService } from './applications.service';
export { registerApplicationRoutes } from './applications.routes';
export { APPLICATION_TRANSITIONS, assertApplicationTransition, transitionApplication, addApplicationTimeline } from './application-status';
export { assessApplication, requirementsOf, policePostsOf } from './application-assessment';
export { positionApplication, applicationTimeline, APPLICATION_STATUSES } from './application.table';
export { countApplicationFigures, type ApplicationFigures } from './application-figures';
