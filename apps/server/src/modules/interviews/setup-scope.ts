import type { Permission } from '@kaolu/contracts';
import type { GrantScope, Principal } from '../../platform/auth/access';
import { AppError } from '../../platform/errors/app-error';

/**
 * Where an interview action lands (NFR-SEC-1 least privilege, IVW-05 scope per account): the
 * interview event, its linked recruitment event, and — for venue or session work — the venue and
 * session. An event-wide target (the event's types, imports, browse lists) leaves venue and
 * session undefined, so only grants not narrowed to one venue / session reach it.
 */
export type InterviewPlace = {
  interviewEventId: string;
  recruitmentEventId?: string | null;
  venueId?: string;
  sessionId?: string;
};

/** Grants of the caller that carry the permission (all of them for a principal without grants). */
function grantsWith(principal: Principal | undefined, permission: Permission) {
  if (principal?.kind !== 'staff' || !principal.permissions.has(permission)) return undefined;
  return (principal.grants ?? []).filter((g) => g.permissions.has(permission));
}

/** Whether one grant covers the place: same event (or its recruitment event), venue, session. */
function grantCovers(g: GrantScope, place: InterviewPlace): boolean {
  // A unit-scoped grant names no interview event: interview events belong to no unit.
  if (g.unitId !== null) return false;
  const eventMatches =
    g.eventId === place.interviewEventId ||
    // The org department scoped to a recruitment event runs the interviews linked to it.
    (g.eventId !== null && g.eventId === place.recruitmentEventId);
  if (!eventMatches) return false;
  // Narrowed grants match only targets inside their venue / session; event-wide ones never.
  if (g.venueId && g.venueId !== place.venueId) return false;
  if (g.sessionId && g.sessionId !== place.sessionId) return false;
  return true;
}

/** Whether the caller holds the permission at this place. */
export function interviewScopeAllows(
  principal: Principal | undefined,
  permission: Permission,
  place: InterviewPlace,
): boolean {
  const grants = grantsWith(principal, permission);
  if (!grants) return false;
  // A principal built without grants (tests, system) is as wide as its permission set.
  if (principal?.kind === 'staff' && (principal.grants ?? []).length === 0) return true;
  if (grants.some((g) => g.unitId === null && g.eventId === null)) return true;
  return grants.some((g) => grantCovers(g, place));
}

/** Refuses (403) a caller without the permission at this place; 'checked' skips (jobs, tests). */
export function assertInterviewScope(
  principal: Principal | undefined | 'checked',
  permission: Permission,
  place: InterviewPlace,
): void {
  if (principal === 'checked') return;
  if (!interviewScopeAllows(principal, permission, place)) throw new AppError('COMMON.FORBIDDEN');
}

/**
 * Which events the caller may see at all (portal home, event list): 'all', or the event ids of
 * his grants — interview event ids or recruitment event ids, matched by the caller.
 */
export function visibleEventIds(
  principal: Principal | undefined,
  permission: Permission,
): 'all' | string[] {
  const grants = grantsWith(principal, permission);
  if (!grants) return [];
  if (principal?.kind === 'staff' && (principal.grants ?? []).length === 0) return 'all';
  if (grants.some((g) => g.unitId === null && g.eventId === null)) return 'all';
  return grants.filter((g) => g.unitId === null && g.eventId !== null).map((g) => g.eventId!);
}

/** The permissions the caller holds for this event anywhere in it (portal home shows them). */
export function permissionsInEvent(
  principal: Principal | undefined,
  place: Pick<InterviewPlace, 'interviewEventId' | 'recruitmentEventId'>,
): Permission[] {
  if (principal?.kind !== 'staff') return [];
  const grants = principal.grants ?? [];
  const interviewPermissions = [...principal.permissions].filter(
    (p) => p.startsWith('interview.') || p.startsWith('examiner_dispatch.'),
  );
  if (grants.length === 0) return interviewPermissions;
  return interviewPermissions.filter((p) =>
    grants.some(
      (g) =>
        g.permissions.has(p) &&
        g.unitId === null &&
        (g.eventId === null ||
          g.eventId === place.interviewEventId ||
          g.eventId === place.recruitmentEventId),
    ),
  );
}
