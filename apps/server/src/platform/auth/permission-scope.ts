import type { Permission } from '@kaolu/contracts';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Principal } from './access';

/** One place a permission applies: a unit, an event, both, or (both null) everywhere. */
export type ScopeEntry = { unitId: string | null; eventId: string | null };

/** Where a staff user may use a permission: everywhere, or only within the listed scopes. */
export type PermissionScope = { all: true } | { all: false; entries: readonly ScopeEntry[] };

/**
 * The scope of a permission for a caller (RBAC scoped grants): the union of the grants
 * that carry it. A grant without unit and event is global. Callers without the permission get none.
 */
export function scopeOf(principal: Principal | undefined, permission: Permission): PermissionScope {
  if (principal?.kind !== 'staff') return { all: false, entries: [] };
  const grants = principal.grants ?? [];
  const matching = grants.filter((g) => g.permissions.has(permission));
  // A principal built without grants (tests, system) is as wide as its permission set.
  if (grants.length === 0 && principal.permissions.has(permission)) return { all: true };
  if (matching.some((g) => g.unitId === null && g.eventId === null)) return { all: true };
  return { all: false, entries: matching.map((g) => ({ unitId: g.unitId, eventId: g.eventId })) };
}

/** Whether a row with this unit and event lies within the scope (checks on single records). */
export function scopeAllows(
  scope: PermissionScope,
  row: { unitId?: string | null; eventId?: string | null },
): boolean {
  if (scope.all) return true;
  return scope.entries.some(
    (e) =>
      (e.unitId === null || e.unitId === row.unitId) &&
      (e.eventId === null || e.eventId === row.eventId),
  );
}

/**
 * A WHERE condition restricting a query to the scope, so list queries never return rows of
 * another unit or event (a unit reviewer never sees another unit's applications).
 */
export function scopeCondition(
  scope: PermissionScope,
  columns: { unitId?: AnyPgColumn; eventId?: AnyPgColumn },
): SQL | undefined {
  if (scope.all) return undefined;
  const parts = scope.entries.map((e) => {
    const conditions: SQL[] = [];
    if (e.unitId !== null)
      conditions.push(columns.unitId ? eq(columns.unitId, e.unitId) : sql`false`);
    if (e.eventId !== null)
      conditions.push(columns.eventId ? eq(columns.eventId, e.eventId) : sql`false`);
    return conditions.length === 0 ? sql`true` : and(...conditions)!;
  });
  if (parts.length === 0) return sql`false`;
  const unitOnly = scope.entries
    .filter((e) => e.unitId !== null && e.eventId === null)
    .map((e) => e.unitId!);
  // Plain unit lists become one IN (…) so the planner can use the unit index.
  if (columns.unitId && unitOnly.length === scope.entries.length)
    return inArray(columns.unitId, unitOnly);
  return or(...parts);
}
