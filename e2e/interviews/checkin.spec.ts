import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSpecBrowser } from '../support/browser';
import { createFirstAdmins, startSmsSink, type SmsSink } from '../support/operators';
import { startServer, type RunningServer } from '../support/server';
import { loginStaff, type StaffClient } from '../support/staff-client';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
type Fixture = {
  eventId: string;
  groupIds: string[];
  candidates: { id: string; idNumber: string; ticketNumber: string }[];
};

// An interview morning at the desk (IVW-05, IVW-06) on a tablet: one candidate checked in by a
// simulated keyboard-wedge reader, one by the reader bridge endpoint with a desk token made in the
// page, then the group's candidate draw with the seed hash shown first, and its print view.
describe('interview check-in and candidate draw', () => {
  let server: RunningServer;
  let sms: SmsSink;
  let staff: StaffClient;
  let fixture: Fixture;
  const browser = useSpecBrowser({
    cleanup: async () => {
      await server?.stop();
      sms?.close();
    },
  });

  beforeAll(async () => {
    sms = await startSmsSink();
    const admins = await createFirstAdmins('interview-checkin', {
      sysAdmin: '13900000071',
      secAdmin: '13900000072',
      auditor: '13900000073',
    });
    // The interview rows are written before the server opens the same data folder.
    const out = execFileSync('npx', ['tsx', 'apps/server/scripts/interview-checkin-fixture.ts'], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: admins.dataDir, NODE_ENV: 'development' },
      encoding: 'utf8',
    });
    fixture = JSON.parse(out.trim().split('\n').at(-1)!) as Fixture;
    server = await startServer(
      { SMS_PROVIDER: 'http', SMS_HTTP_URL: sms.url, SEED_DEMO: 'false' },
      { dataDir: admins.dataDir },
    );
    const otp = admins.oneTimePassword;
    const sys = await loginStaff(
      server.url,
      'sysadm',
      otp('sys_admin'),
      sms.codeFor('13900000071'),
      'Kaolu#Sys2026',
    );
    const sec = await loginStaff(
      server.url,
      'secadm',
      otp('sec_admin'),
      sms.codeFor('13900000072'),
      'Kaolu#Sec2026',
    );
    const user = await sys.call<{ userId: string; oneTimePassword: string }>(
      'POST',
      '/api/staff-users',
      {
        username: 'desk01',
        displayName: '签到工作人员',
        phone: '13900000074',
      },
    );
    // Scoped to this interview event only (the grant's event scope).
    await sec.call('POST', '/api/role-grants', {
      staffUserId: user.userId,
      role: 'interview_staff',
      eventId: fixture.eventId,
    });
    staff = await loginStaff(
      server.url,
      'desk01',
      user.oneTimePassword,
      sms.codeFor('13900000074'),
      'Kaolu#Desk2026',
    );
  }, 300_000);

  it(
    'checks in by reader input and by the bridge, then draws and prints the order',
    { timeout: 120_000 },
    async () => {
      const page = await browser.openAs(staff, server.url, 'tablet');
      await page.goto(`${server.url}/interview/checkin`);
      const field = page.getByTestId('checkin-code');
      await field.waitFor();
      // The only event is chosen and the field has the focus: the reader just types and presses Enter.
      await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
      const first = fixture.candidates[0]!;
      await page.keyboard.type(first.idNumber, { delay: 5 });
      await page.keyboard.press('Enter');
      const result = page.getByTestId('checkin-result');
      await result.waitFor();
      expect(await result.innerText()).toContain(first.ticketNumber);
      expect(await result.innerText()).toContain('无报名照片');
      await expect
        .poll(() => page.getByTestId('checkin-stats').innerText())
        .toContain('已签到 1 / 应到 3');

      // A second read of the same card says when the first check-in was.
      await page.keyboard.type(first.idNumber, { delay: 5 });
      await page.keyboard.press('Enter');
      await page.getByTestId('checkin-already').waitFor();

      // A desk for the reader bridge: the token is shown once; the bridge posts with it.
      await page.getByText('读卡器签到台（桥接程序令牌）').click();
      await page.getByTestId('desk-name').fill('一号签到台');
      await page.getByTestId('desk-create').click();
      const token = (await page.getByTestId('desk-token').innerText()).trim();
      const second = fixture.candidates[1]!;
      const refused = await fetch(`${server.url}/api/interview/reader-bridge/checkins`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer kdesk_wrong' },
        body: JSON.stringify({ idNumber: second.idNumber }),
      });
      expect(refused.status).toBe(401);
      const bridged = await fetch(`${server.url}/api/interview/reader-bridge/checkins`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ idNumber: second.idNumber }),
      });
      expect(bridged.status).toBe(200);
      await page.reload();
      await expect
        .poll(async () =>
          page
            .getByTestId('checkin-stats')
            .innerText()
            .catch(() => ''),
        )
        .toContain('已签到 2 / 应到 3');

      // The candidate draw: hash shown first, then the order numbers; then the print view.
      await page.goto(`${server.url}/interview/draw`);
      await page.getByTestId('draw-group').click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: '第1面试组' }).click();
      await page.getByTestId('draw-commit').click();
      const hash = (await page.getByTestId('draw-hash').innerText()).match(/[0-9a-f]{64}/)![0];
      await page.getByTestId('draw-run').click();
      // Drawn: the record says so and the seed behind the published hash is revealed.
      await page.getByText('已抽签', { exact: true }).first().waitFor();
      const print = await browser.openAs(staff, server.url, 'tablet');
      await print.goto(`${server.url}/interview/draw/${fixture.groupIds[0]}/print`);
      const sheet = print.getByTestId('order-print');
      await sheet.waitFor();
      expect(await sheet.innerText()).toContain(hash);
      for (const c of fixture.candidates) expect(await sheet.innerText()).toContain(c.ticketNumber);
    },
  );
});
