import type { StaffAccount } from '@kaolu/contracts';
import { eq } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/access';
import { AppError } from '../../platform/errors/app-error';
import type { IdentityDeps, RequestContext } from './identity.deps';
import { staffUser } from './identity.table';
import { accountKey } from './login-throttle';
import { hashNewPassword, rememberPassword } from './password-store';
import {
  loadGrantScopes,
  passwordExpiresAt,
  passwordWarningOf,
  permissionsOf,
  restrictionOf,
  rolesOf,
} from './staff-access';
import type { StaffAuthContext } from './staff-auth-context';

// A staff principal as the route hands it over; changePassword needs its session id.
type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;

/**
 * The signed-in staff user's own account (REG-05): what he may do, when his password expires, and
 * changing it — the one thing a restricted session (initial or expired password) still allows.
 */
export function createStaffAccount(deps: IdentityDeps, context: StaffAuthContext) {
  const { db, audit, hasher, sessions, throttle, now } = deps;
  const { settings, actorFor, getUser } = context;

  return {
    /** The signed-in user's own view: roles, permissions, password expiry and warning. */
    async account(userId: string): Promise<StaffAccount> {
      const user = await getUser(userId);
      const grants = await loadGrantScopes(db, user.id);
      const expiresAt = passwordExpiresAt(user, settings.passwordMaxAgeDays);
      const restriction = restrictionOf(user, settings.passwordMaxAgeDays, now());
      return {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        roles: rolesOf(grants),
        permissions: [...permissionsOf(grants)].sort(),
        passwordExpiresAt: expiresAt.toISOString(),
        passwordChangeRequired:
          restriction === 'password_initial'
            ? 'initial'
            : restriction === 'password_expired'
              ? 'expired'
              : null,
        passwordWarning: passwordWarningOf(expiresAt, settings.passwordWarnDays, now()),
        totpEnabled: user.totpEnabled,
      };
    },

    /** Change own password (allowed in a restricted session); other sessions of the user end. */
    async changePassword(
      principal: StaffPrincipal,
      input: { currentPassword: string; newPassword: string },
      ctx: RequestContext,
    ) {
      const user = await getUser(principal.id);
      const key = accountKey('staff', user.id);
      if (!(await hasher.verify(input.currentPassword, user.passwordHash)).ok) {
        const { locked } = await throttle.recordFailure(key, ctx.ip);
        await audit.record(db, {
          action: 'password.change_failed',
          actor: actorFor(user),
          result: 'failure',
          details: { reason: 'wrong_current', locked },
          ip: ctx.ip,
          requestId: ctx.requestId,
        });
        throw new AppError('IDENTITY.PASSWORD_WRONG');
      }
      const hash = await hashNewPassword(deps, { kind: 'staff', id: user.id }, input.newPassword, {
        username: user.username,
      });
      const at = now();
      await db.transaction(async (tx) => {
        await tx
          .update(staffUser)
          .set({
            passwordHash: hash,
            passwordSetAt: at,
            oneTimePasswordExpiresAt: null,
            updatedAt: at,
          })
          .where(eq(staffUser.id, user.id));
        // oneTimePasswordExpiresAt is cleared above: the restriction of a one-time password ends
        // here.
        await rememberPassword(tx, { kind: 'staff', id: user.id }, hash, at);
        await audit.record(tx, {
          action: 'password.changed',
          actor: actorFor(user),
          targetType: 'staff_user',
          targetId: user.id,
          result: 'success',
          ip: ctx.ip,
          requestId: ctx.requestId,
        });
      });
      await sessions.revokeAllOf('staff', user.id, principal.sessionId);
    },
  };
}
