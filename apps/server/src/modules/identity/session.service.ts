import { and, count, desc, eq, gt, isNull, ne, or } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { IdentityConfig } from '../../config';
import type { Db, DbOrTx } from '../../db/client';
import type { CryptoProvider } from '../../platform/crypto';
import { CSRF_COOKIE } from '../../platform/auth/csrf';
import { userSession } from './identity.table';

/** The httpOnly cookie carrying the opaque session token. */
export const SESSION_COOKIE = 'kaolu_session';
/** 32 random bytes = 256 bits, well above the 128 the issue requires. */
const TOKEN_BYTES = 32;
/** lastSeenAt is written at most this often, so busy sessions do not write on every request. */
const TOUCH_INTERVAL_MS = 30_000;

/** A user_session row as Drizzle reads it. */
export type SessionRow = typeof userSession.$inferSelect;
export type SubjectKind = 'staff' | 'candidate';

/** The session service needs no audit: its callers record logins, logouts and revocations. */
export type SessionDeps = {
  db: Db;
  crypto: CryptoProvider;
  config: IdentityConfig;
  now: () => Date;
};

/**
 * Sessions (NFR-SEC-1): opaque tokens stored only as SM3 hashes, idle timeout per population
 * (staff 30 min, candidates 2 h), absolute lifetime 12 h, revocable by logout or by sec_admin.
 */
export function createSessionService({ db, crypto, config, now }: SessionDeps) {
  const hashToken = (token: string) => crypto.sm3(token);
  const idleMs = (kind: SubjectKind) =>
    (kind === 'staff' ? config.staffIdleMinutes : config.candidateIdleMinutes) * 60_000;

  return {
    /** Starts a session; staff sessions start at the second-factor step. */
    async create(input: {
      subjectKind: SubjectKind;
      subjectId: string;
      stage: SessionRow['stage'];
      ip: string;
      userAgent?: string;
    }) {
      const token = crypto.randomToken(TOKEN_BYTES);
      const at = now();
      const [session] = await db
        .insert(userSession)
        .values({
          tokenHash: hashToken(token),
          subjectKind: input.subjectKind,
          subjectId: input.subjectId,
          stage: input.stage,
          ip: input.ip,
          userAgent: input.userAgent?.slice(0, 300) ?? null,
          createdAt: at,
          lastSeenAt: at,
          expiresAt: new Date(at.getTime() + config.absoluteHours * 3_600_000),
        })
        .returning();
      return { token, session: session! };
    },

    /** The live session of a token, or undefined when unknown, revoked, idle too long or too old. */
    async findByToken(token: string): Promise<SessionRow | undefined> {
      const [session] = await db
        .select()
        .from(userSession)
        .where(eq(userSession.tokenHash, hashToken(token)));
      const at = now();
      if (!session || session.revokedAt || session.expiresAt <= at) return undefined;
      if (at.getTime() - session.lastSeenAt.getTime() > idleMs(session.subjectKind))
        return undefined;
      // lastSeenAt may lag by up to TOUCH_INTERVAL_MS: a small error against idle limits of
      // minutes.
      if (at.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
        await db.update(userSession).set({ lastSeenAt: at }).where(eq(userSession.id, session.id));
      }
      return session;
    },

    /** Passing the second factor: the session becomes active under a new token (no fixation). */
    async activate(sessionId: string): Promise<string> {
      const token = crypto.randomToken(TOKEN_BYTES);
      await db
        .update(userSession)
        .set({ stage: 'active', tokenHash: hashToken(token), lastSeenAt: now() })
        .where(eq(userSession.id, sessionId));
      return token;
    },

    /**
     * Ends one session; false when it was already ended, so 强制下线 can answer not found. Takes the
     * caller's transaction so that the revocation commits with its audit entry.
     */
    async revoke(sessionId: string, tx: DbOrTx = db): Promise<boolean> {
      const rows = await tx
        .update(userSession)
        .set({ revokedAt: now() })
        .where(and(eq(userSession.id, sessionId), isNull(userSession.revokedAt)))
        .returning({ id: userSession.id });
      return rows.length > 0;
    },

    /** After a password change or reset: every other session of that person ends. */
    async revokeAllOf(
      subjectKind: SubjectKind,
      subjectId: string,
      exceptSessionId?: string,
    ): Promise<void> {
      const conditions = [
        eq(userSession.subjectKind, subjectKind),
        eq(userSession.subjectId, subjectId),
        isNull(userSession.revokedAt),
      ];
      if (exceptSessionId) conditions.push(ne(userSession.id, exceptSessionId));
      await db
        .update(userSession)
        .set({ revokedAt: now() })
        .where(and(...conditions));
    },

    /** Live sessions, newest first, for sec_admin's session list. */
    async listActive(page: number, pageSize: number) {
      const at = now();
      // Idle limits differ per population, so "live" is decided per subject kind in the query
      // itself.
      const liveSince = (kind: SubjectKind) =>
        and(
          eq(userSession.subjectKind, kind),
          gt(userSession.lastSeenAt, new Date(at.getTime() - idleMs(kind))),
        );
      const where = and(
        isNull(userSession.revokedAt),
        gt(userSession.expiresAt, at),
        or(liveSince('staff'), liveSince('candidate')),
      );
      const items = await db
        .select()
        .from(userSession)
        .where(where)
        .orderBy(desc(userSession.lastSeenAt))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const [total] = await db.select({ n: count() }).from(userSession).where(where);
      return { items, total: total?.n ?? 0 };
    },

    /** The CSRF token bound to a session token: a keyed hash, so nothing more is stored. */
    csrfTokenFor(token: string): string {
      return crypto.hmacSm3('token', `csrf:${token}`);
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;

/** Sets the session cookie (httpOnly) and the readable CSRF cookie the web client echoes. */
export function setSessionCookies(
  reply: FastifyReply,
  token: string,
  csrfToken: string,
  secure: boolean,
): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
  reply.setCookie(CSRF_COOKIE, csrfToken, {
    path: '/',
    httpOnly: false,
    sameSite: 'strict',
    secure,
  });
}

/** Logout: both cookies are removed from the browser. */
export function clearSessionCookies(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure });
  reply.clearCookie(CSRF_COOKIE, { path: '/', sameSite: 'strict', secure });
}
