import { ROLES, StaffRoleSchema, type Permission, type StaffRole } from '@kaolu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAuditRecorder,
  headersFor,
  loginAs,
  loginAsCandidate,
} from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { SESSION_COOKIE } from './session.service';
import { routeWalk } from './identity-access.test-support';

const TRUSTED_PROXY = '10.0.0.1';

describe('identity and access over HTTP', () => {
  let t: TestApp;
  const audit = createAuditRecorder();

  beforeAll(async () => {
    t = await createTestApp({ trustedProxies: [TRUSTED_PROXY] }, { audit });
  });
  afterAll(() => t.close());

  const { guarded, call } = routeWalk(() => t);

  describe('RBAC route walk: every registered route, no exceptions', () => {
    it('answers 401 to an anonymous caller on every non-public route', async () => {
      expect(guarded().length).toBeGreaterThan(20);
      for (const route of guarded()) {
        const res = await call(route.method, route.url);
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      }
    });

    // Sessions are made once per permission and role (the walk covers some 400 routes).
    it(
      'answers 403 to a staff user holding every role except those carrying the route permission',
      { timeout: 180_000 },
      async () => {
        const users = new Map<string, Awaited<ReturnType<typeof loginAs>>>();
        const holders = new Map<string, Awaited<ReturnType<typeof loginAs>>>();
        const candidate = await loginAsCandidate(t.app);
        const staff = await loginAs(t.app, StaffRoleSchema.options);
        for (const route of guarded()) {
          const label = `${route.method} ${route.url}`;
          if (route.access === 'candidate') {
            expect((await call(route.method, route.url, staff.headers)).statusCode, label).toBe(
              403,
            );
            continue;
          }
          if (route.access === 'staff') {
            expect((await call(route.method, route.url, candidate.headers)).statusCode, label).toBe(
              403,
            );
            continue;
          }
          if (typeof route.access !== 'object') continue;
          const permission: Permission = route.access.permission;
          if (!users.has(permission)) {
            const lacking = StaffRoleSchema.options.filter(
              (r) => !ROLES[r].permissions.includes(permission),
            );
            users.set(permission, await loginAs(t.app, lacking));
          }
          expect(
            (await call(route.method, route.url, users.get(permission)!.headers)).statusCode,
            label,
          ).toBe(403);
          expect(
            (await call(route.method, route.url, candidate.headers)).statusCode,
            `${label} as candidate`,
          ).toBe(403);
          // And a holder of the permission gets past the guard (validation or not-found answers are fine).
          const holder = StaffRoleSchema.options.find((r) =>
            ROLES[r].permissions.includes(permission),
          );
          if (holder) {
            if (!holders.has(holder)) holders.set(holder, await loginAs(t.app, [holder]));
            const res = await call(route.method, route.url, holders.get(holder)!.headers);
            expect([401, 403], `${label} as ${holder}`).not.toContain(res.statusCode);
          }
        }
      },
    );
  });

  describe('三权分立 and grants', () => {
    it('lets sec_admin grant a scoped role but never to himself', async () => {
      const sec = await loginAs(t.app, 'sec_admin');
      const target = await loginAs(t.app, []);
      const unitId = '11111111-1111-4111-8111-111111111111';
      const granted = await t.app.inject({
        method: 'POST',
        url: '/api/role-grants',
        headers: sec.headers,
        payload: { staffUserId: target.userId, role: 'unit_user', unitId },
      });
      expect(granted.statusCode).toBe(200);
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/staff/account',
        headers: target.headers,
      });
      expect(me.json().roles).toEqual(['unit_user']);
      const self = await t.app.inject({
        method: 'POST',
        url: '/api/role-grants',
        headers: sec.headers,
        payload: { staffUserId: sec.userId, role: 'org_admin' },
      });
      expect(self.statusCode).toBe(403);
      expect(self.json().error.code).toBe('IDENTITY.SELF_GRANT');
      const unscoped = await t.app.inject({
        method: 'POST',
        url: '/api/role-grants',
        headers: sec.headers,
        payload: { staffUserId: target.userId, role: 'unit_user' },
      });
      expect(unscoped.json().error.code).toBe('IDENTITY.SCOPE_REQUIRED');
      expect(audit.entries.find((e) => e.action === 'role.granted')?.details).toMatchObject({
        role: 'unit_user',
        unitId,
      });
    });

    it('refuses to give one person two of sys_admin, sec_admin and auditor', async () => {
      const sec = await loginAs(t.app, 'sec_admin');
      const sys = await loginAs(t.app, 'sys_admin');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/role-grants',
        headers: sec.headers,
        payload: { staffUserId: sys.userId, role: 'auditor' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('IDENTITY.SEPARATION_OF_DUTIES');
    });

    it('keeps sys_admin away from grants and the audit log, and the auditor away from everything else', () => {
      const sys = ROLES.sys_admin.permissions;
      expect(sys).not.toContain('role_grant.manage');
      expect(sys.some((p) => p.startsWith('audit.'))).toBe(false);
      expect(ROLES.auditor.permissions.every((p) => p.startsWith('audit.'))).toBe(true);
      expect(
        ROLES.sec_admin.permissions.some(
          (p) => p.startsWith('audit.') || p === 'staff_user.manage',
        ),
      ).toBe(false);
    });
  });

  describe('CSRF (double submit bound to the session)', () => {
    it('refuses a state-changing request without the header or with another session’s token', async () => {
      const sec = await loginAs(t.app, 'sec_admin');
      const other = await loginAs(t.app, 'sec_admin');
      const payload = { cidr: '192.0.2.0/24', note: 'csrf' };
      const missing = await t.app.inject({
        method: 'POST',
        url: '/api/ip-allowlist',
        headers: { cookie: sec.headers.cookie },
        payload,
      });
      expect(missing.statusCode).toBe(403);
      expect(missing.json().error.code).toBe('IDENTITY.CSRF_REJECTED');
      const foreign = await t.app.inject({
        method: 'POST',
        url: '/api/ip-allowlist',
        headers: { cookie: sec.headers.cookie, 'x-csrf-token': other.headers['x-csrf-token'] },
        payload,
      });
      expect(foreign.statusCode).toBe(403);
      const ok = await t.app.inject({
        method: 'POST',
        url: '/api/ip-allowlist',
        headers: sec.headers,
        payload,
      });
      expect(ok.statusCode).toBe(200);
      await t.app.inject({
        method: 'DELETE',
        url: `/api/ip-allowlist/${ok.json().id}`,
        headers: sec.headers,
      });
      expect(
        (
          await t.app.inject({
            method: 'GET',
            url: '/api/ip-allowlist',
            headers: { cookie: sec.headers.cookie },
          })
        ).statusCode,
      ).toBe(200);
    });

    it('refuses a cookieless login posted from another origin and accepts one from ours', async () => {
      const payload = { username: 'nobody', password: 'x' };
      const cross = await t.app.inject({
        method: 'POST',
        url: '/api/staff/auth/login',
        headers: { origin: 'https://evil.example', host: 'kaolu.example' },
        payload,
      });
      expect(cross.json().error.code).toBe('IDENTITY.CSRF_REJECTED');
      const same = await t.app.inject({
        method: 'POST',
        url: '/api/staff/auth/login',
        headers: { origin: 'https://kaolu.example', host: 'kaolu.example' },
        payload,
      });
      expect(same.json().error.code).toBe('IDENTITY.INVALID_CREDENTIALS');
    });
  });

  it('gives a unit-scoped reviewer a scope limited to his unit', async () => {
    const unitId = '22222222-2222-4222-8222-222222222222';
    const reviewer = await loginAs(t.app, [{ role: 'unit_user' as StaffRole, unitId }]);
    const principal = await t.app.kaolu.identity.resolvePrincipal({
      cookies: { [SESSION_COOKIE]: reviewer.token },
    } as never);
    const { scopeOf, scopeAllows } = await import('../../platform/auth/permission-scope');
    const scope = scopeOf(principal, 'job.read');
    expect(scope).toEqual({ all: false, entries: [{ unitId, eventId: null }] });
    expect(scopeAllows(scope, { unitId })).toBe(true);
    expect(scopeAllows(scope, { unitId: '33333333-3333-4333-8333-333333333333' })).toBe(false);
    expect(headersFor(t.app, reviewer.token).cookie).toContain(reviewer.token);
  });
});
