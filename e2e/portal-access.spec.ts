import { beforeAll, describe, expect, it } from 'vitest';
import { useSpecBrowser } from './support/browser';
import { createFirstAdmins, startSmsSink, type SmsSink } from './support/operators';
import { startServer, type RunningServer } from './support/server';
import { loginStaff, type StaffClient } from './support/staff-client';

// Issue 3 and 6 in a real browser: the hospital-school and interview portals share the staff login
// (second factor, forced password change, back to where the user was going); the admin portal shows
// only what the user's permissions allow, with a 403 page for the rest; an org_admin edits the event
// policy through the form and reads the server's Chinese message next to the field he got wrong.
describe('staff portal access and the policy form', () => {
  let server: RunningServer;
  let sink: SmsSink;
  let org: StaffClient;
  let unitUser: StaffClient;
  let auditor: StaffClient;
  let secAdmin: StaffClient;
  let hospitalOtp = '';
  let eventId = '';
  const browser = useSpecBrowser({
    cleanup: async () => {
      await server?.stop();
      sink?.close();
    },
  });

  beforeAll(async () => {
    sink = await startSmsSink();
    const admins = await createFirstAdmins('access', {
      sysAdmin: '13900000051',
      secAdmin: '13900000052',
      auditor: '13900000053',
    });
    server = await startServer(
      { SEED_DEMO: 'false', SMS_PROVIDER: 'http', SMS_HTTP_URL: sink.url },
      { dataDir: admins.dataDir },
    );

    const sys = await loginStaff(
      server.url,
      'sysadm',
      admins.oneTimePassword('sys_admin'),
      sink.codeFor('13900000051'),
      'Kaolu#Sys2026',
    );
    const sec = await loginStaff(
      server.url,
      'secadm',
      admins.oneTimePassword('sec_admin'),
      sink.codeFor('13900000052'),
      'Kaolu#Sec2026',
    );
    secAdmin = sec;
    const newUser = (username: string, displayName: string, phone: string) =>
      sys.call<{ userId: string; oneTimePassword: string }>('POST', '/api/staff-users', {
        username,
        displayName,
        phone,
      });
    const orgAccount = await newUser('orgadm', '组织部干部', '13900000061');
    const unitAccount = await newUser('unitpd', '单位填报员', '13900000062');
    const hospitalAccount = await newUser('hospdoc', '体检医院医生', '13900000063');
    hospitalOtp = hospitalAccount.oneTimePassword;

    await sec.call('POST', '/api/role-grants', {
      staffUserId: orgAccount.userId,
      role: 'org_admin',
    });
    org = await loginStaff(
      server.url,
      'orgadm',
      orgAccount.oneTimePassword,
      sink.codeFor('13900000061'),
      'Kaolu#Org2026',
    );
    const dept = await org.call<{ id: string }>('POST', '/api/admin/units', {
      code: 'D41',
      name: '市卫生健康委员会',
      kind: 'department',
    });
    const unit = await org.call<{ id: string }>('POST', '/api/admin/units', {
      code: 'U4101',
      name: '市第一人民医院',
      kind: 'unit',
      parentId: dept.id,
      contact: { name: '周立新', phone: '021-64041990', address: '上海市徐汇区宜山路600号' },
    });
    await sec.call('POST', '/api/role-grants', {
      staffUserId: unitAccount.userId,
      role: 'unit_user',
      unitId: unit.id,
    });
    await sec.call('POST', '/api/role-grants', {
      staffUserId: hospitalAccount.userId,
      role: 'hospital',
      unitId: unit.id,
    });
    unitUser = await loginStaff(
      server.url,
      'unitpd',
      unitAccount.oneTimePassword,
      sink.codeFor('13900000062'),
      'Kaolu#Unit2026',
    );
    auditor = await loginStaff(
      server.url,
      'audadm',
      admins.oneTimePassword('auditor'),
      sink.codeFor('13900000053'),
      'Kaolu#Aud2026',
    );

    const event = await org.call<{ id: string }>('POST', '/api/admin/events', {
      code: 'E2E-ACCESS',
      name: '2026年度面上招录（权限测试）',
      type: 'general',
      year: 2026,
    });
    eventId = event.id;
  });

  it('sends an anonymous visitor of the interview system to the staff login', async () => {
    const page = await browser.open('tablet');
    await page.goto(`${server.url}/interview`);
    await page.waitForURL((url) => url.pathname === '/interview/login');
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/interview');
    await page.getByTestId('staff-username').waitFor();
    expect(await page.title()).toContain('面试系统');
    await page.getByText('面试系统登录').waitFor();
  });

  it('makes a hospital user log in with the second factor and change his one-time password, then returns him to his portal', async () => {
    const page = await browser.open('desktop');
    await page.goto(`${server.url}/hospital`);
    await page.waitForURL((url) => url.pathname === '/hospital/login');
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/hospital');
    expect(await page.title()).toContain('医院学校端');

    await page.getByTestId('staff-username').fill('hospdoc');
    await page.getByTestId('staff-password').fill(hospitalOtp);
    await page.getByTestId('staff-login').click();
    await page.getByTestId('send-code').click();
    // The button and a line under it say the code went out, and to which (masked) phone.
    await page.getByTestId('code-sent').getByText('验证码已发送至').waitFor();
    expect(await page.getByTestId('send-code').innerText()).toMatch(/已发送（\d+ 秒后可重发）/);
    expect(await page.getByTestId('send-code').isDisabled()).toBe(true);
    await page.getByTestId('staff-code').fill(await sink.code('13900000063'));
    await page.getByTestId('staff-verify').click();

    // The one-time password must be replaced first (REG-05), inside the same portal.
    await page.waitForURL((url) => url.pathname === '/hospital/change-password');
    expect(await page.getByTestId('password-reason').innerText()).toContain('首次登录');
    await page.goto(`${server.url}/hospital`);
    await page.waitForURL((url) => url.pathname === '/hospital/change-password');
    await page.getByTestId('current-password').fill(hospitalOtp);
    await page.getByTestId('new-password').fill('Kaolu#Hosp2026');
    await page.getByTestId('confirm-password').fill('Kaolu#Hosp2026');
    await page.getByTestId('change-password').click();
    await page.waitForURL((url) => url.pathname === '/hospital');
    expect(await page.getByTestId('staff-user').innerText()).toContain('体检医院医生');
    // The home names what a hospital user can do (HOS, INT-09g) and nothing that is not built.
    expect(await page.getByTestId('portal-status').innerText()).toContain('体检考生与结果');
    expect(await page.locator('body').innerText()).not.toContain('通讯录');

    await page.getByTestId('staff-user').click();
    await page.locator('.el-dropdown-menu__item:visible', { hasText: '退出登录' }).click();
    await page.waitForURL((url) => url.pathname === '/hospital/login');
    await page.goto(`${server.url}/hospital`);
    await page.waitForURL((url) => url.pathname === '/hospital/login');

    // The same account opens the interview system through the same login and lands where he was going.
    await page.goto(`${server.url}/interview`);
    await page.waitForURL((url) => url.pathname === '/interview/login');
    await page.getByTestId('staff-username').fill('hospdoc');
    await page.getByTestId('staff-password').fill('Kaolu#Hosp2026');
    const firstCode = await sink.code('13900000063');
    await page.getByTestId('staff-login').click();
    await page.getByTestId('send-code').click();
    await expect.poll(() => sink.code('13900000063')).not.toBe(firstCode);
    await page.getByTestId('staff-code').fill(await sink.code('13900000063'));
    await page.getByTestId('staff-verify').click();
    await page.waitForURL((url) => url.pathname === '/interview');
    expect(await page.getByTestId('staff-user').innerText()).toContain('体检医院医生');
    // Without an interview grant the home lists no event and claims no feature (IVW-01 … IVW-03).
    await page.getByText('您暂未被分配任何面试事项').waitFor();
    expect(await page.getByTestId('portal-nav').innerText()).not.toContain('考生签到');
    expect(await page.locator('body').innerText()).not.toContain('考官签到');
  });

  it('tells a unit user in the hospital portal that he has no role there instead of showing its home', async () => {
    const page = await browser.openAs(unitUser, server.url);
    await page.goto(`${server.url}/hospital`);
    const notice = page.getByTestId('portal-no-role');
    await notice.getByText('没有体检医院或学校的角色').waitFor();
    expect(await page.getByTestId('portal-status').count()).toBe(0);
    await notice.getByRole('button', { name: '前往管理端' }).click();
    await page.waitForURL((url) => url.pathname === '/admin');
  });

  it('hides the menu entries and buttons a unit user may not use and shows 403 on a direct visit', async () => {
    const page = await browser.openAs(unitUser, server.url);
    await page.goto(`${server.url}/admin`);
    const nav = page.getByTestId('portal-nav');
    await nav.getByText('职位填报').waitFor();
    const menu = await nav.innerText();
    expect(menu).toContain('招录单位');
    for (const hidden of ['公告通知', '用户管理', '角色授权', '审计日志', '白名单与灰名单'])
      expect(menu).not.toContain(hidden);

    await page.goto(`${server.url}/admin/notices`);
    await page.getByTestId('forbidden').waitFor();
    const text = await page.getByTestId('forbidden').innerText();
    expect(text).toContain('403 无权访问');
    expect(text).toContain('编辑和发布公告通知');

    // A page he may read, without the button that needs unit.manage.
    await page.goto(`${server.url}/admin/units`);
    await page.getByText('市第一人民医院').first().waitFor();
    // The unit's contact person shows masked only (NFR-SEC-3).
    const unitsTable = await page.locator('.el-table').innerText();
    expect(unitsTable).toContain('周*新 021-6***1990');
    expect(unitsTable).not.toContain('64041990');
    expect(await page.getByRole('button', { name: '查询' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '新建' }).isVisible()).toBe(false);
  });

  it('lets the auditor read the signed audit log page by page and verify it intact, and nothing else', async () => {
    const page = await browser.openAs(auditor, server.url);
    await page.goto(`${server.url}/admin/audit`);
    const menu = await page.getByTestId('portal-nav').innerText();
    expect(menu).toContain('审计日志');
    for (const hidden of ['招录事项', '用户管理', '角色授权']) expect(menu).not.toContain(hidden);

    // The set-up's role grants are in the log: the page seals pending entries before it reads.
    const table = page.locator('.el-table');
    await table.getByText('授予角色').first().waitFor();
    const firstId = async () =>
      Number(await table.locator('.el-table__body tr').first().locator('td').first().innerText());
    const newest = await firstId();
    expect(newest).toBeGreaterThan(20);
    await page.locator('.el-pagination .btn-next').click();
    await expect.poll(firstId).toBe(newest - 20);

    await page.getByTestId('audit-verify').click();
    const verdict = page.getByTestId('audit-verdict');
    await verdict.waitFor();
    expect(await verdict.innerText()).toMatch(/第 1–\d+ 条日志完整/);
  });

  it('lets an org_admin edit the policy in the form, explains a bad value in Chinese at the field, then saves a new version', async () => {
    const page = await browser.openAs(org, server.url);
    await page.goto(`${server.url}/admin/events/${eventId}`);
    await page.getByRole('tab', { name: '政策' }).click();
    const editor = page.getByTestId('policy-editor');
    await editor.waitFor();
    const written = page
      .locator(
        '[data-testid="policy-weight-written"] input, input[data-testid="policy-weight-written"]',
      )
      .first();
    expect(await written.inputValue()).toBe('40');

    await written.fill('50');
    await written.press('Tab');
    await page.getByTestId('policy-reason').fill('调整笔试权重');
    await page.getByTestId('policy-save').click();
    const inline = page.locator('.el-form-item__error', {
      hasText: '成绩权重之和必须为100，当前为110',
    });
    await inline.waitFor();
    expect(await page.getByTestId('policy-errors').innerText()).toContain(
      '综合成绩权重：成绩权重之和必须为100，当前为110',
    );

    const interview = page
      .locator(
        '[data-testid="policy-weight-interview"] input, input[data-testid="policy-weight-interview"]',
      )
      .first();
    // 面上 weights are 40/30/30 (INT-07): 50 + 20 + 30 adds up to 100 again.
    await interview.fill('20');
    await interview.press('Tab');
    await page.getByTestId('policy-save').click();
    await page.getByText('政策已保存为新版本').waitFor();
    await page.getByText('第 2 版').waitFor();
    expect(await page.locator('.el-form-item__error', { hasText: '成绩权重' }).count()).toBe(0);
    const saved = await org.call<{
      policy: { scoreWeights: { written: number; interview: number } };
    }>('GET', `/api/admin/events/${eventId}`);
    expect(saved.policy.scoreWeights).toMatchObject({ written: 50, interview: 20 });
  });
  it('lets sec_admin grant a unit role by picking the unit by name, and shows roles and scopes in Chinese', async () => {
    const page = await browser.openAs(secAdmin, server.url);
    await page.goto(`${server.url}/admin/role-grants`);
    const choose = async (testId: string, typed: string | null, option: string) => {
      await page.getByTestId(testId).click();
      if (typed) await page.getByTestId(testId).locator('input').fill(typed);
      await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
    };
    await choose('grant-user', null, 'hospdoc（体检医院医生）');
    await choose('grant-role', null, '学校');
    // The unit is found by typing part of its name: no id is typed anywhere.
    await choose('grant-unit', '第一', '市第一人民医院（单位）');
    await page.getByTestId('grant-submit').click();
    const row = page.getByTestId('grant-list').locator('.el-table__row', { hasText: '学校' });
    await row.getByText('单位 市第一人民医院').waitFor();
    await page.getByTestId('grant-catalogue').click();
    await page.getByText('指定单位或招录事项').first().waitFor();
    await page.getByText('分配角色与授权范围').first().waitFor();
  });
});
