import type { Router } from 'vue-router';
import { ApiError } from '@/app/http';
import { staffAuthApi } from './identity.api';
import { staffSession } from './staff-session';

// Back-office pages open only to a signed-in staff user; a password that must be changed (REG-05)
// sends every page to the change-password screen first.
// The hospital-school and interview portals join when their pages arrive (they share this login).
const STAFF_PORTALS = ['/admin'];
const OPEN_PAGES = ['/admin/login', '/admin/change-password'];

/** Installs the staff guard on the router (called once in router.ts). */
export function installIdentityGuard(router: Router): void {
  router.beforeEach(async (to) => {
    if (!STAFF_PORTALS.some((p) => to.path === p || to.path.startsWith(`${p}/`))) return true;
    if (OPEN_PAGES.includes(to.path)) return true;
    if (staffSession.account && !staffSession.account.passwordChangeRequired) return true;
    try {
      staffSession.account = await staffAuthApi.account({ silent: true });
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'IDENTITY.PASSWORD_EXPIRED') return { path: '/admin/change-password' };
      return { path: '/admin/login', query: { redirect: to.fullPath } };
    }
  });
}
