// Public face of the events module (issue 6): other modules check stages and read policies from here.
import type { ZodApp } from '../../platform/http/types';
import type { Db } from '../../db/client';
import { createEventComparison, type EventFigureSources } from './event-comparison';
import { registerEventComparisonRoutes } from './event-comparison.routes';
import { registerEventAdminRoutes } from './events.admin.routes';
import { registerPublicEventRoutes } from './events.routes';
import type { EventsService } from './events.service';

export { assertStageOpen, isStageOpen, windowOf, formatShanghai, type EventStages } from './event-stages';
export { assertEventTransition, assertEventStatus, EVENT_TRANSITIONS } from './event-lifecycle';
export { createEventsService, assertScheduleFits, type EventsService, type EventsDeps } from './events.service';
export { findEventById, hasAnyEvent, type EventRecord } from './events.repository';
export { POLICY_TEMPLATES, copyTemplate, type PolicyTemplateId } from './policy-templates';
export { assertEventInScope, eventScopeOf } from './event-scope';
export { recruitmentEvent, eventPolicyVersion } from './event.table';
export { createEventComparison, parseCompareIds, type EventFigureSources } from './event-comparison';

/** Every route of the events module; `figures` are the other modules' counts for the comparison. */
export function registerEventRoutes(app: ZodApp, deps: { events: EventsService; db: Db; figures: EventFigureSources }): void {
  registerPublicEventRoutes(app, { db: deps.db });
  registerEventAdminRoutes(app, deps.events);
  registerEventComparisonRoutes(app, createEventComparison({ db: deps.db, sources: deps.figures }));
}
