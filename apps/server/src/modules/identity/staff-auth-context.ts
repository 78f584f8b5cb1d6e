import { eq, sql } from 'drizzle-orm';
import type { AuditActor } from '../../platform/audit/audit.types';
import { AppError } from '../../platform/errors/app-error';
import type { IdentityDeps, RequestContext } from './identity.deps';
import { staffUser } from './identity.table';
import { accountKey } from './login-throttle';
import type { StaffUserRow } from './staff-access';

/**
 * What the staff login steps share (NFR-SEC-1): how an account is found and named in the audit
 * log, the throttle key of a typed username, the pending second-step session, and the one way a
 * failed attempt is counted and answered.
 */
export function createStaffAuthContext(deps: IdentityDeps) {
  const { db, audit, sessions, throttle, crypto, config } = deps;
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
    settings,
    anonymous,
    actorFor,
    keyOf,
    findByUsername,
    getUser,
    pendingSession,
    refusal,
    fail,
  };
}

export type StaffAuthContext = ReturnType<typeof createStaffAuthContext>;
