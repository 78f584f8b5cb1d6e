import type { Permission } from '@kaolu/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';

/**
 * Who may call a route. Every /api route must declare one, checked at start-up, so a new route can
 * never be open by accident: 'public' (anyone), 'candidate' (a logged-in candidate), 'staff' (any
 * logged-in staff user, for his own account only), or a staff permission from the catalogue.
 */
export type RouteAccess = 'public' | 'candidate' | 'staff' | { permission: Permission };

/** One role grant of a staff user, with its scope (null = not limited on that axis). */
export type GrantScope = {
  role: string;
  unitId: string | null;
  eventId: string | null;
  /** Interview grants only: the venue / session the grant is narrowed to (IVW-05). */
  venueId?: string | null;
  sessionId?: string | null;
  permissions: ReadonlySet<Permission>;
};

/**
 * Why a session may only change its password and log out (REG-05): the password expired, or it is
 * an initial / administrator-reset one-time password.
 */
export type PrincipalRestriction = 'password_expired' | 'password_initial';

/** The authenticated caller, resolved from the session by the identity module. */
export type Principal =
  | { kind: 'candidate'; id: string; sessionId?: string }
  | {
      kind: 'staff';
      id: string;
      username: string;
      permissions: ReadonlySet<Permission>;
      /** The grants behind `permissions`, for scoped queries (see permission-scope.ts). */
      grants?: readonly GrantScope[];
      restriction?: PrincipalRestriction;
      sessionId?: string;
    };

/** Resolves the caller of a request (or undefined for anonymous); provided by the identity module. */
export type PrincipalResolver = (request: FastifyRequest) => Promise<Principal | undefined>;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Set only on "change password" and "log out": they work in a password-restricted session (REG-05). */
    allowRestricted?: boolean;
    /** Set only where the answer deliberately carries clear personal data (NFR-SEC-3 reveal). */
    revealsPersonalData?: boolean;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** Routes seen at start-up with their access rule, for the permission-matrix test and the docs. */
export type RegisteredRoute = { method: string; url: string; access: RouteAccess };

/** Installs the access guard: resolve the caller, then enforce the route's declared access. */
export function registerAccessGuard(
  app: FastifyInstance,
  resolvePrincipal: PrincipalResolver,
): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.decorateRequest('principal', undefined);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access)
      throw new Error(`route ${String(route.method)} ${route.url} declares no access rule`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    request.principal = await resolvePrincipal(request);
    const principal = request.principal;
    if (!principal) throw new AppError('COMMON.UNAUTHENTICATED');
    // Every later log line of this request names its user (an internal id, never personal data).
    request.log = request.log.child({ userId: principal.id, userKind: principal.kind });
    reply.log = request.log;
    if (access === 'candidate') {
      if (principal.kind !== 'candidate') throw new AppError('COMMON.FORBIDDEN');
      return;
    }
    if (principal.kind !== 'staff') throw new AppError('COMMON.FORBIDDEN');
    // REG-05: an expired or one-time password unlocks nothing but changing it and logging out.
    if (principal.restriction && request.routeOptions.config?.allowRestricted !== true) {
      const message =
        principal.restriction === 'password_initial'
          ? '首次登录或密码被重置，请先修改密码'
          : undefined;
      throw new AppError('IDENTITY.PASSWORD_EXPIRED', {
        message,
        details: { reason: principal.restriction },
      });
    }
    if (access === 'staff') return;
    if (!principal.permissions.has(access.permission)) {
      throw new AppError('COMMON.FORBIDDEN');
    }
  });
  return routes;
}
