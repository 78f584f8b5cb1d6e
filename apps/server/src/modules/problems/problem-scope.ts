import type { ProblemRole } from '@kaolu/contracts';
import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/access';
import { problemCase } from './problem.table';

/**
 * Which cases a staff member answers for (ONL-01, NFR-SEC-1 least privilege): one entry per
 * grant, the queues (responsible roles) it opens and the event it is narrowed to. The org
 * department answers every queue, support staff the technical questions; a grant scoped to one
 * recruitment event opens only that event's cases, so an event-scoped org user never reads a
 * case of another event or a technical question that names no event. Unit-scoped grants open
 * nothing: a case belongs to a candidate and an event, never to a unit.
 */
export type ProblemScope = ReadonlyArray<{ roles: readonly ProblemRole[]; eventId: string | null }>;

const ROLES_OF_GRANT: Partial<Record<string, readonly ProblemRole[]>> = {
  org_admin: ['org_admin', 'support'],
  support: ['support'],
};

export function problemScopeOf(principal: Principal | undefined): ProblemScope {
  if (principal?.kind !== 'staff') return [];
  return (principal.grants ?? []).flatMap((g) => {
    const roles = ROLES_OF_GRANT[g.role];
    return roles && g.unitId === null ? [{ roles, eventId: g.eventId }] : [];
  });
}

/** Whether the scope covers one case (the check of a single case, same rule as the SQL). */
export function scopeCovers(
  scope: ProblemScope,
  row: { responsibleRole: ProblemRole; eventId: string | null },
): boolean {
  return scope.some(
    (s) =>
      s.roles.includes(row.responsibleRole) && (s.eventId === null || s.eventId === row.eventId),
  );
}

/** The WHERE of the scope, for queues, exports and statistics; undefined when it covers nothing. */
export function scopeCondition(scope: ProblemScope): SQL | undefined {
  if (scope.length === 0) return undefined;
  return or(
    ...scope.map((s) =>
      and(
        inArray(problemCase.responsibleRole, [...s.roles]),
        s.eventId === null ? undefined : eq(problemCase.eventId, s.eventId),
      ),
    ),
  );
}

/** The staff roles that handle a queue: support's questions may be taken by the org too. */
export const handlerRolesOf = (role: ProblemRole): string[] =>
  role === 'support' ? ['support', 'org_admin'] : ['org_admin'];
