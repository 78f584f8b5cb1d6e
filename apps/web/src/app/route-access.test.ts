import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { staffSession } from '@/features/identity/staff-session';
import type { StaffAccount } from '@/features/identity/identity.api';
import { adminRoutes } from '@/portals/admin/routes';
import { isRouteForbidden, requiredPermission } from './route-access';

afterEach(() => {
  staffSession.account = null;
});

/** Resolves a path against the real admin route tree, so the test reads the same meta as the app. */
function resolve(path: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [adminRoutes] });
  return router.resolve(path);
}

describe('route access from route meta', () => {
  it('reads the permission a page declares, including pages reached from no menu entry', () => {
    expect(requiredPermission(resolve('/admin/sms'))).toBe('sms.read');
    expect(requiredPermission(resolve('/admin/reviews/6b0a3f34-0000-4000-8000-000000000000'))).toBe(
      'application.review',
    );
    expect(requiredPermission(resolve('/admin'))).toBeUndefined();
  });

  it('forbids a direct visit without the permission and allows it with', () => {
    const route = resolve('/admin/audit');
    expect(isRouteForbidden(route, () => false)).toBe(true);
    expect(isRouteForbidden(route, (p) => p === 'audit.read')).toBe(false);
  });

  it('never forbids a page that declares no permission (dashboard, login, 404)', () => {
    expect(isRouteForbidden(resolve('/admin'), () => false)).toBe(false);
    expect(isRouteForbidden(resolve('/admin/login'), () => false)).toBe(false);
    expect(isRouteForbidden(resolve('/admin/no-such-page'), () => false)).toBe(false);
  });

  it('checks the signed-in staff session by default', () => {
    const route = resolve('/admin/jobs');
    expect(isRouteForbidden(route)).toBe(true);
    staffSession.account = { permissions: ['job.read'] } as StaffAccount;
    expect(isRouteForbidden(route)).toBe(false);
  });
});
