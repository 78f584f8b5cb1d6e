import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { StaffAccount } from '@kaolu/contracts';
import { AppError } from '../../platform/errors/app-error';
import type { IdentityDeps, RequestContext } from './identity.deps';
import { staffUser } from './identity.table';
import { accountKey } from './login-throttle';
import type { StaffUserRow } from './staff-access';
import type { StaffAuthContext } from './staff-auth-context';
import { base32Decode, verifyTotp } from './totp';

/**
 * The second login step of staff (NFR-SEC-1: two factors for administrators): an SMS code or a
 * TOTP code turns the pending session into an active one; failures lock like wrong passwords.
 * `account` is the signed-in view answered once the session is active.
 */
export function createStaffSecondFactor(
  deps: IdentityDeps,
  context: StaffAuthContext,
  account: (userId: string) => Promise<StaffAccount>,
) {
  const { db, audit, sessions, throttle, codes, crypto, now } = deps;
  const { actorFor, pendingSession } = context;

  return {
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
      return { token: activeToken, account: await account(user.id) };
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
