// Public face of the events module: other modules check stages and read policies from here, and
// move an event's status only through its service.
import { defineModule } from '../../platform/modules/module-registry';
import {
  createEventComparison,
  type EventComparisonService,
  type EventFigureSources,
} from './event-comparison';
import { registerEventComparisonRoutes } from './event-comparison.routes';
import { registerEventAdminRoutes } from './events.admin.routes';
import { registerPublicEventRoutes } from './events.routes';
import { createEventsService, type EventsService } from './events.service';

export { assertStageOpen, isStageOpen, windowOf, type EventStages } from './event-stages';
export { assertEventTransition, assertEventStatus, EVENT_TRANSITIONS } from './event-lifecycle';
export { createEventsService, type EventsService, type EventsDeps } from './events.service';
export { assertScheduleFits } from './event-schedule';
export { findEventById, hasAnyEvent, type EventRecord } from './events.repository';
export { POLICY_TEMPLATES, copyTemplate, type PolicyTemplateId } from './policy-templates';
export { assertEventInScope, eventScopeOf } from './event-scope';
export { parseCompareIds, type EventFigureSources } from './event-comparison';
export {
  findEventsByIds,
  findEventChoices,
  eventsByIdOf,
  readSearchVersion,
  eventPolicyIntOf,
} from './event.queries';
export { insertSeedEvent } from './event-seed';

/** The events service plus the hook through which later modules hand in their figures (NFR-HIS-1). */
export type EventsModuleService = EventsService & {
  /** Later modules (positions … interview lists, composite) provide their counts here. */
  provideFigures(sources: Partial<EventFigureSources>): void;
  comparison: EventComparisonService;
};

/** The events module: no dependencies, so every other module may depend on it. */
export const eventsModule = defineModule({
  name: 'events',
  dependsOn: [],
  create(platform): EventsModuleService {
    const events = createEventsService({
      db: platform.db,
      audit: platform.audit,
      now: () => platform.clock.now(),
    });
    const sources: Partial<EventFigureSources> = {};
    const comparison = createEventComparison({ db: platform.db, sources: lateSources(sources) });
    // Figure sources are filled in later by positions, registrations, scores, applications,
    // interview lists and composite.
    return { ...events, provideFigures: (more) => void Object.assign(sources, more), comparison };
  },
  routes(app, events, platform) {
    registerPublicEventRoutes(app, { db: platform.db });
    registerEventAdminRoutes(app, events);
    registerEventComparisonRoutes(app, events.comparison);
  },
});

// The comparison reads each count through the hook, so events imports none of the counting modules.
function lateSources(sources: Partial<EventFigureSources>): EventFigureSources {
  const need = <K extends keyof EventFigureSources>(key: K): EventFigureSources[K] => {
    const source = sources[key];
    if (!source) throw new Error(`no module provides the ${key} figures of the event comparison`);
    return source;
  };
  return {
    positions: (db, id) => need('positions')(db, id),
    registrations: (db, id) => need('registrations')(db, id),
    passes: (db, id) => need('passes')(db, id),
    applications: (db, id) => need('applications')(db, id),
    interviewListed: (db, id) => need('interviewListed')(db, id),
    physicalExam: (db, id) => need('physicalExam')(db, id),
  };
}
