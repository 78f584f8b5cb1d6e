import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { StaffAccount } from '@kaolu/contracts';
import type { Principal } from '../../platform/auth/access';
import type { AuditActor } from '../../platform/audit/audit.types';
import { AppError } from '../../platform/errors/app-error';
import type { IdentityDeps, RequestContext } from './identity.deps';
import { staffUser } from './identity.table';
import type { IpAllowlist } from './ip-allowlist.service';
import { accountKey } from './login-throttle';
import { hashNewPassword, rememberPassword } from './password-store';
import {
  loadGrantScopes,
  passwordExpiresAt,
  passwordWarningOf,
  permissionsOf,
  restrictionOf,
  rolesOf,
  type StaffUserRow,
} from './staff-access';
import { base32Decode, verifyTotp } from './totp';

// A staff principal as the route hands it over; changePassword needs its session id.
type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;

/**
 * Staff login (NFR-SEC-1, REG-05, REG-07): allowlisted address → password with lockout → second
 * factor (SMS code or TOTP) → active session, restricted while the password must be changed.
 */
export function createStaffAuth(deps: IdentityDeps, allowlist: IpAllowlist) {
  const { db, audit, hasher, sessions, throttle, codes, crypto, config, now } = deps;
  const settings = config.identity;
  const anonymous: AuditActor = { kind: 'anonymous' };
  const actorFor = (user: StaffUserRow): AuditActor => ({
    kind: 'staff',
    id: user.id,
    username: user.username,
  });
  // Unknown usernames lock under the SM3 of the lower-cased name, never the name itself, so the
  // throttle table holds no typed text and a lock does not reveal whether the account exists.
  const keyOf = (user: StaffUserRow | undefined, username: string) =>
    user
      ? accountKey('staff', user.id)
      : accountKey('staff', `name:${crypto.sm3(username.toLowerCase())}`);

  // Usernames are unique regardless of case (staff-users.service checks lower() on create).
  const findByUsername = async (username: string) =>
    (
      await db
        .select()
        .from(staffUser)
        .where(eq(sql`lower(${staffUser.username})`, username.toLowerCase()))
    )[0];
  // A session whose user row is gone is an ended session: 401, not 404.
  const getUser = async (id: string) => {
    const [user] = await db.select().from(staffUser).where(eq(staffUser.id, id));
    if (!user) throw new AppError('COMMON.UNAUTHENTICATED');
    return user;
  };

  /** The pending (second-step) session of a token, or 401. */
  const pendingSession = async (token: string | undefined) => {
    const session = token ? await sessions.findByToken(token) : undefined;
    if (!session || session.subjectKind !== 'staff' || session.stage !== 'second_factor')
      throw new AppError('COMMON.UNAUTHENTICATED');
    return { session, user: await getUser(session.subjectId) };
  };

  /**
   * What a failed or refused login records about the account (NFR-SEC-1, NFR-SEC-3): whether it
   * exists and, if so, which one — never the typed username, which is now and then a password
   * typed into the wrong box.
   */
  const accountOf = (user: StaffUserRow | undefined) =>
    user
      ? {
          target: { targetType: 'staff_user', targetId: user.id },
          details: { accountExists: true, userId: user.id },
        }
      : { target: {}, details: { accountExists: false } };
  type Refusal = { action: 'login.failed' | 'login.refused'; reason: string; locked?: boolean };
  const refusal = (
    user: StaffUserRow | undefined,
    { action, ...why }: Refusal,
    ctx: RequestContext,
  ) => {
    const { target, details } = accountOf(user);
    return audit.record(db, {
      action,
      actor: anonymous,
      ...target,
      result: 'failure',
      details: { population: 'staff', ...details, ...why },
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
  };

  // A wrong password or unusable account: counts the failure, audits it, answers alike for all
  // causes.
  const fail = async (
    key: string,
    user: StaffUserRow | undefined,
    reason: string,
    ctx: RequestContext,
  ) => {
    const { locked } = await throttle.recordFailure(key, ctx.ip);
    await refusal(user, { action: 'login.failed', reason, locked }, ctx);
    throw locked ? throttle.lockedError() : new AppError('IDENTITY.INVALID_CREDENTIALS');
  };

  return {
    /**
     * First step: allowlist (REG-07) before anything is counted, then the IP throttle and account
     * lock,
     * then the password. Success opens a `second_factor` session that grants nothing yet.
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

    /** Sends the 6-digit second-factor code to the user's phone through the SMS gateway. */
    async sendSecondFactorCode(token: string | undefined, ctx: RequestContext) {
      const { session, user } = await pendingSession(token);
      if (!user.phoneEnc)
        throw new AppError('COMMON.VALIDATION_FAILED', {
          message: '该账号未登记手机号，请使用动态口令',
        });
      const phone = crypto.decryptField(user.phoneEnc, {
        table: 'staff_user',
        column: 'phone',
        rowId: user.id,
      });
      await codes.issue('second_factor', session.id, (code) =>
        deps.sms.send({
          phone,
          purpose: 'second_factor',
          content: `【上海考录】您的后台登录验证码为${code}，5分钟内有效，请勿告诉他人。`,
          actor: actorFor(user),
          ip: ctx.ip,
          requestId: ctx.requestId,
        }),
      );
    },

    /** Second step: a right code activates the session under a new token. */
    async verifySecondFactor(
      token: string | undefined,
      input: { method: 'sms' | 'totp'; code: string },
      ctx: RequestContext,
    ) {
      const { session, user } = await pendingSession(token);
      const key = accountKey('staff', user.id);
      // Second-factor failures count on the same account key as password failures and lock alike.
      if (await throttle.isLocked(key)) throw throttle.lockedError();
      const ok =
        input.method === 'sms'
          ? await codes.verify('second_factor', session.id, input.code)
          : await acceptTotp(user, input.code);
      if (!ok) {
        const { locked } = await throttle.recordFailure(key, ctx.ip);
        await audit.record(db, {
          action: 'login.second_factor_failed',
          actor: actorFor(user),
          result: 'failure',
          details: { method: input.method, locked },
          ip: ctx.ip,
          requestId: ctx.requestId,
        });
        // A lock also ends the pending session: after the lock the password step must be passed
        // again.
        if (locked) await sessions.revoke(session.id);
        throw locked ? throttle.lockedError() : new AppError('IDENTITY.CODE_INVALID');
      }
      await throttle.recordSuccess(key);
      const activeToken = await sessions.activate(session.id);
      // lastLoginAt records completed logins only, both steps passed.
      await db.update(staffUser).set({ lastLoginAt: now() }).where(eq(staffUser.id, user.id));
      await audit.record(db, {
        action: 'login.succeeded',
        actor: actorFor(user),
        result: 'success',
        details: { population: 'staff', method: input.method },
        ip: ctx.ip,
        requestId: ctx.requestId,
      });
      return { token: activeToken, account: await this.account(user.id) };
    },

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

  /** TOTP with replay protection: the matched step must be later than the last one used. */
  async function acceptTotp(user: StaffUserRow, code: string): Promise<boolean> {
    if (!user.totpEnabled || !user.totpSecretEnc) return false;
    const secret = base32Decode(
      crypto.decryptField(user.totpSecretEnc, {
        table: 'staff_user',
        column: 'totp_secret',
        rowId: user.id,
      }),
    );
    // ±1 step tolerates clock drift; the conditional update below makes each step usable once, even
    // for two requests with the same code at the same moment.
    const step = verifyTotp(secret, code, Math.floor(now().getTime() / 1000), user.totpLastStep);
    if (step === undefined) return false;
    const updated = await db
      .update(staffUser)
      .set({ totpLastStep: step })
      .where(
        and(
          eq(staffUser.id, user.id),
          or(isNull(staffUser.totpLastStep), lt(staffUser.totpLastStep, step)),
        ),
      )
      .returning({ id: staffUser.id });
    return updated.length === 1;
  }
}

export type StaffAuth = ReturnType<typeof createStaffAuth>;
