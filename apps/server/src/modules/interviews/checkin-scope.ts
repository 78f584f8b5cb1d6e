import type { Permission } from '@kaolu/contracts';
import type { Principal } from '../../platform/auth/access';
import { scopeAllows, scopeOf } from '../../platform/auth/permission-scope';
import { AppError } from '../../platform/errors/app-error';

/**
 * Whether the caller's grant of `permission` reaches this interview event (IVW-05 check-in scope
 * per staff account). Until venue / session scopes exist, the grant's existing event scope names
 * either the interview event itself or the recruitment event it interviews.
 */
export function assertInterviewEventInScope(
  principal: Principal | undefined,
  permission: Permission,
  event: { id: string; recruitmentEventId: string | null },
): void {
  const scope = scopeOf(principal, permission);
  const allowed =
    scopeAllows(scope, { eventId: event.id }) ||
    (event.recruitmentEventId !== null &&
      scopeAllows(scope, { eventId: event.recruitmentEventId }));
  if (!allowed) throw new AppError('COMMON.FORBIDDEN');
}
