import {
  ROLES,
  SECURITY_ROLES,
  type CreateRoleGrant,
  type RoleGrant,
  type StaffRole,
} from '@kaolu/contracts';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { AuditActor } from '../../platform/audit/audit.types';
import { AppError } from '../../platform/errors/app-error';
import type { IdentityDeps, RequestContext } from './identity.deps';
import { roleGrant, staffUser } from './identity.table';

/**
 * Role grants by sec_admin (三权分立, NFR-SEC-1): nobody grants himself, the three security
 * roles never meet in one person, and unit / event roles carry their scope.
 */
export function createRoleGrants(deps: IdentityDeps) {
  const { db, audit } = deps;

  return {
    /** Grants with the holder's username, newest first; capped at 1,000 since it is not paged. */
    async list(staffUserId?: string): Promise<RoleGrant[]> {
      const rows = await db
        .select({ grant: roleGrant, username: staffUser.username })
        .from(roleGrant)
        .innerJoin(staffUser, eq(staffUser.id, roleGrant.staffUserId))
        .where(staffUserId ? eq(roleGrant.staffUserId, staffUserId) : undefined)
        .orderBy(desc(roleGrant.createdAt))
        .limit(1000);
      return rows.map(({ grant, username }) => ({
        id: grant.id,
        staffUserId: grant.staffUserId,
        username,
        role: grant.role as StaffRole,
        unitId: grant.unitId,
        eventId: grant.eventId,
        venueId: grant.venueId,
        sessionId: grant.sessionId,
        grantedBy: grant.grantedBy,
        createdAt: grant.createdAt.toISOString(),
      }));
    },

    /**
     * Grants a role (REG-08 signs the entry): refused for oneself, for a unit or event role without
     * its
     * scope, and for a second security role (sys_admin / sec_admin / auditor) in one person. The
     * `system` actor is the create-admins command, which sets up the first administrators.
     */
    async grant(
      input: CreateRoleGrant,
      actor: AuditActor & { kind: 'staff' | 'system' },
      grantedBy: string,
      ctx?: Partial<RequestContext>,
    ) {
      if (actor.kind === 'staff' && actor.id === input.staffUserId)
        throw new AppError('IDENTITY.SELF_GRANT');
      const [user] = await db
        .select({ id: staffUser.id, username: staffUser.username })
        .from(staffUser)
        .where(eq(staffUser.id, input.staffUserId));
      if (!user) throw new AppError('IDENTITY.USER_NOT_FOUND');
      const unitId = input.unitId ?? null;
      const eventId = input.eventId ?? null;
      const scope = ROLES[input.role].scope;
      if (
        (scope === 'unit' && !unitId) ||
        ((scope === 'event' || scope === 'interview') && !eventId)
      )
        throw new AppError('IDENTITY.SCOPE_REQUIRED');
      // A venue or session narrows only an interview grant; elsewhere it would be silently ignored.
      const venueId = scope === 'interview' ? (input.venueId ?? null) : null;
      const sessionId = scope === 'interview' ? (input.sessionId ?? null) : null;
      if (scope !== 'interview' && (input.venueId || input.sessionId))
        throw new AppError('COMMON.VALIDATION_FAILED', {
          message: '只有面试角色可以限定考点或场次',
        });
      if (scope === 'interview' && unitId)
        throw new AppError('COMMON.VALIDATION_FAILED', { message: '面试角色不限定单位' });
      if (SECURITY_ROLES.includes(input.role)) {
        const others = await db
          .select({ role: roleGrant.role })
          .from(roleGrant)
          .where(
            and(
              eq(roleGrant.staffUserId, user.id),
              inArray(roleGrant.role, SECURITY_ROLES.filter((r) => r !== input.role) as string[]),
            ),
          );
        if (others.length > 0) throw new AppError('IDENTITY.SEPARATION_OF_DUTIES');
      }
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(roleGrant)
          .values({
            staffUserId: user.id,
            role: input.role,
            unitId,
            eventId,
            venueId,
            sessionId,
            grantedBy,
          })
          // The unique index (user, role, scope) decides duplicates, also between two concurrent
          // grants.
          .onConflictDoNothing()
          .returning();
        if (!row) throw new AppError('COMMON.CONFLICT', { message: '该用户已有相同范围的此角色' });
        await audit.record(tx, {
          action: 'role.granted',
          actor,
          targetType: 'staff_user',
          targetId: user.id,
          result: 'success',
          details: {
            username: user.username,
            role: input.role,
            unitId,
            eventId,
            venueId,
            sessionId,
            grantId: row.id,
          },
          ip: ctx?.ip,
          requestId: ctx?.requestId,
        });
        return row;
      });
    },

    /** Revokes a grant and audits what it was, in one transaction. */
    async revoke(grantId: string, actor: AuditActor & { kind: 'staff' }, ctx: RequestContext) {
      await db.transaction(async (tx) => {
        const [row] = await tx.select().from(roleGrant).where(eq(roleGrant.id, grantId));
        if (!row) throw new AppError('IDENTITY.GRANT_NOT_FOUND');
        // Removing one's own grants is also a change of one's own rights: another sec_admin does it.
        if (row.staffUserId === actor.id) throw new AppError('IDENTITY.SELF_GRANT');
        await tx
          .delete(roleGrant)
          // The self-check repeated in the delete itself, so no race can slip a self-revocation
          // through.
          .where(and(eq(roleGrant.id, grantId), ne(roleGrant.staffUserId, actor.id)));
        await audit.record(tx, {
          action: 'role.revoked',
          actor,
          targetType: 'staff_user',
          targetId: row.staffUserId,
          result: 'success',
          details: {
            role: row.role,
            unitId: row.unitId,
            eventId: row.eventId,
            venueId: row.venueId,
            sessionId: row.sessionId,
            grantId,
          },
          ip: ctx.ip,
          requestId: ctx.requestId,
        });
      });
    },
  };
}

export type RoleGrants = ReturnType<typeof createRoleGrants>;
