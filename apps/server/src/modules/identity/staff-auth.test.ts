import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAuditRecorder,
  cookieValue,
  headersFor,
  latestSmsCode,
} from '../../test-support/login-as';
import { testConfig } from '../../config';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createStaffWithPassword, GOOD_PASSWORD, staffLoginWithSms } from './identity.test-support';
import { loginThrottle, staffUser, userSession } from './identity.table';
import { SESSION_COOKIE } from './session.service';
import { base32Decode, totpAt } from './totp';

describe('staff login with second factor (NFR-SEC-1)', () => {
  let t: TestApp;
  const audit = createAuditRecorder();

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/staff/auth/login',
      payload: { username, password },
      remoteAddress,
    });

  it('logs in with password then SMS code, and only then reaches staff routes', async () => {
    await createStaffWithPassword(t.app, {
      username: 'zhang',
      phone: '13911110001',
      roles: ['sys_admin'],
    });
    const first = await login('zhang', GOOD_PASSWORD);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      stage: 'second_factor',
      methods: ['sms'],
      phoneMasked: '139****0001',
    });
    const pending = headersFor(t.app, cookieValue(first, SESSION_COOKIE)!);
    // Before the second step nothing beyond it works.
    const early = await t.app.inject({ method: 'GET', url: '/api/staff-users', headers: pending });
    expect(early.statusCode).toBe(401);
    expect(early.json().error.code).toBe('IDENTITY.SECOND_FACTOR_REQUIRED');

    await t.app.inject({
      method: 'POST',
      url: '/api/staff/auth/second-factor/sms',
      headers: pending,
    });
    const code = await latestSmsCode(t.app, '13911110001');
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/staff/auth/second-factor/verify',
      headers: pending,
      payload: { method: 'sms', code },
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({
      username: 'zhang',
      roles: ['sys_admin'],
      passwordChangeRequired: null,
    });
    const active = headersFor(t.app, cookieValue(verified, SESSION_COOKIE)!);
    expect(cookieValue(verified, SESSION_COOKIE)).not.toBe(cookieValue(first, SESSION_COOKIE));
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/staff-users', headers: active })).statusCode,
    ).toBe(200);
    // The pre-second-factor token no longer opens anything (rotated on activation).
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/staff-users', headers: pending })).statusCode,
    ).toBe(401);
    expect(audit.actions()).toEqual(
      expect.arrayContaining(['login.password_accepted', 'sms.sent', 'login.succeeded']),
    );
  });

  it('refuses a wrong SMS code, a reused one, and any code after 5 wrong tries', async () => {
    await createStaffWithPassword(t.app, { username: 'wang', phone: '13911110002' });
    const first = await login('wang', GOOD_PASSWORD);
    const pending = headersFor(t.app, cookieValue(first, SESSION_COOKIE)!);
    await t.app.inject({
      method: 'POST',
      url: '/api/staff/auth/second-factor/sms',
      headers: pending,
    });
    const code = await latestSmsCode(t.app, '13911110002');
    const wrong = code === '000000' ? '111111' : '000000';
    const verify = (c: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/staff/auth/second-factor/verify',
        headers: pending,
        payload: { method: 'sms', code: c },
      });
    expect((await verify(wrong)).json().error.code).toBe('IDENTITY.CODE_INVALID');
    for (let i = 0; i < 3; i++) await verify(wrong);
    // Fifth wrong try: the code is used up and the account's consecutive failures lock it.
    const fifth = await verify(wrong);
    expect(fifth.json().error.code).toBe('IDENTITY.ACCOUNT_LOCKED');
    expect((await verify(code)).statusCode).not.toBe(200);
  });

  it('accepts a TOTP code once enrolled and refuses replaying the same code', async () => {
    const { headers } = await (async () => {
      await createStaffWithPassword(t.app, { username: 'li', phone: '13911110003' });
      return staffLoginWithSms(t.app, 'li', '13911110003');
    })();
    const setup = await t.app.inject({
      method: 'POST',
      url: '/api/staff/account/totp/setup',
      headers,
    });
    const secret = base32Decode(setup.json().secret);
    expect(setup.json().otpauthUri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/staff/account/totp/confirm',
      headers,
      payload: { code: totpAt(secret, Date.now() / 1000 - 30) },
    });
    expect(confirm.statusCode).toBe(200);

    const first = await login('li', GOOD_PASSWORD);
    expect(first.json().methods).toEqual(['sms', 'totp']);
    const pending = headersFor(t.app, cookieValue(first, SESSION_COOKIE)!);
    const code = totpAt(secret, Date.now() / 1000);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/staff/auth/second-factor/verify',
      headers: pending,
      payload: { method: 'totp', code },
    });
    expect(ok.statusCode).toBe(200);
    const again = await login('li', GOOD_PASSWORD);
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/staff/auth/second-factor/verify',
      headers: headersFor(t.app, cookieValue(again, SESSION_COOKIE)!),
      payload: { method: 'totp', code },
    });
    expect(replay.json().error.code).toBe('IDENTITY.CODE_INVALID');
  });

  it('locks after 5 consecutive failures for 30 minutes, also for the right password', async () => {
    await createStaffWithPassword(t.app, { username: 'zhao', phone: '13911110004' });
    for (let i = 0; i < 4; i++)
      expect((await login('zhao', 'Wrong#pass1')).json().error.code).toBe(
        'IDENTITY.INVALID_CREDENTIALS',
      );
    expect((await login('zhao', 'Wrong#pass1')).json().error.code).toBe('IDENTITY.ACCOUNT_LOCKED');
    const locked = await login('zhao', GOOD_PASSWORD);
    expect(locked.statusCode).toBe(423);
    const [user] = await t.app.kaolu.database.db
      .select()
      .from(staffUser)
      .where(eq(staffUser.username, 'zhao'));
    const [row] = await t.app.kaolu.database.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, `staff:${user!.id}`));
    const minutes = (row!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
    // When the lock has run out the right password works again.
    await t.app.kaolu.database.db
      .update(loginThrottle)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(loginThrottle.key, `staff:${user!.id}`));
    expect((await login('zhao', GOOD_PASSWORD)).statusCode).toBe(200);
  });

  it('answers an unknown user exactly like a wrong password, including the lock', async () => {
    await createStaffWithPassword(t.app, { username: 'qian', phone: '13911110005' });
    const known: Array<[number, string]> = [];
    const unknown: Array<[number, string]> = [];
    for (let i = 0; i < 6; i++) {
      const a = await login('qian', 'Wrong#pass1');
      const b = await login('nobody-here', 'Wrong#pass1');
      known.push([a.statusCode, a.json().error.message]);
      unknown.push([b.statusCode, b.json().error.message]);
    }
    expect(unknown).toEqual(known);
  });

  it('audits a failed login by account, never by what was typed as the username', async () => {
    // A password typed into the username box must not end up in the audit log (NFR-SEC-3).
    const typed = 'p@ssw0rd-typed';
    await login(typed, 'Wrong#pass1');
    const unknownEntry = audit.entries.filter((e) => e.action === 'login.failed').at(-1);
    expect(unknownEntry).toMatchObject({
      result: 'failure',
      details: { population: 'staff', accountExists: false, reason: 'unknown_user' },
    });
    expect(unknownEntry?.targetId).toBeUndefined();
    expect(JSON.stringify(unknownEntry)).not.toContain(typed);

    const sun = await createStaffWithPassword(t.app, {
      username: 'sun-audit',
      phone: '13911110016',
    });
    await login('SUN-Audit', 'Wrong#pass1');
    const knownEntry = audit.entries.filter((e) => e.action === 'login.failed').at(-1);
    expect(knownEntry).toMatchObject({
      targetType: 'staff_user',
      targetId: sun.id,
      details: { accountExists: true, userId: sun.id, reason: 'wrong_password', locked: false },
    });
    expect(JSON.stringify(knownEntry)).not.toContain('SUN-Audit');
  });

  it('never stores the session token, only its SM3 hash', async () => {
    await createStaffWithPassword(t.app, { username: 'sun', phone: '13911110006' });
    const first = await login('sun', GOOD_PASSWORD);
    const token = cookieValue(first, SESSION_COOKIE)!;
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const rows = await t.app.kaolu.database.db.select().from(userSession);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    expect(rows.some((r) => r.tokenHash === t.app.kaolu.crypto.sm3(token))).toBe(true);
  });

  it('sets the session cookie httpOnly and SameSite, and Secure outside development', async () => {
    await createStaffWithPassword(t.app, { username: 'zhou', phone: '13911110007' });
    const res = await login('zhou', GOOD_PASSWORD);
    const session = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true, path: '/' });
    const csrf = res.cookies.find((c) => c.name === 'kaolu_csrf')!;
    expect(csrf.httpOnly).toBeFalsy();
  });
});

describe('lockout message under configured limits (NFR-SEC-1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    const base = testConfig();
    t = await createTestApp({ identity: { ...base.identity, maxFailures: 3, lockMinutes: 45 } });
  });
  afterAll(() => t.close());

  it('states the configured number of failures and lock minutes, not fixed text', async () => {
    await createStaffWithPassword(t.app, { username: 'sun', phone: '13911110031' });
    const login = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/staff/auth/login',
        payload: { username: 'sun', password: 'Wrong#pass1' },
      });
    for (let i = 0; i < 2; i++)
      expect((await login()).json().error.code).toBe('IDENTITY.INVALID_CREDENTIALS');
    const locked = (await login()).json().error;
    expect(locked.code).toBe('IDENTITY.ACCOUNT_LOCKED');
    expect(locked.message).toBe('连续登录失败3次，账号已锁定，请45分钟后再试');
  });
});
