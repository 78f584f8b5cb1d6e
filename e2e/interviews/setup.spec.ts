import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, useSpecBrowser } from '../support/browser';
import { createFirstAdmins, startSmsSink, type SmsSink } from '../support/operators';
import { startServer, type RunningServer } from '../support/server';
import { loginStaff, type StaffClient } from '../support/staff-client';

// The interview setup in a real browser (IVW-01 … IVW-03): the organisation department creates an
// interview event, sets up its type, session, venue and room, imports positions and candidates
// (a bad sheet first: nothing imported, every problem listed), forms a group and browses the
// candidates masked.
const UNIT = '上海市示例管理局';

/** An .xlsx file of these rows for an upload. */
// The sheets are built in the test, as an operator would fill the downloaded template.
async function xlsx(name: string, rows: Array<Array<string>>) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('导入');
  for (const row of rows) sheet.addRow(row);
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return {
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  };
}

describe('interview setup and imports', () => {
  let server: RunningServer;
  let org: StaffClient;
  let sink: SmsSink;
  const browser = useSpecBrowser({
    cleanup: async () => {
      await server?.stop();
      sink?.close();
    },
  });

  // Accounts as the operators create them: sys_admin makes the user, sec_admin grants org_admin;
  // the unit exists because imported positions name it.
  beforeAll(async () => {
    sink = await startSmsSink();
    const admins = await createFirstAdmins('interviews', {
      sysAdmin: '13900000711',
      secAdmin: '13900000712',
      auditor: '13900000713',
    });
    server = await startServer(
      { SEED_DEMO: 'false', SMS_PROVIDER: 'http', SMS_HTTP_URL: sink.url },
      { dataDir: admins.dataDir },
    );
    const code = (phone: string) => sink.codeFor(phone);
    const sys = await loginStaff(
      server.url,
      'sysadm',
      admins.oneTimePassword('sys_admin'),
      code('13900000711'),
      'Kaolu#Sys2026',
    );
    const sec = await loginStaff(
      server.url,
      'secadm',
      admins.oneTimePassword('sec_admin'),
      code('13900000712'),
      'Kaolu#Sec2026',
    );
    const account = await sys.call<{ userId: string; oneTimePassword: string }>(
      'POST',
      '/api/staff-users',
      {
        username: 'orgivw',
        displayName: '组织部面试处',
        phone: '13900000721',
      },
    );
    await sec.call('POST', '/api/role-grants', { staffUserId: account.userId, role: 'org_admin' });
    org = await loginStaff(
      server.url,
      'orgivw',
      account.oneTimePassword,
      code('13900000721'),
      'Kaolu#Org2026',
    );
    const dept = await org.call<{ id: string }>('POST', '/api/admin/units', {
      code: 'D77',
      name: '示例主管部门',
      kind: 'department',
    });
    await org.call('POST', '/api/admin/units', {
      code: 'U7701',
      name: UNIT,
      kind: 'unit',
      parentId: dept.id,
    });
  });

  // Element Plus selects open a dropdown outside the form: the visible item is clicked.
  const pick = async (p: Page, testId: string, option: string) => {
    await p.getByTestId(testId).click();
    await p.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
  };
  // ElMessageBox.prompt: fill the input and confirm.
  const prompt = async (p: Page, text: string) => {
    await p.locator('.el-message-box__input input').fill(text);
    await p.locator('.el-message-box__btns .el-button--primary').click();
  };

  // The type dialog shows the server's problem list; the corrected type then appears in the table.
  it('creates an interview event and sets up its type, session, venue and room', async () => {
    const page = await browser.openAs(org, server.url);
    await page.goto(`${server.url}/admin/interviews`);
    await page.getByRole('button', { name: '新建面试事项' }).click();
    await page.locator('input[name=code]').fill('IVW-2026');
    await page.locator('input[name=name]').fill('2026年度面试');
    await page.getByTestId('create-event').click();
    await page.getByTestId('interview-setup').waitFor();

    // A type whose weights do not sum to 1 is refused with the reason, then corrected.
    await page.getByRole('button', { name: '设置面试类型' }).click();
    const indicator = page.getByTestId('indicator').first();
    await indicator.locator('input').nth(0).fill('A');
    await indicator.locator('input').nth(1).fill('综合分析');
    await indicator.locator('input').nth(2).fill('0.5');
    await indicator.locator('input').nth(2).press('Tab');
    await page.getByTestId('save-type').click();
    await page.getByTestId('type-problems').getByText('各指标权重之和须为 1，当前为 0.5').waitFor();
    await indicator.locator('input').nth(2).fill('1');
    await indicator.locator('input').nth(2).press('Tab');
    await page.getByTestId('save-type').click();
    await page.getByTestId('types').getByText('综合分析 1 / 100').waitFor();

    // The session, the venue and its room, each through its own small form or prompt.
    const day = page.getByTestId('session-day').locator('input');
    await day.first().fill('2026-12-20');
    await day.first().press('Enter');
    await page.getByTestId('add-session').click();
    await page.getByText('2026-12-20 上午').waitFor();
    await page.getByTestId('add-venue').click();
    await prompt(page, '市行政学院');
    await page.getByTestId('venue').getByText('市行政学院').waitFor();
    await page.getByTestId('venue').getByRole('button', { name: '新增面试室' }).click();
    await prompt(page, '101');
    await page.getByTestId('venue').getByText('101').waitFor();
  });

  // The bad sheet has an unknown position code and a wrong check digit: both are listed, nothing
  // is imported, and the corrected sheet then goes in.
  it('imports positions, refuses a bad candidates sheet row by row, then imports the good one', async () => {
    const page = await browser.openAs(org, server.url);
    await page.goto(`${server.url}/admin/interviews`);
    await page.getByRole('button', { name: '设置', exact: true }).first().click();
    await page.getByRole('tab', { name: '数据导入' }).click();
    const upload = (kind: string) =>
      page.getByTestId(`import-row-${kind}`).locator('input[type=file]');
    await upload('positions').setInputFiles(
      await xlsx('职位.xlsx', [
        ['职位代码', '职位名称', '单位', '专业'],
        ['P01', '综合管理', UNIT, ''],
      ]),
    );
    await page.getByTestId('import-result').getByText('已导入职位 1 条').waitFor();
    const header = ['准考证号', '姓名', '身份证号', '性别', '职位代码'];
    await upload('candidates').setInputFiles(
      await xlsx('考生.xlsx', [header, ['T001', '王小明', '310101199001011235', '男', 'P99']]),
    );
    const problems = page.getByTestId('import-problems');
    await problems.getByText('职位代码「P99」不在本面试事项中，请先导入职位').waitFor();
    expect(await problems.innerText()).toContain('身份证号');
    await saveScreenshot(page, 'interviews-import-problems');
    await upload('candidates').setInputFiles(
      await xlsx('考生.xlsx', [header, ['T001', '王小明', '110101199003074477', '男', 'P01']]),
    );
    await page.getByTestId('import-result').getByText('已导入考生 1 条').waitFor();
    expect(await page.getByTestId('import-problems').count()).toBe(0);
  });

  // The browse list must show the name masked and never the ID number in clear (NFR-SEC-3).
  it('forms a group that keeps the position all day and browses the candidates masked', async () => {
    const page = await browser.openAs(org, server.url);
    await page.goto(`${server.url}/admin/interviews`);
    await page.getByRole('button', { name: '设置', exact: true }).first().click();
    // The group takes the room, the session's day, the type and the imported position.
    await page.getByTestId('add-group').click();
    await page.locator('input[name=group-name]').fill('第一组');
    await pick(page, 'group-room', '市行政学院 101');
    await pick(page, 'group-day', '2026-12-20');
    await pick(page, 'group-type', '结构化面试');
    await pick(page, 'group-positions', 'P01 综合管理');
    await page.keyboard.press('Escape');
    await page.getByTestId('save-group').click();
    await page.getByTestId('groups').getByText('第一组').waitFor();

    // The browse tab opens on the candidates list.
    await page.getByRole('tab', { name: '信息查询' }).click();
    const browse = page.getByTestId('interview-browse');
    await browse.getByText('T001').waitFor();
    const text = await browse.innerText();
    expect(text).toContain('王*明');
    expect(text).not.toContain('王小明');
    expect(text).not.toContain('110101199003074477');
    await saveScreenshot(page, 'interviews-browse');
  });
});
