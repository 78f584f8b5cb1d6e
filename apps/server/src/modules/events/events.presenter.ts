import type { AdminEvent } from '@kaolu/contracts';
import type { EventRecord } from './events.repository';

/** Event row → staff API shape (dates as ISO text). */
export function presentAdminEvent(e: EventRecord): AdminEvent {
  return {
    id: e.id,
    code: e.code,
    name: e.name,
    type: e.type,
    year: e.year,
    status: e.status,
    schedule: e.schedule,
    policy: e.policy,
    policyVersion: e.policyVersion,
    sourceEventId: e.sourceEventId,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** The list row: the documents stay on the detail page. */
export function presentEventSummary(e: EventRecord): Omit<AdminEvent, 'policy' | 'schedule'> {
  // The list stays light: policy and schedule documents are read on the detail page only.
  const { policy: _policy, schedule: _schedule, ...rest } = presentAdminEvent(e);
  return rest;
}
