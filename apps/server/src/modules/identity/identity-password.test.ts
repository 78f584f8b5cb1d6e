import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRecorder, loginAs } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createStaffWithPassword, GOOD_PASSWORD, staffLoginWithSms } from './identity.test-support';
import { staffUser } from './identity.table';
import { routeWalk } from './identity-access.test-support';

const DAY = 86_400_000;
const TRUSTED_PROXY = '10.0.0.1';

describe('identity and access over HTTP', () => {
  let t: TestApp;
  const audit = createAuditRecorder();

  beforeAll(async () => {
    t = await createTestApp({ trustedProxies: [TRUSTED_PROXY] }, { audit });
  });
  afterAll(() => t.close());

  const { guarded, call } = routeWalk(() => t);

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
});
