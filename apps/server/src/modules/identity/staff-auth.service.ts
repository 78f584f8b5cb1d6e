import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors/app-error';
import type { IdentityDeps, RequestContext } from './identity.deps';
import { staffUser } from './identity.table';
import type { IpAllowlist } from './ip-allowlist.service';
import { createStaffAccount } from './staff-account';
import { createStaffAuthContext } from './staff-auth-context';
import { createStaffSecondFactor } from './staff-second-factor';

/**
 * Staff login (NFR-SEC-1, REG-05, REG-07): allowlisted address → password with lockout → second
 * factor (SMS code or TOTP) → active session, restricted while the password must be changed.
 * The password step lives here; the second factor and the own account have a file each.
 */
export function createStaffAuth(deps: IdentityDeps, allowlist: IpAllowlist) {
  const { db, audit, hasher, sessions, throttle, now } = deps;
  const context = createStaffAuthContext(deps);
  const { actorFor, keyOf, findByUsername, refusal, fail } = context;
  const account = createStaffAccount(deps, context);
  const secondFactor = createStaffSecondFactor(deps, context, account.account);

  return {
    /**
     * First step: allowlist (REG-07) before anything is counted, then the IP throttle and account
     * lock, then the password. Success opens a `second_factor` session that grants nothing yet.
     */
    async login(input: { username: string; password: string }, ctx: RequestContext) {
      // The account is looked up first so that even a refusal names it rather than the typed text.
      const user = await findByUsername(input.username);
      if (!(await allowlist.isAllowed(ctx.ip))) {
        await refusal(user, { action: 'login.refused', reason: 'ip_not_allowed' }, ctx);
        throw new AppError('IDENTITY.IP_NOT_ALLOWED');
      }
      if (await throttle.isIpThrottled(ctx.ip)) {
        await refusal(user, { action: 'login.refused', reason: 'ip_throttled' }, ctx);
        throw new AppError('IDENTITY.IP_THROTTLED');
      }
      const key = keyOf(user, input.username);
      if (await throttle.isLocked(key)) {
        await refusal(user, { action: 'login.failed', reason: 'locked' }, ctx);
        throw throttle.lockedError();
      }
      if (!user || user.disabled) {
        // Same work and the same answer as a wrong password: the response never tells if the account exists.
        await hasher.verifyDummy(input.password);
        return fail(key, user, user ? 'disabled' : 'unknown_user', ctx);
      }
      const checked = await hasher.verify(input.password, user.passwordHash);
      if (!checked.ok) return fail(key, user, 'wrong_password', ctx);
      if (user.oneTimePasswordExpiresAt && user.oneTimePasswordExpiresAt <= now()) {
        return fail(key, user, 'one_time_password_expired', ctx);
      }
      await throttle.recordSuccess(key);
      if (checked.needsRehash) {
        // Raised iterations take effect on the next login; the password itself is unchanged.
        await db
          .update(staffUser)
          .set({ passwordHash: await hasher.hash(input.password) })
          .where(eq(staffUser.id, user.id));
      }
      const { token } = await sessions.create({
        subjectKind: 'staff',
        subjectId: user.id,
        stage: 'second_factor',
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      });
      await audit.record(db, {
        action: 'login.password_accepted',
        actor: actorFor(user),
        result: 'success',
        details: { population: 'staff' },
        ip: ctx.ip,
        requestId: ctx.requestId,
      });
      // The login page offers only the second factors this user has set up.
      const methods: Array<'sms' | 'totp'> = [];
      if (user.phoneEnc) methods.push('sms');
      if (user.totpEnabled) methods.push('totp');
      return {
        token,
        result: { stage: 'second_factor' as const, methods, phoneMasked: user.phoneMasked },
      };
    },

    ...secondFactor,
    ...account,
  };
}

export type StaffAuth = ReturnType<typeof createStaffAuth>;
