import { ROLES, StaffRoleSchema, type Permission, type StaffRole } from '@kaolu/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAuditRecorder,
  headersFor,
  loginAs,
  loginAsCandidate,
  cookieValue,
} from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createStaffWithPassword, GOOD_PASSWORD, staffLoginWithSms } from './identity.test-support';
import { staffUser, userSession } from './identity.table';
import { SESSION_COOKIE } from './session.service';

const DAY = 86_400_000;
const TRUSTED_PROXY = '10.0.0.1';

describe('identity and access over HTTP', () => {
  let t: TestApp;
  const audit = createAuditRecorder();

  beforeAll(async () => {
    t = await createTestApp({ trustedProxies: [TRUSTED_PROXY] }, { audit });
  });
  afterAll(() => t.close());

  const guarded = () =>
    t.app.kaolu.routes.filter((r) => r.access !== 'public' && !r.url.includes('*'));
  const urlOf = (url: string) => url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
  const call = (method: string, url: string, headers?: Record<string, string>) =>
    t.app.inject({
      method: method as 'GET',
      url: urlOf(url),
      headers,
      ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
    });

  describe('RBAC route walk: every registered route, no exceptions', () => {
    it('answers 401 to an anonymous caller on every non-public route', async () => {
      expect(guarded().length).toBeGreaterThan(20);
      for (const route of guarded()) {
        const res = await call(route.method, route.url);
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      }
    });

    it('answers 403 to a staff user holding every role except those carrying the route permission', async () => {
      const users = new Map<string, Awaited<ReturnType<typeof loginAs>>>();
      const candidate = await loginAsCandidate(t.app);
      for (const route of guarded()) {
        const label = `${route.method} ${route.url}`;
        if (route.access === 'candidate') {
          const staff = await loginAs(t.app, StaffRoleSchema.options);
          expect((await call(route.method, route.url, staff.headers)).statusCode, label).toBe(403);
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
          const res = await call(route.method, route.url, (await loginAs(t.app, [holder])).headers);
          expect([401, 403], `${label} as ${holder}`).not.toContain(res.statusCode);
        }
      }
    });
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

  describe('REG-05 password expiry and one-time passwords', () => {
    it('restricts an expired password to changing it: every other route answers 403 PASSWORD_EXPIRED', async () => {
      const { id } = await createStaffWithPassword(t.app, {
        username: 'expired1',
        phone: '13922220001',
        roles: ['sys_admin', 'support'],
      });
      await t.app.kaolu.database.db
        .update(staffUser)
        .set({ passwordSetAt: new Date(Date.now() - 181 * DAY) })
        .where(eq(staffUser.id, id));
      const { headers, account } = await staffLoginWithSms(t.app, 'expired1', '13922220001');
      expect(account.passwordChangeRequired).toBe('expired');
      for (const route of guarded().filter(
        (r) => r.access !== 'candidate' && !r.url.endsWith('/account/password'),
      )) {
        const res = await call(route.method, route.url, headers);
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
        expect(res.json().error.code).toBe('IDENTITY.PASSWORD_EXPIRED');
      }
      const changed = await t.app.inject({
        method: 'POST',
        url: '/api/staff/account/password',
        headers,
        payload: { currentPassword: GOOD_PASSWORD, newPassword: 'Fresh#Pass2026' },
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().passwordChangeRequired).toBeNull();
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/staff-users', headers })).statusCode,
      ).toBe(200);
    });

    it('warns 14 days ahead of expiry', async () => {
      const { id } = await createStaffWithPassword(t.app, {
        username: 'warned1',
        phone: '13922220002',
      });
      await t.app.kaolu.database.db
        .update(staffUser)
        .set({ passwordSetAt: new Date(Date.now() - 170 * DAY) })
        .where(eq(staffUser.id, id));
      const { account } = await staffLoginWithSms(t.app, 'warned1', '13922220002');
      expect(account.passwordWarning).toBe('您的密码将在10天后过期，请尽快修改密码');
      await t.app.kaolu.database.db
        .update(staffUser)
        .set({ passwordSetAt: new Date(Date.now() - 160 * DAY) })
        .where(eq(staffUser.id, id));
      expect(
        (await staffLoginWithSms(t.app, 'warned1', '13922220002')).account.passwordWarning,
      ).toBeNull();
    });

    it('issues a one-time password that must be changed at first login and dies after 24 hours', async () => {
      const sys = await loginAs(t.app, 'sys_admin');
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/staff-users',
        headers: sys.headers,
        payload: { username: 'newbie', displayName: '新人', phone: '13922220003' },
      });
      expect(created.statusCode).toBe(200);
      const { oneTimePassword, expiresAt, userId } = created.json();
      expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
      const { headers, account } = await staffLoginWithSms(
        t.app,
        'newbie',
        '13922220003',
        oneTimePassword,
      );
      expect(account.passwordChangeRequired).toBe('initial');
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/staff/account', headers })).json().error
          .code,
      ).toBe('IDENTITY.PASSWORD_EXPIRED');
      const weak = await t.app.inject({
        method: 'POST',
        url: '/api/staff/account/password',
        headers,
        payload: { currentPassword: oneTimePassword, newPassword: 'newbie2026' },
      });
      expect(weak.json().error.message).toBe(
        '密码不符合要求：密码须包含大写字母、小写字母、数字、特殊符号中的至少3类，还缺少1类（可添加：大写字母、特殊符号）；密码不能包含用户名',
      );
      const reuse = await t.app.inject({
        method: 'POST',
        url: '/api/staff/account/password',
        headers,
        payload: { currentPassword: oneTimePassword, newPassword: oneTimePassword },
      });
      expect(reuse.json().error.message).toContain('新密码不能与最近5次使用过的密码相同');
      const ok = await t.app.inject({
        method: 'POST',
        url: '/api/staff/account/password',
        headers,
        payload: { currentPassword: oneTimePassword, newPassword: 'Welcome#2026' },
      });
      expect(ok.statusCode).toBe(200);

      const reset = await t.app.inject({
        method: 'POST',
        url: `/api/staff-users/${userId}/reset-password`,
        headers: sys.headers,
      });
      await t.app.kaolu.database.db
        .update(staffUser)
        .set({ oneTimePasswordExpiresAt: new Date(Date.now() - 1000) })
        .where(eq(staffUser.id, userId));
      const late = await t.app.inject({
        method: 'POST',
        url: '/api/staff/auth/login',
        payload: { username: 'newbie', password: reset.json().oneTimePassword },
      });
      expect(late.json().error.code).toBe('IDENTITY.INVALID_CREDENTIALS');
      // The reset also ended the sessions the user had.
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/staff/account', headers })).statusCode,
      ).toBe(401);
    });
  });

  describe('REG-07 IP allowlist', () => {
    it('accepts staff logins from loopback only while the list is empty, and audits a refusal', async () => {
      await createStaffWithPassword(t.app, { username: 'ipuser', phone: '13933330001' });
      const login = (remoteAddress: string, headers: Record<string, string> = {}) =>
        t.app.inject({
          method: 'POST',
          url: '/api/staff/auth/login',
          payload: { username: 'ipuser', password: GOOD_PASSWORD },
          remoteAddress,
          headers,
        });
      expect((await login('127.0.0.1')).statusCode).toBe(200);
      const refused = await login('203.0.113.9');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('IDENTITY.IP_NOT_ALLOWED');
      expect(
        audit.entries.find((e) => e.action === 'login.refused' && e.ip === '203.0.113.9'),
      ).toBeDefined();

      const sec = await loginAs(t.app, 'sec_admin');
      const added = await t.app.inject({
        method: 'POST',
        url: '/api/ip-allowlist',
        headers: sec.headers,
        payload: { cidr: '203.0.113.0/24', note: '办公网' },
      });
      expect(added.json().cidr).toBe('203.0.113.0/24');
      expect((await login('203.0.113.9')).statusCode).toBe(200);
      // A forged X-Forwarded-For from an untrusted peer is ignored: the peer's own address counts.
      const forged = await login('198.51.100.7', { 'x-forwarded-for': '203.0.113.9' });
      expect(forged.json().error.code).toBe('IDENTITY.IP_NOT_ALLOWED');
      // The same header from the configured reverse proxy is believed.
      expect((await login(TRUSTED_PROXY, { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(
        200,
      );
      // Candidates are not subject to the back-office list.
      const candidate = await t.app.inject({
        method: 'POST',
        url: '/api/candidate/auth/login',
        payload: { account: '13800000000', password: 'x' },
        remoteAddress: '198.51.100.7',
      });
      expect(candidate.json().error.code).toBe('IDENTITY.INVALID_CREDENTIALS');
      await t.app.inject({
        method: 'DELETE',
        url: `/api/ip-allowlist/${added.json().id}`,
        headers: sec.headers,
      });
    });

    it('refuses a malformed allowlist entry', async () => {
      const sec = await loginAs(t.app, 'sec_admin');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/ip-allowlist',
        headers: sec.headers,
        payload: { cidr: '10.0.0.0/33' },
      });
      expect(res.json().error.code).toBe('IDENTITY.ALLOWLIST_ENTRY_INVALID');
    });
  });

  describe('sessions', () => {
    const age = async (sessionToken: string, values: Partial<typeof userSession.$inferInsert>) =>
      t.app.kaolu.database.db
        .update(userSession)
        .set(values)
        .where(eq(userSession.tokenHash, t.app.kaolu.crypto.sm3(sessionToken)));

    it('ends a staff session after 30 idle minutes and a candidate session after 2 hours', async () => {
      const staff = await loginAs(t.app, 'sys_admin');
      await age(staff.token, { lastSeenAt: new Date(Date.now() - 29 * 60_000) });
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/staff/account', headers: staff.headers }))
          .statusCode,
      ).toBe(200);
      await age(staff.token, { lastSeenAt: new Date(Date.now() - 31 * 60_000) });
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/staff/account', headers: staff.headers }))
          .statusCode,
      ).toBe(401);
      const candidate = await loginAsCandidate(t.app);
      await age(candidate.token, { lastSeenAt: new Date(Date.now() - 119 * 60_000) });
      expect(
        (
          await t.app.inject({
            method: 'GET',
            url: '/api/candidate/account',
            headers: candidate.headers,
          })
        ).statusCode,
      ).toBe(200);
      await age(candidate.token, { lastSeenAt: new Date(Date.now() - 121 * 60_000) });
      expect(
        (
          await t.app.inject({
            method: 'GET',
            url: '/api/candidate/account',
            headers: candidate.headers,
          })
        ).statusCode,
      ).toBe(401);
    });

    it('ends any session 12 hours after it began, however active', async () => {
      const staff = await loginAs(t.app, 'sys_admin');
      const [row] = await t.app.kaolu.database.db
        .select()
        .from(userSession)
        .where(eq(userSession.tokenHash, t.app.kaolu.crypto.sm3(staff.token)));
      expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(12 * 3_600_000);
      await age(staff.token, { expiresAt: new Date(Date.now() - 1000) });
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/staff/account', headers: staff.headers }))
          .statusCode,
      ).toBe(401);
    });

    it('lets sec_admin list and revoke sessions, and logout end one', async () => {
      const sec = await loginAs(t.app, 'sec_admin');
      const victim = await loginAs(t.app, 'support');
      const list = await t.app.inject({
        method: 'GET',
        url: '/api/sessions?pageSize=200',
        headers: sec.headers,
      });
      const entry = list
        .json()
        .items.find((s: { subject: string }) => s.subject === victim.username);
      expect(entry).toBeDefined();
      expect(
        (
          await t.app.inject({
            method: 'DELETE',
            url: `/api/sessions/${entry.id}`,
            headers: sec.headers,
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/staff/account', headers: victim.headers }))
          .statusCode,
      ).toBe(401);
      expect(audit.actions()).toContain('session.revoked');

      const out = await t.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: sec.headers,
      });
      expect(out.statusCode).toBe(200);
      expect(cookieValue(out, SESSION_COOKIE)).toBe('');
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/sessions', headers: sec.headers }))
          .statusCode,
      ).toBe(401);
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
