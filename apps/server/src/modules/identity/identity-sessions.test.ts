import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAuditRecorder,
  loginAs,
  loginAsCandidate,
  cookieValue,
} from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createStaffWithPassword, GOOD_PASSWORD } from './identity.test-support';
import { userSession } from './identity.table';
import { SESSION_COOKIE } from './session.service';

const TRUSTED_PROXY = '10.0.0.1';

describe('identity and access over HTTP', () => {
  let t: TestApp;
  const audit = createAuditRecorder();

  beforeAll(async () => {
    t = await createTestApp({ trustedProxies: [TRUSTED_PROXY] }, { audit });
  });
  afterAll(() => t.close());

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
});
