import type { Principal } from '../../platform/auth/access';
import { scopeAllows, scopeOf } from '../../platform/auth/permission-scope';
import { AppError } from '../../platform/errors/app-error';

/** A unit user may act only for a unit (and event) his examiner_dispatch.register grant covers (INT-09a). */
export function assertUnitInScope(
  principal: Principal | undefined,
  eventId: string,
  unitId: string,
): void {
  const scope = scopeOf(principal, 'examiner_dispatch.register');
  if (!scopeAllows(scope, { unitId, eventId })) throw new AppError('COMMON.FORBIDDEN');
}

/** The units named by the caller's examiner_dispatch.register grants (a global grant names none). */
export function unitIdsInScope(principal: Principal | undefined): string[] {
  const scope = scopeOf(principal, 'examiner_dispatch.register');
  if (scope.all) return [];
  return [...new Set(scope.entries.map((e) => e.unitId).filter((u): u is string => u !== null))];
}
