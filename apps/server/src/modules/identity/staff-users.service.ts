import { randomUUID } from 'node:crypto';
import type { CreateStaffUser, StaffUser } from '@kaolu/contracts';
import { count, desc, eq, ilike, inArray, sql } from 'drizzle-orm';
import type { AuditActor } from '../../platform/audit/audit.types';
import { AppError } from '../../platform/errors/app-error';
import { maskPhone } from '../../platform/masking';
import type { IdentityDeps, RequestContext } from './identity.deps';
import { loginThrottle, roleGrant, staffUser } from './identity.table';
import { accountKey } from './login-throttle';
import { generateOneTimePassword, rememberPassword } from './password-store';
import type { StaffUserRow } from './staff-access';

/**
 * Account management by sys_admin: create users, reset passwords to a one-time password valid
 * ≤ 24 h, disable and unlock. Granting roles is sec_admin's (role-grants.service.ts).
 */
export function createStaffUsers(deps: IdentityDeps) {
  const { db, crypto, audit, hasher, sessions, config, now } = deps;
  const oneTimeExpiry = () =>
    new Date(now().getTime() + config.identity.oneTimePasswordHours * 3_600_000);

  const getUser = async (id: string) => {
    const [user] = await db.select().from(staffUser).where(eq(staffUser.id, id));
    if (!user) throw new AppError('IDENTITY.USER_NOT_FOUND');
    return user;
  };
  const record = (
    action: string,
    actor: AuditActor,
    user: Pick<StaffUserRow, 'id' | 'username'>,
    ctx?: Partial<RequestContext>,
    details?: Record<string, unknown>,
  ) =>
    audit.record(db, {
      action,
      actor,
      targetType: 'staff_user',
      targetId: user.id,
      result: 'success',
      details: { username: user.username, ...details },
      ip: ctx?.ip,
      requestId: ctx?.requestId,
    });

  return {
    /**
     * The user list with roles and lock state; grants and locks are read for the page's ids in two
     * queries rather than per row. The keyword is escaped so % and _ match literally.
     */
    async list(query: {
      page: number;
      pageSize: number;
      keyword?: string;
    }): Promise<{ items: StaffUser[]; total: number }> {
      const where = query.keyword
        ? ilike(staffUser.username, `%${query.keyword.replace(/[%_\\]/g, '\\$&')}%`)
        : undefined;
      const rows = await db
        .select()
        .from(staffUser)
        .where(where)
        .orderBy(desc(staffUser.createdAt))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [total] = await db.select({ n: count() }).from(staffUser).where(where);
      const ids = rows.map((r) => r.id);
      const grants = ids.length
        ? await db
            .select({ userId: roleGrant.staffUserId, role: roleGrant.role })
            .from(roleGrant)
            .where(inArray(roleGrant.staffUserId, ids))
        : [];
      const locks = ids.length
        ? await db
            .select()
            .from(loginThrottle)
            .where(
              inArray(
                loginThrottle.key,
                ids.map((id) => accountKey('staff', id)),
              ),
            )
        : [];
      const lockedKeys = new Set(
        locks.filter((l) => l.lockedUntil && l.lockedUntil > now()).map((l) => l.key),
      );
      const items = rows.map((r) => ({
        id: r.id,
        username: r.username,
        displayName: r.displayName,
        phoneMasked: r.phoneMasked,
        disabled: r.disabled,
        locked: lockedKeys.has(accountKey('staff', r.id)),
        roles: [
          ...new Set(grants.filter((g) => g.userId === r.id).map((g) => g.role)),
        ] as StaffUser['roles'],
        passwordSetAt: r.passwordSetAt.toISOString(),
        lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
      }));
      return { items, total: total?.n ?? 0 };
    },

    /** Creates a user with a one-time password, returned once to the administrator. */
    async create(input: CreateStaffUser, actor: AuditActor, ctx?: Partial<RequestContext>) {
      const [taken] = await db
        .select({ id: staffUser.id })
        .from(staffUser)
        .where(eq(sql`lower(${staffUser.username})`, input.username.toLowerCase()));
      if (taken) throw new AppError('IDENTITY.USERNAME_TAKEN');
      const id = randomUUID();
      const oneTimePassword = generateOneTimePassword();
      const hash = await hasher.hash(oneTimePassword);
      const at = now();
      const expiresAt = oneTimeExpiry();
      await db.transaction(async (tx) => {
        await tx.insert(staffUser).values({
          id,
          username: input.username,
          displayName: input.displayName,
          phoneEnc: crypto.encryptField(input.phone, {
            table: 'staff_user',
            column: 'phone',
            rowId: id,
          }),
          phoneMasked: maskPhone(input.phone),
          passwordHash: hash,
          passwordSetAt: at,
          oneTimePasswordExpiresAt: expiresAt,
          createdAt: at,
          updatedAt: at,
        });
        await rememberPassword(tx, { kind: 'staff', id }, hash, at);
        await audit.record(tx, {
          action: 'staff_user.created',
          actor,
          targetType: 'staff_user',
          targetId: id,
          result: 'success',
          details: { username: input.username },
          ip: ctx?.ip,
          requestId: ctx?.requestId,
        });
      });
      return { userId: id, oneTimePassword, expiresAt: expiresAt.toISOString() };
    },

    /** Administrator reset: a new one-time password (≤ 24 h), every session of the user ends. */
    async resetPassword(id: string, actor: AuditActor, ctx?: Partial<RequestContext>) {
      const user = await getUser(id);
      const oneTimePassword = generateOneTimePassword();
      const hash = await hasher.hash(oneTimePassword);
      const expiresAt = oneTimeExpiry();
      const at = now();
      await db.transaction(async (tx) => {
        await tx
          .update(staffUser)
          .set({
            passwordHash: hash,
            passwordSetAt: at,
            oneTimePasswordExpiresAt: expiresAt,
            updatedAt: at,
          })
          .where(eq(staffUser.id, id));
        await audit.record(tx, {
          action: 'staff_user.password_reset',
          actor,
          targetType: 'staff_user',
          targetId: id,
          result: 'success',
          details: { username: user.username },
          ip: ctx?.ip,
          requestId: ctx?.requestId,
        });
      });
      await sessions.revokeAllOf('staff', id);
      await deps.throttle.unlock(accountKey('staff', id));
      return { userId: id, oneTimePassword, expiresAt: expiresAt.toISOString() };
    },

    /**
     * Disables or enables an account; disabling ends its sessions at once. One cannot disable
     * oneself.
     */
    async setDisabled(id: string, disabled: boolean, actor: AuditActor, ctx: RequestContext) {
      const user = await getUser(id);
      if (actor.kind === 'staff' && actor.id === id)
        throw new AppError('COMMON.FORBIDDEN', { message: '不能停用自己的账号' });
      await db.update(staffUser).set({ disabled, updatedAt: now() }).where(eq(staffUser.id, id));
      if (disabled) await sessions.revokeAllOf('staff', id);
      await record(disabled ? 'staff_user.disabled' : 'staff_user.enabled', actor, user, ctx);
    },

    /** Lifts a login lockout (NFR-SEC-1) before it expires on its own. */
    async unlock(id: string, actor: AuditActor, ctx: RequestContext) {
      const user = await getUser(id);
      await deps.throttle.unlock(accountKey('staff', id));
      await record('staff_user.unlocked', actor, user, ctx);
    },
  };
}

export type StaffUsers = ReturnType<typeof createStaffUsers>;
