import { eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { AuditActor, AuditLog } from '../../platform/audit/audit.types';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import type { SmsGateway } from '../../platform/sms';
import type { CandidatesService } from '../candidates';
import { createCandidateAuth } from './candidate-auth.service';
import type { IdentityDeps, RequestContext } from './identity.deps';
import { staffUser } from './identity.table';
import { createIpAllowlist } from './ip-allowlist.service';
import { createLoginThrottle } from './login-throttle';
import { createOnlineSessions } from './online-sessions.service';
import { createPasswordHasher } from './password-hasher';
import { createPrincipalResolver } from './principal-resolver';
import {
  createHttpRealNameVerifier,
  createRealNameSimulator,
  type RealNameVerifier,
} from './real-name';
import { createRoleGrants } from './role-grants.service';
import { createSessionService } from './session.service';
import { createStaffAuth } from './staff-auth.service';
import { createStaffTotp } from './staff-totp.service';
import { createStaffUsers } from './staff-users.service';
import { createVerificationCodes } from './verification-codes';

/** What the composition root hands in; `now` and `realName` are replaceable for tests. */
export type IdentityOptions = {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  sms: SmsGateway;
  config: Config;
  now: () => Date;
  realName?: RealNameVerifier;
  candidates: CandidatesService;
};

// REAL_NAME_PROVIDER=http without its URL is a configuration error, never the simulator (NFR-EXC-1).
const requiredUrl = (url: string | undefined) => {
  if (!url) throw new Error('REAL_NAME_URL is required when REAL_NAME_PROVIDER=http');
  return url;
};

/** Builds the identity module: every use case over one set of dependencies. */
export function createIdentity(options: IdentityOptions) {
  const { config, now } = options;
  const settings = config.identity;
  const hasher = createPasswordHasher({
    crypto: options.crypto,
    iterations: settings.passwordIterations,
    concurrency: settings.hashConcurrency,
    queueTimeoutMs: settings.hashQueueTimeoutMs,
    queueMax: settings.hashQueueMax,
  });
  const realName =
    options.realName ??
    (settings.realName.provider === 'http'
      ? createHttpRealNameVerifier({
          url: requiredUrl(settings.realName.url),
          token: settings.realName.token,
        })
      : createRealNameSimulator());
  const deps: IdentityDeps = {
    ...options,
    now,
    hasher,
    realName,
    sessions: createSessionService({
      db: options.db,
      crypto: options.crypto,
      config: settings,
      now,
    }),
    throttle: createLoginThrottle(options.db, settings, now),
    codes: createVerificationCodes({ db: options.db, crypto: options.crypto, now }),
  };
  // The allowlist is shared: staff login asks it, the admin routes and the allow-ip command manage
  // it.
  const allowlist = createIpAllowlist(deps);

  return {
    db: options.db,
    audit: options.audit,
    hasher,
    sessions: deps.sessions,
    onlineSessions: createOnlineSessions(deps),
    allowlist,
    staff: createStaffAuth(deps, allowlist),
    totp: createStaffTotp(deps),
    candidates: createCandidateAuth(deps),
    staffUsers: createStaffUsers(deps),
    grants: createRoleGrants(deps),
    resolvePrincipal: createPrincipalResolver(deps),
    /** Cookies carry Secure everywhere but local development over plain HTTP. */
    secureCookies: config.env !== 'development',

    /** Ends the session of a token, whatever its step (audited). */
    async logout(token: string | undefined, ctx: RequestContext): Promise<void> {
      const session = token ? await deps.sessions.findByToken(token) : undefined;
      if (!session) return;
      let actor: AuditActor = { kind: 'candidate', id: session.subjectId };
      // The audit actor of a staff logout names the username, as every other staff entry does.
      if (session.subjectKind === 'staff') {
        const [user] = await options.db
          .select({ username: staffUser.username })
          .from(staffUser)
          .where(eq(staffUser.id, session.subjectId));
        actor = { kind: 'staff', id: session.subjectId, username: user?.username ?? '' };
      }
      // The revocation and its audit entry commit together, or neither does.
      await options.db.transaction(async (tx) => {
        await deps.sessions.revoke(session.id, tx);
        await options.audit.record(tx, {
          action: 'logout.succeeded',
          actor,
          result: 'success',
          ip: ctx.ip,
          requestId: ctx.requestId,
        });
      });
    },

    /** sec_admin ends a session (强制下线): the revocation and its audit entry in one transaction. */
    async revokeSession(sessionId: string, actor: AuditActor, ctx: RequestContext): Promise<void> {
      await options.db.transaction(async (tx) => {
        if (!(await deps.sessions.revoke(sessionId, tx)))
          throw new AppError('IDENTITY.SESSION_NOT_FOUND');
        await options.audit.record(tx, {
          action: 'session.revoked',
          actor,
          targetType: 'session',
          targetId: sessionId,
          result: 'success',
          ip: ctx.ip,
          requestId: ctx.requestId,
        });
      });
    },
  };
}

export type Identity = ReturnType<typeof createIdentity>;
