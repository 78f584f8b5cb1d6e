import { ROLES, StaffRoleSchema, type Permission, type StaffRole } from '@kaolu/contracts';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { GrantScope, PrincipalRestriction } from '../../platform/auth/access';
import { roleGrant, type staffUser } from './identity.table';

/** A staff_user row as Drizzle reads it. */
export type StaffUserRow = typeof staffUser.$inferSelect;

/** A staff user's grants with the permissions each one carries (roles are defined in contracts). */
export async function loadGrantScopes(db: DbOrTx, staffUserId: string): Promise<GrantScope[]> {
  const rows = await db.select().from(roleGrant).where(eq(roleGrant.staffUserId, staffUserId));
  return rows.flatMap((row) => {
    // A role no longer in the catalogue grants nothing rather than failing the login.
    const role = StaffRoleSchema.safeParse(row.role);
    if (!role.success) return [];
    return [
      {
        role: role.data,
        unitId: row.unitId,
        eventId: row.eventId,
        venueId: row.venueId,
        sessionId: row.sessionId,
        permissions: new Set<Permission>(ROLES[role.data].permissions),
      },
    ];
  });
}

/** Union of the permissions of every grant. */
export function permissionsOf(grants: readonly GrantScope[]): Set<Permission> {
  return new Set(grants.flatMap((g) => [...g.permissions]));
}

/** The distinct roles of a user's grants, for the account view. */
export function rolesOf(grants: readonly GrantScope[]): StaffRole[] {
  return [...new Set(grants.map((g) => g.role as StaffRole))];
}

/** When the current password stops being valid (REG-05: 180 days after it was set, configurable). */
export function passwordExpiresAt(
  user: Pick<StaffUserRow, 'passwordSetAt'>,
  maxAgeDays: number,
): Date {
  return new Date(user.passwordSetAt.getTime() + maxAgeDays * 86_400_000);
}

/** REG-05: a one-time password must be changed at first login; an expired one before anything else. */
export function restrictionOf(
  user: Pick<StaffUserRow, 'passwordSetAt' | 'oneTimePasswordExpiresAt'>,
  maxAgeDays: number,
  now: Date,
): PrincipalRestriction | undefined {
  if (user.oneTimePasswordExpiresAt) return 'password_initial';
  if (passwordExpiresAt(user, maxAgeDays) <= now) return 'password_expired';
  return undefined;
}

/** The zh-CN warning shown from `warnDays` before expiry, or null. */
export function passwordWarningOf(expiresAt: Date, warnDays: number, now: Date): string | null {
  const daysLeft = Math.ceil((expiresAt.getTime() - now.getTime()) / 86_400_000);
  if (daysLeft <= 0 || daysLeft > warnDays) return null;
  return `您的密码将在${daysLeft}天后过期，请尽快修改密码`;
}
