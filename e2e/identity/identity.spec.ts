import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { idNumberCheckDigit } from '@kaolu/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSpecBrowser } from '../support/browser';
import { createFirstAdmins, startSmsSink, type SmsSink } from '../support/operators';
import { startServer, type RunningServer } from '../support/server';

// Identity flows in a real browser. SMS go to a small HTTP receiver standing in for the
// operator's gateway, so the test reads codes the way a person reads a phone.
describe('identity in the browser', () => {
  let server: RunningServer;
  let sysAdminPassword = '';

  let sink: SmsSink;
  const browser = useSpecBrowser({
    cleanup: async () => {
      await server?.stop();
      sink?.close();
    },
  });
  const codeFor = (phone: string) => sink.code(phone);

  beforeAll(async () => {
    sink = await startSmsSink();
    const smsUrl = sink.url;

    // First setup as an operator does it, then age the sys_admin's password past 180 days (REG-05).
    const admins = await createFirstAdmins('identity', {
      sysAdmin: '13900000001',
      secAdmin: '13900000002',
      auditor: '13900000003',
    });
    const dataDir = admins.dataDir;
    sysAdminPassword = admins.oneTimePassword('sys_admin');
    const db = new PGlite(path.join(dataDir, 'pglite'));
    await db.query(
      `update staff_user set one_time_password_expires_at = null, password_set_at = now() - interval '200 days' where username = 'sysadm'`,
    );
    await db.close();

    server = await startServer(
      { SEED_DEMO: 'false', SMS_PROVIDER: 'http', SMS_HTTP_URL: smsUrl },
      { dataDir },
    );
  });

  it('lets a candidate register with real-name check and SMS code, then log in on a phone', async () => {
    const page = await browser.open('phone');
    const idNumber = `31010119970415123${idNumberCheckDigit('31010119970415123')}`;
    await page.goto(`${server.url}/register`);
    await page.getByTestId('reg-name').fill('陈小红');
    await page.getByTestId('reg-id').fill(idNumber);
    await page.getByTestId('reg-phone').fill('13812345678');
    await page.getByTestId('send-code').click();
    await page.getByTestId('reg-code').fill(await codeFor('13812345678'));
    await page.getByTestId('reg-password').fill('Exam#2026ok');
    await page.getByTestId('reg-confirm').fill('Exam#2026ok');
    await page.getByTestId('reg-submit').click();
    await page.getByTestId('account-info').waitFor();
    expect(await page.getByTestId('account-info').innerText()).toContain('138****5678');

    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await page.getByTestId('login-account').fill(idNumber);
    await page.getByTestId('login-password').fill('Exam#2026ok');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('account-info').waitFor();
    expect(await page.getByTestId('account-info').innerText()).toContain('陈小红');
  });

  it('shows 登录 / 注册 when signed out and the name with 退出 when signed in, in the header and the phone drawer', async () => {
    const idNumber = `31010119970415123${idNumberCheckDigit('31010119970415123')}`;
    const desk = await browser.open('desktop');
    await desk.goto(`${server.url}/notices`);
    const bar = desk.getByTestId('account-bar');
    await bar.getByText('注册').waitFor();
    await bar.getByText('登录').click();
    await desk.getByTestId('login-account').fill(idNumber);
    await desk.getByTestId('login-password').fill('Exam#2026ok');
    await desk.getByTestId('login-submit').click();
    await desk.getByTestId('account-info').waitFor();
    expect(await bar.getByTestId('account-name').innerText()).toBe('陈小红');
    // Still there on another page, without signing in again.
    await desk.getByTestId('portal-nav').getByText('职位查询').click();
    await desk.waitForURL('**/positions');
    await bar.getByTestId('account-logout').click();
    await desk.waitForURL((url) => url.pathname === '/');
    await bar.getByTestId('account-login').waitFor();

    // On a phone the same links are at the top of the drawer.
    const phone = await browser.open('phone');
    await phone.goto(server.url);
    await phone.getByTestId('nav-toggle').click();
    const drawer = phone.getByTestId('account-drawer');
    await drawer.getByText('注册').waitFor();
    await drawer.getByTestId('account-login').click();
    await phone.getByTestId('login-account').fill(idNumber);
    await phone.getByTestId('login-password').fill('Exam#2026ok');
    await phone.getByTestId('login-submit').click();
    await phone.getByTestId('account-info').waitFor();
    await phone.getByTestId('nav-toggle').click();
    expect(await drawer.getByTestId('account-name').innerText()).toBe('陈小红');
    await drawer.getByTestId('account-logout').waitFor();
  });

  it('forces a staff user with an expired password to change it before seeing anything else', async () => {
    const page = await browser.open('desktop');
    await page.goto(`${server.url}/admin/users`);
    await page.waitForURL('**/admin/login**');
    await page.getByTestId('staff-username').fill('sysadm');
    await page.getByTestId('staff-password').fill(sysAdminPassword);
    await page.getByTestId('staff-login').click();
    await page.getByTestId('send-code').click();
    await page.getByTestId('staff-code').fill(await codeFor('13900000001'));
    await page.getByTestId('staff-verify').click();
    await page.waitForURL('**/admin/change-password');
    expect(await page.getByTestId('password-reason').innerText()).toContain('密码已过期');

    // Any other page sends the user back here until the password is changed.
    await page.goto(`${server.url}/admin/users`);
    await page.waitForURL('**/admin/change-password');
    await page.getByTestId('current-password').fill(sysAdminPassword);
    await page.getByTestId('new-password').fill('Renewed#2026');
    await page.getByTestId('confirm-password').fill('Renewed#2026');
    await page.getByTestId('change-password').click();
    await page.waitForURL((url) => url.pathname === '/admin');
    await page.goto(`${server.url}/admin/users`);
    await page.getByText('sysadm').first().waitFor();
    expect(page.url()).toContain('/admin/users');
  });
});
