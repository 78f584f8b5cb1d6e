import type { Permission } from '@kaolu/contracts';
import type { Principal } from '../../platform/auth/access';
import { scopeOf } from '../../platform/auth/permission-scope';
import { AppError } from '../../platform/errors/app-error';

/**
 * The events a caller may use a permission on: all, or the listed ones. Events belong to no unit,
 * so a unit-scoped grant reaches every event (its unit limit applies to positions, not events).
 */
export function eventScopeOf(
  principal: Principal | undefined,
  permission: Permission,
): { all: true } | { all: false; eventIds: string[] } {
  const scope = scopeOf(principal, permission);
  // A grant without an event (unit-only or unscoped) covers every event.
  if (scope.all || scope.entries.some((e) => e.eventId === null)) return { all: true };
  return { all: false, eventIds: scope.entries.map((e) => e.eventId!).filter(Boolean) };
}

/** Throws 403 unless the caller's grant for the permission covers the event. */
export function assertEventInScope(
  principal: Principal | undefined,
  permission: Permission,
  eventId: string,
): void {
  const scope = eventScopeOf(principal, permission);
  if (!scope.all && !scope.eventIds.includes(eventId))
    throw new AppError('COMMON.FORBIDDEN', { message: '无权操作该招录事项' });
}
