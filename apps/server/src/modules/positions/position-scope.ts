import type { Permission } from '@kaolu/contracts';
import type { SQL } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/access';
import { scopeAllows, scopeOf } from '../../platform/auth/permission-scope';
import { AppError } from '../../platform/errors/app-error';
import { unitScopeCondition } from '../units';
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
 * WHERE condition limiting a position query to the caller's units and events; a department grant
 * covers the units under it (units answers which those are, inside the same SQL).
 */
export function positionScopeCondition(
  principal: Principal | undefined,
  permission: Permission,
): SQL | undefined {
  // undefined means no restriction (an unscoped grant such as org_admin's): the caller sees every
  // unit.
  return unitScopeCondition(scopeOf(principal, permission), {
    unitId: position.unitId,
    eventId: position.eventId,
  });
}
