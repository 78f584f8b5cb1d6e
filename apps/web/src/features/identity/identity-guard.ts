import type { RouteLocationNormalized, Router } from 'vue-router';
import { ApiError } from '@/app/http';
import { portals, type PortalKey } from '@/app/portals';
import { staffAuthApi } from './identity.api';
import { staffSession } from './staff-session';

// Back-office portals (admin, hospital-school, interview: records with meta.requiresStaff) open only
// to a signed-in staff user; they share one login, second factor and forced password change (REG-05),
// each shown inside the portal the user was going to. Permissions are checked by the layouts, which
// show the 403 page in place of a page the user may not open.

/** The staff portal a route belongs to (its layout's meta.portal), admin by default. */
export function staffPortalOf(route: Pick<RouteLocationNormalized, 'meta'>): PortalKey {
  const portal = route.meta.portal;
  return portal && portal !== 'candidate' ? portal : 'admin';
}

/** Path of a staff page (login, change-password) inside the given portal. */
export function staffPagePath(portal: PortalKey, page: 'login' | 'change-password'): string {
  return `${portals[portal].basePath}/${page}`;
}

/**
 * Where to go after login: the page the user was going to, if it is a path of this application
 * (never another site, never the login page itself), else the portal's home.
 */
export function safeRedirect(value: unknown, portal: PortalKey): string {
  const home = portals[portal].basePath;
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.includes('\\')
  )
    return home;
  // Going back to the login or change-password page after login would loop; home instead.
  const path = value.split(/[?#]/)[0]!;
  if (path.endsWith('/login') || path.endsWith('/change-password')) return home;
  return value;
}

/** Installs the staff guard on the router (called once in router.ts). */
export function installIdentityGuard(router: Router): void {
  router.beforeEach(async (to) => {
    if (!to.matched.some((record) => record.meta.requiresStaff)) return true;
    // staffOpen pages (login, change-password) must be reachable before or during sign-in.
    if (to.meta.staffOpen) return true;
    const portal = staffPortalOf(to);
    // A known, unrestricted account passes without a request; otherwise ask the server once, so a
    // reload of any back-office page restores the session from its cookie.
    if (staffSession.account && !staffSession.account.passwordChangeRequired) return true;
    try {
      staffSession.account = await staffAuthApi.account({ silent: true });
    } catch (error) {
      // REG-05: an expired password restricts the session to changing it; everything else waits.
      if (error instanceof ApiError && error.code === 'IDENTITY.PASSWORD_EXPIRED') {
        return { path: staffPagePath(portal, 'change-password') };
      }
      // No (valid) session: to the portal's login, remembering where the user was going.
      staffSession.account = null;
      return { path: staffPagePath(portal, 'login'), query: { redirect: to.fullPath } };
    }
    if (staffSession.account.passwordChangeRequired) {
      return { path: staffPagePath(portal, 'change-password') };
    }
    return true;
  });
}
