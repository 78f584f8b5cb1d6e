import type { Permission } from '@kaolu/contracts';
import { or, type SQL } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/access';
import { scopeAllows, scopeCondition, scopeOf } from '../../platform/auth/permission-scope';
import { AppError } from '../../platform/errors/app-error';
import { unit } from '../units/unit.table';
import { position } from './position.table';

/**
 * Whether the caller's grant covers a unit in an event. A grant on a supervising department covers
 * every unit under it (unit users are scoped to a unit or a whole department).
 */
export function unitInScope(
  principal: Principal | undefined,
  permission: Permission,
  target: { id: string; parentId: string | null },
  eventId: string,
): boolean {
  const scope = scopeOf(principal, permission);
  // A grant on the unit itself, or on its supervising department (one level: departments have no
  // parent).
  if (scopeAllows(scope, { unitId: target.id, eventId })) return true;
  return target.parentId !== null && scopeAllows(scope, { unitId: target.parentId, eventId });
}

/** Throws 403 unless the caller may act for the unit in this event. */
export function assertUnitInScope(
  principal: Principal | undefined,
  permission: Permission,
  target: { id: string; parentId: string | null; name: string },
  eventId: string,
): void {
  if (!unitInScope(principal, permission, target, eventId))
    throw new AppError('COMMON.FORBIDDEN', { message: `无权操作「${target.name}」的职位` });
}

/**
 * WHERE condition limiting a position query (joined with unit) to the caller's units and events.
 * The query must join unit, since a department grant is matched on unit.parentId.
 */
export function positionScopeCondition(
  principal: Principal | undefined,
  permission: Permission,
): SQL | undefined {
  const scope = scopeOf(principal, permission);
  // undefined means no restriction (an unscoped grant such as org_admin's): the caller sees every
  // unit.
  const own = scopeCondition(scope, { unitId: position.unitId, eventId: position.eventId });
  if (own === undefined) return undefined;
  return or(own, scopeCondition(scope, { unitId: unit.parentId, eventId: position.eventId }));
}
