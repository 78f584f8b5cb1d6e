import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { roleGrant, staffUser } from './identity.table';

/** Whether any staff user holds one of these roles (create-admins runs only on a fresh database). */
export async function anyRoleGranted(db: DbOrTx, roles: readonly string[]): Promise<boolean> {
  const [row] = await db
    .select({ role: roleGrant.role })
    .from(roleGrant)
    .where(inArray(roleGrant.role, [...roles]))
    .limit(1);
  return row !== undefined;
}

/** Usernames of some staff users by id, in one query (the session list names its subjects). */
export async function findStaffUsernames(
  db: DbOrTx,
  ids: readonly string[],
): Promise<Array<{ id: string; username: string }>> {
  if (ids.length === 0) return [];
  return db
    .select({ id: staffUser.id, username: staffUser.username })
    .from(staffUser)
    .where(inArray(staffUser.id, [...new Set(ids)]));
}

/**
 * Active staff users holding one of these roles, by user name (the problem center's handlers).
 * With `forEventId` only grants that reach that event count: unscoped ones or those scoped to it
 * (null: the case names no event, so only unscoped grants reach it); unit-scoped grants never.
 */
export async function findStaffWithRoles(
  db: DbOrTx,
  roles: readonly string[],
  options: { forEventId?: string | null } = {},
): Promise<Array<{ id: string; username: string; displayName: string }>> {
  if (roles.length === 0) return [];
  const reaches =
    options.forEventId === undefined
      ? undefined
      : and(
          isNull(roleGrant.unitId),
          options.forEventId === null
            ? isNull(roleGrant.eventId)
            : or(isNull(roleGrant.eventId), eq(roleGrant.eventId, options.forEventId)),
        );
  return db
    .selectDistinct({
      id: staffUser.id,
      username: staffUser.username,
      displayName: staffUser.displayName,
    })
    .from(staffUser)
    .innerJoin(roleGrant, eq(roleGrant.staffUserId, staffUser.id))
    .where(and(inArray(roleGrant.role, [...roles]), eq(staffUser.disabled, false), reaches))
    .orderBy(asc(staffUser.username))
    .limit(500);
}
