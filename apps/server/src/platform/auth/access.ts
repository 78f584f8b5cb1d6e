import type { Permission } from '@kaolu/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';

/**
 * Who may call a route. Every /api route must declare one, checked at start-up, so a new route can
 * never be open by accident: 'public' (anyone), 'candidate' (a logged-in candidate), or a staff
 * permission from the catalogue.
 */
export type RouteAccess = 'public' | 'candidate' | { permission: Permission };

/** The authenticated caller, resolved from the session by the identity module. */
export type Principal =
  | { kind: 'candidate'; id: string }
  | { kind: 'staff'; id: string; username: string; permissions: ReadonlySet<Permission> };

/** Resolves the caller of a request (or undefined for anonymous); provided by the identity module. */
export type PrincipalResolver = (request: FastifyRequest) => Promise<Principal | undefined>;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** Routes seen at start-up with their access rule, for the permission-matrix test and the docs. */
export type RegisteredRoute = { method: string; url: string; access: RouteAccess };

/** Installs the access guard: resolve the caller, then enforce the route's declared access. */
export function registerAccessGuard(app: FastifyInstance, resolvePrincipal: PrincipalResolver): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.decorateRequest('principal', undefined);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    request.principal = await resolvePrincipal(request);
    const principal = request.principal;
    if (!principal) throw new AppError('COMMON.UNAUTHENTICATED');
    if (access === 'candidate') {
      if (principal.kind !== 'candidate') throw new AppError('COMMON.FORBIDDEN');
      return;
    }
    if (principal.kind !== 'staff' || !principal.permissions.has(access.permission)) {
      throw new AppError('COMMON.FORBIDDEN');
    }
  });
  return routes;
}
