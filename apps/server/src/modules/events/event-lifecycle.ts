import type { EventStatus } from '@kaolu/contracts';
import { EVENT_STATUS_LABELS } from '@kaolu/contracts';
import { AppError } from '../../platform/errors/app-error';

/**
 * Event lifecycle: draft → brochure collection → published → registration → in progress →
 * closed. Collection may go back to draft; an event that never opened registration may be closed.
 */
export const EVENT_TRANSITIONS: Record<EventStatus, readonly EventStatus[]> = {
  draft: ['collecting', 'closed'],
  // 征集中 → 已发布 happens when the first brochures are published (positions/brochures.service).
  collecting: ['draft', 'published'],
  published: ['registration', 'closed'],
  // Once registration opened, candidates have applied: the event can only go on, never be
  // withdrawn.
  registration: ['in_progress'],
  in_progress: ['closed'],
  closed: [],
};

/** Throws EVENT.INVALID_TRANSITION, naming both states in Chinese, unless `from → to` is allowed. */
export function assertEventTransition(from: EventStatus, to: EventStatus): void {
  if (EVENT_TRANSITIONS[from].includes(to)) return;
  throw new AppError('EVENT.INVALID_TRANSITION', {
    message: `招录事项不能从「${EVENT_STATUS_LABELS[from]}」变为「${EVENT_STATUS_LABELS[to]}」`,
    details: { from, to },
  });
}

/** Throws unless the event is in one of the given states (actions valid only in some states). */
export function assertEventStatus(
  status: EventStatus,
  allowed: readonly EventStatus[],
  action: string,
): void {
  if (allowed.includes(status)) return;
  const names = allowed.map((s) => `「${EVENT_STATUS_LABELS[s]}」`).join('或');
  throw new AppError('EVENT.INVALID_TRANSITION', {
    message: `招录事项处于「${EVENT_STATUS_LABELS[status]}」状态，不能${action}（需为${names}）`,
    details: { status, allowed },
  });
}
