import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, useSpecBrowser } from '../support/browser';
import { createFirstAdmins, startSmsSink, type SmsSink } from '../support/operators';
import { startServer, type RunningServer } from '../support/server';
import { loginStaff, type StaffClient } from '../support/staff-client';

// Issue 6 in a real browser: a unit fills and submits its brochure, the organisation department
// approves and publishes it, and a candidate on a phone finds the position and reads its conditions.
describe('brochure to public position search', () => {
  let server: RunningServer;
  let org: StaffClient;
  let unitUser: StaffClient;
  let eventId = '';

  let sink: SmsSink;
  const browser = useSpecBrowser({
    cleanup: async () => {
      await server?.stop();
      sink?.close();
    },
  });
  const codeFor = (phone: string) => sink.codeFor(phone);

  beforeAll(async () => {
    sink = await startSmsSink();
    const smsUrl = sink.url;
    const admins = await createFirstAdmins('events', {
      sysAdmin: '13900000011',
      secAdmin: '13900000012',
      auditor: '13900000013',
    });
    const dataDir = admins.dataDir;
    const otp = (role: 'sys_admin' | 'sec_admin') => admins.oneTimePassword(role);
    server = await startServer(
      { SEED_DEMO: 'false', SMS_PROVIDER: 'http', SMS_HTTP_URL: smsUrl },
      { dataDir },
    );

    // Accounts as the operators create them: sys_admin makes the users, sec_admin grants the roles.
    const sys = await loginStaff(
      server.url,
      'sysadm',
      otp('sys_admin'),
      codeFor('13900000011'),
      'Kaolu#Sys2026',
    );
    const sec = await loginStaff(
      server.url,
      'secadm',
      otp('sec_admin'),
      codeFor('13900000012'),
      'Kaolu#Sec2026',
    );
    const orgUser = await sys.call<{ userId: string; oneTimePassword: string }>(
      'POST',
      '/api/staff-users',
      { username: 'orgadm', displayName: '组织部干部', phone: '13900000021' },
    );
    const unitAccount = await sys.call<{ userId: string; oneTimePassword: string }>(
      'POST',
      '/api/staff-users',
      { username: 'unitpd', displayName: '单位填报员', phone: '13900000022' },
    );
    await sec.call('POST', '/api/role-grants', { staffUserId: orgUser.userId, role: 'org_admin' });
    org = await loginStaff(
      server.url,
      'orgadm',
      orgUser.oneTimePassword,
      codeFor('13900000021'),
      'Kaolu#Org2026',
    );
    const dept = await org.call<{ id: string }>('POST', '/api/admin/units', {
      code: 'D31',
      name: '市市场监督管理局',
      kind: 'department',
    });
    const unit = await org.call<{ id: string }>('POST', '/api/admin/units', {
      code: 'U3101',
      name: '浦东新区市场监督管理局',
      kind: 'unit',
      parentId: dept.id,
    });
    await sec.call('POST', '/api/role-grants', {
      staffUserId: unitAccount.userId,
      role: 'unit_user',
      unitId: unit.id,
    });
    unitUser = await loginStaff(
      server.url,
      'unitpd',
      unitAccount.oneTimePassword,
      codeFor('13900000022'),
      'Kaolu#Unit2026',
    );
    const now = Date.now();
    const event = await org.call<{ id: string }>('POST', '/api/admin/events', {
      code: 'E2E-GEN',
      name: '2026年度浦东面上招录',
      type: 'general',
      year: 2026,
      schedule: [
        {
          stage: 'brochure',
          startsAt: new Date(now - 3_600_000).toISOString(),
          endsAt: new Date(now + 86_400_000).toISOString(),
        },
      ],
    });
    eventId = event.id;
    await org.call('POST', `/api/admin/events/${eventId}/transition`, { to: 'collecting' });
  });

  const pick = async (p: Page, testId: string, option: string) => {
    await p.getByTestId(testId).click();
    await p.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
  };

  it('lets a unit fill a position and submit its brochure', async () => {
    const page = await browser.openAs(unitUser, server.url);
    await page.goto(`${server.url}/admin/positions`);
    await pick(page, 'unit-event', '2026年度浦东面上招录');
    await pick(page, 'unit-unit', '浦东新区市场监督管理局');
    await page.getByTestId('position-add').click();
    await page.getByTestId('position-code').fill('31010001');
    await page.getByTestId('position-title').fill('食品安全监管');
    await pick(page, 'position-exam-category', '综合管理类');
    await page.getByTestId('position-save').click();
    await page.getByTestId('unit-positions').getByText('食品安全监管').waitFor();
    await page.getByTestId('brochure-submit').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await page.getByTestId('brochure-status').getByText('已上报').waitFor();
    // A submitted brochure is locked: no more positions until the department returns it.
    await expect.poll(() => page.getByTestId('position-add').isDisabled()).toBe(true);
  });

  it('lets the organisation department approve and publish the brochure', async () => {
    const page = await browser.openAs(org, server.url);
    await page.goto(`${server.url}/admin/events/${eventId}`);
    await page.getByTestId('approve-浦东新区市场监督管理局').click();
    await page.getByText('审核通过').first().waitFor();
    await page.getByTestId('brochures-publish').click();
    await page.getByText('已发布 1 个单位的简章').waitFor();
  });

  it('lets a candidate on a phone find the position and read its conditions in Chinese', async () => {
    const page = await browser.open('phone');
    await page.goto(
      `${server.url}/positions?keyword=${encodeURIComponent('食品安全')}&education=bachelor&residence=any`,
    );
    // The filters fold behind one button on a phone, which counts those set (here three).
    const toggle = page.getByTestId('filter-toggle');
    expect(await toggle.innerText()).toBe('筛选条件（已设 3 项）');
    expect(await page.getByRole('button', { name: '查询' }).isVisible()).toBe(false);
    await toggle.click();
    await page.getByRole('button', { name: '查询' }).waitFor();
    await toggle.click();
    await page.getByText('食品安全监管').first().click();
    await page.getByTestId('position-detail').waitFor();
    const text = await page.getByTestId('position-detail').innerText();
    expect(text).toContain('浦东新区市场监督管理局');
    expect(text).toContain('本科及以上');
  });

  it('lets the organisation department record a hire and compare the event with a closed one (INT-08, NFR-HIS-1)', async () => {
    const old = await org.call<{ id: string }>('POST', '/api/admin/events', {
      code: 'E2E-OLD',
      name: '2025年度浦东面上招录',
      type: 'general',
      year: 2025,
    });
    await org.call('POST', `/api/admin/events/${old.id}/transition`, { to: 'closed' });
    const page = await browser.openAs(org, server.url);
    await page.goto(`${server.url}/admin/events/${eventId}`);
    await page.getByRole('tab', { name: '录用人数' }).click();
    const hires = page.getByTestId('event-hires');
    await hires.getByText('食品安全监管').waitFor();
    await hires.getByRole('button', { name: '修改' }).click();
    await page.locator('.el-message-box__input input').fill('1');
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await page.getByText('录用人数已保存').waitFor();
    await saveScreenshot(page, 'events-hires');

    await page.goto(`${server.url}/admin/events`);
    for (const name of ['2026年度浦东面上招录', '2025年度浦东面上招录']) {
      await page.locator('.el-table__row', { hasText: name }).locator('.el-checkbox').click();
    }
    await page.getByTestId('event-compare').click();
    const table = page.getByTestId('compare-table');
    await table.getByText('2025年度浦东面上招录').waitFor();
    const text = await table.innerText();
    expect(text).toContain('已结束');
    expect(text).toContain('已录用');
    await page.getByTestId('compare-chart').locator('canvas').waitFor();
    await saveScreenshot(page, 'events-compare');
  });
});
