import { beforeAll, describe, expect, it } from 'vitest';
import { useSpecBrowser } from '../support/browser';
import type { RunningServer } from '../support/server';
import type { StaffClient } from '../support/staff-client';
import { openVenue, type Venue } from './venue';

type Fixture = {
  eventId: string;
  groupIds: string[];
  candidates: { id: string; idNumber: string; ticketNumber: string }[];
};

// An interview morning at the desk (IVW-05, IVW-06) on a tablet: one candidate checked in by a
// simulated keyboard-wedge reader, one by the reader bridge endpoint with a desk token made in the
// page, then the group's candidate draw with the seed hash shown first, and its print view.
describe('interview check-in and candidate draw', () => {
  let venue: Venue<Fixture>;
  let server: RunningServer;
  let staff: StaffClient;
  let fixture: Fixture;
  const browser = useSpecBrowser({ cleanup: () => venue?.close() });

  beforeAll(async () => {
    venue = await openVenue<Fixture>(
      'interview-checkin',
      { sysAdmin: '13900000071', secAdmin: '13900000072', auditor: '13900000073' },
      'apps/server/scripts/interview-checkin-fixture.ts',
    );
    server = venue.server;
    fixture = venue.fixture;
    // Scoped to this interview event only (the grant's event scope).
    staff = await venue.staff(
      'desk01',
      '13900000074',
      ['interview_staff'],
      'Kaolu#Desk2026',
      '签到工作人员',
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
