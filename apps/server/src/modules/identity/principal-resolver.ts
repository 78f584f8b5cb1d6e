import { eq } from 'drizzle-orm';
import type { PrincipalResolver } from '../../platform/auth/access';
import { AppError } from '../../platform/errors/app-error';
import type { IdentityDeps } from './identity.deps';
import { staffUser } from './identity.table';
import { SESSION_COOKIE } from './session.service';
import { loadGrantScopes, permissionsOf, restrictionOf } from './staff-access';

/**
 * The caller of a request from its session cookie, for the access guard. A staff session still at
 * the second step is refused on every guarded route (401); an expired or one-time password yields a
 * restricted principal, which the guard lets reach only "change password" and "log out" (REG-05).
 */
export function createPrincipalResolver(deps: IdentityDeps): PrincipalResolver {
  const { db, sessions, config, now } = deps;
  return async (request) => {
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return undefined;
    const session = await sessions.findByToken(token);
    if (!session) return undefined;
    // Candidates carry no grants: what they may see is decided by ownership in each module.
    if (session.subjectKind === 'candidate')
      return { kind: 'candidate', id: session.subjectId, sessionId: session.id };
    if (session.stage !== 'active') throw new AppError('IDENTITY.SECOND_FACTOR_REQUIRED');
    // Grants are read on every request rather than cached in the session, so a revoked role or a
    // disabled account takes effect at the next request, not at the next login.
    const [user] = await db.select().from(staffUser).where(eq(staffUser.id, session.subjectId));
    if (!user || user.disabled) return undefined;
    const grants = await loadGrantScopes(db, user.id);
    return {
      kind: 'staff',
      id: user.id,
      username: user.username,
      permissions: permissionsOf(grants),
      grants,
      restriction: restrictionOf(user, config.identity.passwordMaxAgeDays, now()),
      sessionId: session.id,
    };
  };
}
