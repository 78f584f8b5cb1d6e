import type { Locator } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, useSpecBrowser } from '../support/browser';
import { createFirstAdmins, startSmsSink, type SmsSink } from '../support/operators';
import { startServer, type RunningServer } from '../support/server';
import { drawJpeg, widestRight } from './phone-checks';
import { loginStaff, type StaffClient } from '../support/staff-client';

const HOUR = 3_600_000;
// Born in Xuhui: the city-platform simulator answers "Shanghai hukou" for this ID number.
const ID_NUMBER = '310104199805201235';
const PHONE = '13812340001';
const PASSWORD = 'Exam#2026ok';

// Issue 7 in a real browser on the demo data: a candidate on a phone fills the profile, is refused
// with an explanation, fixes it, registers, pays in the finance simulator and prints the ticket.
// Staff steps (schedule, deadline, rooms, seat draw) go through the API as an org_admin would.
describe('registration, payment and admission ticket', () => {
  let server: RunningServer;
  let org: StaffClient;
  let event = { id: '', name: '' };
  let sink: SmsSink;
  const browser = useSpecBrowser({
    cleanup: async () => {
      await server?.stop();
      sink?.close();
    },
  });
  // Extra screenshots of each page for a person to look at: E2E_SCREENSHOTS=1.
  const shot = async (name: string) => {
    if (process.env.E2E_SCREENSHOTS === '1' && browser.page)
      await saveScreenshot(browser.page, name);
  };

  const codeFor = (phone: string) => sink.codeFor(phone);

  beforeAll(async () => {
    sink = await startSmsSink();
    const smsUrl = sink.url;
    const admins = await createFirstAdmins('registration', {
      sysAdmin: '13900000031',
      secAdmin: '13900000032',
      auditor: '13900000033',
    });
    const dataDir = admins.dataDir;
    const otp = (role: 'sys_admin' | 'sec_admin') => admins.oneTimePassword(role);
    // The demo data (this year's 面上 event in registration) is seeded on start.
    server = await startServer(
      { SMS_PROVIDER: 'http', SMS_HTTP_URL: smsUrl, JOBS_POLL_MS: '200' },
      { dataDir },
    );

    const sys = await loginStaff(
      server.url,
      'sysadm',
      otp('sys_admin'),
      codeFor('13900000031'),
      'Kaolu#Sys2026',
    );
    const sec = await loginStaff(
      server.url,
      'secadm',
      otp('sec_admin'),
      codeFor('13900000032'),
      'Kaolu#Sec2026',
    );
    const orgUser = await sys.call<{ userId: string; oneTimePassword: string }>(
      'POST',
      '/api/staff-users',
      { username: 'orgreg', displayName: '组织部报名组', phone: '13900000034' },
    );
    await sec.call('POST', '/api/role-grants', { staffUserId: orgUser.userId, role: 'org_admin' });
    org = await loginStaff(
      server.url,
      'orgreg',
      orgUser.oneTimePassword,
      codeFor('13900000034'),
      'Kaolu#Org2026',
    );

    // The organisation department opens registration and payment now and schedules ticket printing and the exam.
    const events = await org.call<{ items: Array<{ id: string; name: string; status: string }> }>(
      'GET',
      '/api/admin/events?page=1&pageSize=20',
    );
    event = events.items.find((e) => e.status === 'registration')!;
    const now = Date.now();
    const at = (ms: number) => new Date(now + ms).toISOString();
    await org.call('PATCH', `/api/admin/events/${event.id}`, {
      schedule: [
        { stage: 'exam_registration', startsAt: at(-HOUR), endsAt: at(24 * HOUR) },
        { stage: 'payment', startsAt: at(-HOUR), endsAt: at(24 * HOUR) },
        { stage: 'admission_ticket', startsAt: at(-HOUR), endsAt: at(240 * HOUR) },
        { stage: 'written_exam', startsAt: at(240 * HOUR), endsAt: at(243 * HOUR) },
      ],
    });
    await org.call('POST', `/api/admin/events/${event.id}/exam-rooms`, {
      examCategory: 'comprehensive',
      siteName: '上海市第二中学',
      siteAddress: '上海市黄浦区南昌路50号',
      roomCode: '7',
      capacity: 30,
    });
    // Seeding the demo data (3 000 candidates, encrypted) takes most of a minute on a shared machine.
  }, 240_000);

  // Element Plus puts an el-input's attributes (data-testid too) on the <input> itself.
  const inputOf = (testId: string, scope?: Locator) =>
    (scope ?? browser.page!.locator('body')).getByTestId(testId);
  // Dates are Element Plus pickers (zh-CN): typed as YYYY-MM-DD, Enter takes the value and closes.
  const fillDate = async (testId: string, scope: Locator, value: string) => {
    const input = inputOf(testId, scope).locator('input');
    await input.fill(value);
    await input.press('Enter');
  };
  const errorUnder = (testId: string) =>
    browser
      .page!.locator('.el-form-item', { has: browser.page!.getByTestId(testId) })
      .locator('.el-form-item__error');
  const pick = async (select: Locator, option: string) => {
    await select.click();
    await browser
      .page!.locator('.el-select-dropdown__item:visible', { hasText: option })
      .first()
      .click();
  };
  const expectFitsPhone = async () =>
    expect((await widestRight(browser.page!)).right).toBeLessThanOrEqual(360);

  it(
    'takes a candidate on a phone from profile to a printed admission ticket',
    { timeout: 180_000 },
    async () => {
      const page = await browser.open('phone');
      await page.goto(`${server.url}/register`);
      await page.getByTestId('reg-name').fill('周文清');
      await page.getByTestId('reg-id').fill(ID_NUMBER);
      await page.getByTestId('reg-phone').fill(PHONE);
      await page.getByTestId('send-code').click();
      await page.getByTestId('reg-code').fill(await codeFor(PHONE)());
      await page.getByTestId('reg-password').fill(PASSWORD);
      await page.getByTestId('reg-confirm').fill(PASSWORD);
      await page.getByTestId('reg-submit').click();
      await page.getByTestId('account-info').waitFor();

      // The profile with two mistakes: the server names each and the form shows it under its field.
      await page.goto(`${server.url}/profile`);
      await page.getByTestId('profile-identity').waitFor();
      expect(await page.getByTestId('photo-rules').innerText()).toContain('不超过 50KB');
      await inputOf('contact-email').fill('zwq@example.com');
      await inputOf('contact-address').fill('上海市徐汇区漕溪北路100弄5号');
      await inputOf('contact-postal').fill('2000');
      await pick(page.getByTestId('political-status'), '共青团员');
      await page.getByTestId('hukou-type').getByText('上海户籍', { exact: true }).click();
      await inputOf('hukou-place').fill('上海市徐汇区');
      const edu = page.getByTestId('education-0');
      await pick(edu.getByTestId('edu-level'), '高中及以下');
      await pick(edu.getByTestId('edu-degree'), '无学位');
      await inputOf('edu-major', edu).fill('普通高中');
      await fillDate('edu-start', edu, '2013-09-01');
      await fillDate('edu-end', edu, '2016-07-01');
      await page.getByTestId('work-add').click();
      const work = page.getByTestId('work-0');
      await inputOf('work-employer', work).fill('上海某科技有限公司');
      await inputOf('work-title', work).fill('行政专员');
      await fillDate('work-start', work, '2016-09-01');
      await page.getByTestId('profile-save').click();
      await page.getByTestId('profile-errors').waitFor();
      expect(await errorUnder('contact-postal').innerText()).toBe('邮政编码应为6位数字');
      expect(await errorUnder('edu-school').innerText()).toBe('请填写毕业院校');
      await shot('registration-1-profile-errors');
      await expectFitsPhone();

      await inputOf('contact-postal').fill('200030');
      await inputOf('edu-school', edu).fill('上海市南洋模范中学');
      await page.getByTestId('profile-save').click();
      await page.getByText('档案已保存（第 1 版）').waitFor();
      expect(await page.getByTestId('profile-errors').count()).toBe(0);

      // The photo: a real JPEG within the policy's limits, uploaded and then fixed for good.
      await page
        .getByTestId('photo-upload')
        .locator('input[type=file]')
        .setInputFiles({
          name: 'photo.jpg',
          mimeType: 'image/jpeg',
          buffer: await drawJpeg(page, 120, 160),
        });
      await page.getByTestId('photo-confirm').click();
      await page.locator('.el-message-box').getByRole('button', { name: '确认' }).click();
      await page.getByTestId('photo-card').getByText('已确认').waitFor();

      // Registration: the automatic checks refuse a high-school education and say why, before saving anything.
      await page.goto(`${server.url}/registrations`);
      await page.getByTestId('go-register').click();
      await page.getByTestId('exam-category').getByText('综合管理类').click();
      await page.getByTestId('precheck').click();
      await page.getByTestId('precheck-verdict').waitFor();
      expect(await page.getByTestId('precheck-verdict').innerText()).toContain(
        '未通过报名资格自动核验',
      );
      const failed = page.getByTestId('check-failed');
      expect(await failed.count()).toBe(1);
      expect(await failed.innerText()).toContain('学历');
      expect(await page.getByTestId('check-passed').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('submit-registration').isDisabled()).toBe(true);
      await shot('registration-2-refused');
      await expectFitsPhone();

      // He corrects the education (he holds a bachelor's degree) and checks again.
      await page.getByTestId('go-profile').click();
      await page.getByTestId('profile-identity').waitFor();
      await pick(edu.getByTestId('edu-level'), '大学本科');
      await pick(edu.getByTestId('edu-degree'), '学士');
      await inputOf('edu-school', edu).fill('华东师范大学');
      await inputOf('edu-major', edu).fill('汉语言文学');
      await fillDate('edu-start', edu, '2016-09-01');
      await fillDate('edu-end', edu, '2020-07-01');
      await fillDate('work-start', work, '2020-08-01');
      await page.getByTestId('profile-save').click();
      await page.getByText('档案已保存（第 2 版）').waitFor();
      await page.getByTestId('back-to-registration').click();
      await page.getByTestId('exam-category').getByText('综合管理类').click();
      await page.getByTestId('precheck').click();
      await page.getByTestId('precheck-verdict').getByText('自动核验通过').waitFor();
      expect(await page.getByTestId('check-failed').count()).toBe(0);
      await page.getByTestId('submit-registration').click();
      await page.waitForURL('**/registrations?highlight=*');
      expect(await page.getByTestId('registration-status').innerText()).toBe('待缴费');
      expect(await page.getByTestId('timeline').innerText()).toContain('报名资格自动核验通过');
      await shot('registration-3-mine');
      await expectFitsPhone();

      // Payment: the notice arrives from the finance simulator; after "去缴费" it never reads 待缴费.
      await page.getByTestId('go-payment').click();
      await expect
        .poll(() => page.getByTestId('notice-number').innerText(), { timeout: 20_000 })
        .toMatch(/^[A-Z0-9-]{6,}$/);
      expect(await page.getByTestId('notice-amount').innerText()).toBe('50.00 元');
      expect(await page.getByTestId('payment-status').innerText()).toBe('待缴费');
      expect(await page.getByTestId('pay-simulate').count()).toBe(0);
      await page.getByTestId('pay-start').click();
      await page.getByTestId('pay-simulate').waitFor();
      expect(await page.getByTestId('payment-status').innerText()).toBe('缴费确认中');
      await shot('registration-4-payment-pending');
      await expectFitsPhone();
      await page.getByTestId('pay-simulate').click();
      await expect.poll(() => page.getByTestId('payment-status').innerText()).toBe('已缴费');

      // After the payment deadline the organisation department draws the seats with a recorded seed.
      await org.call('POST', `/api/admin/events/${event.id}/deadlines`, {
        stage: 'payment',
        endsAt: new Date().toISOString(),
        reason: '缴费截止，编排考场',
      });
      const draw = await org.call<{ assigned: number; seed: string }>(
        'POST',
        `/api/admin/events/${event.id}/seat-assignments`,
        { seed: 'e2e-registration-2026' },
      );
      expect(draw).toMatchObject({ assigned: 1, seed: 'e2e-registration-2026' });

      // The ticket: photo, number, room and seat; print CSS keeps only the ticket; the button prints.
      await page.goto(`${server.url}/registrations`);
      expect(await page.getByTestId('registration-status').innerText()).toBe('报名成功');
      await page.getByTestId('go-ticket').click();
      await page.getByTestId('ticket').waitFor();
      expect(await page.getByTestId('ticket-number').innerText()).toMatch(/^\d{12}$/);
      expect(await page.getByTestId('ticket-room').innerText()).toBe('第 7 考场');
      expect(await page.getByTestId('ticket-seat').innerText()).toMatch(/^\d+ 号$/);
      await expect
        .poll(() =>
          page.getByTestId('ticket-photo').evaluate((img: HTMLImageElement) => img.naturalWidth),
        )
        .toBe(120);
      await shot('registration-5-ticket');
      await expectFitsPhone();
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByTestId('portal-header').isVisible()).toBe(false);
      expect(await page.getByTestId('ticket-print').isVisible()).toBe(false);
      expect(await page.getByTestId('ticket').isVisible()).toBe(true);
      // On paper: exam date and times in Shanghai time, the site, and every rule; one A4 sheet.
      expect(await page.getByTestId('ticket-time').innerText()).toMatch(
        /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}(–\d{2}:\d{2}| 至 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2})$/,
      );
      expect(await page.getByTestId('ticket').innerText()).toContain('上海市第二中学');
      expect(await page.getByTestId('ticket-rules').locator('li').count()).toBe(4);
      expect(await page.getByTestId('ticket-rules').innerText()).toContain(
        '准考证和有效居民身份证',
      );
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => {
        window.print = () => document.body.setAttribute('data-printed', 'yes');
      });
      await page.getByTestId('ticket-print').click();
      expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');
    },
  );

  it('shows finance staff the paid notice in the reconciliation list and exports it to Excel', async () => {
    const page = await browser.openAs(org, server.url);
    await page.goto(`${server.url}/admin/reconciliation`);
    await page.getByTestId('recon-event').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: event.name }).click();
    await page.getByTestId('recon-search').click();
    await page.getByTestId('recon-totals').waitFor();
    const totals = await page.getByTestId('recon-totals').innerText();
    expect(totals).toContain('应缴 50.00 元');
    expect(totals).toContain('实缴 50.00 元');
    const table = await page.locator('.el-table').innerText();
    expect(table).toContain('已缴费');
    expect(table).toContain('综合管理类');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('recon-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('缴费对账表.xlsx');
    await shot('registration-6-reconciliation');

    await page.goto(`${server.url}/admin/interface-logs`);
    await page.locator('.el-table').getByText('户籍核验').first().waitFor();
    await shot('registration-7-interface-logs');
  });
});
