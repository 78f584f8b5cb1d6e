import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSpecBrowser } from '../support/browser';
import type { RunningServer } from '../support/server';
import type { StaffClient } from '../support/staff-client';
import { openVenue, type Venue } from './venue';

type Fixture = {
  eventId: string;
  candidates: { id: string; ticketNumber: string }[];
};

// The venue's control room (IVW-09, INT-09b) on a tablet: a monitor watches the room card while a
// desk checks a candidate in, and the card changes without a reload; then the interview admin
// downloads the 一人一表 as a printable PDF.
describe('interview monitoring and exports', () => {
  let venue: Venue<Fixture>;
  let server: RunningServer;
  let staff: StaffClient;
  let fixture: Fixture;
  const browser = useSpecBrowser({ cleanup: () => venue?.close() });

  beforeAll(async () => {
    venue = await openVenue<Fixture>(
      'interview-monitor',
      { sysAdmin: '13900000081', secAdmin: '13900000082', auditor: '13900000083' },
      'apps/server/scripts/interview-monitor-fixture.ts',
    );
    server = venue.server;
    fixture = venue.fixture;
    // Monitor and interview admin of this interview event only.
    staff = await venue.staff(
      'mon01',
      '13900000084',
      ['monitor', 'interview_admin'],
      'Kaolu#Mon2026',
      '现场监控',
    );
  }, 300_000);

  it(
    'updates the room card live on a check-in and downloads the 一人一表 PDF',
    { timeout: 120_000 },
    async () => {
      const page = await browser.openAs(staff, server.url, 'tablet');
      await page.goto(`${server.url}/interview/monitor`);
      const card = page.getByTestId('monitor-room');
      await card.waitFor();
      // The only event is chosen; the stream is live and the card shows the fixture's figures.
      await expect
        .poll(() => page.getByTestId('monitor-connection').innerText())
        .toBe('实时更新中');
      expect(await card.getByTestId('room-签到').innerText()).toBe('0 / 3');
      expect(await card.getByTestId('room-评分表').innerText()).toBe('2 / 15');
      expect(await card.innerText()).toContain('评分中 1 人');

      // A desk checks a candidate in (through the API, as the desk page does): no reload here.
      await staff.call('POST', `/api/interview/events/${fixture.eventId}/checkins`, {
        code: fixture.candidates[1]!.ticketNumber,
        via: 'manual',
      });
      await expect
        .poll(() => card.getByTestId('room-签到').innerText(), { timeout: 10_000 })
        .toBe('1 / 3');
      expect(await page.getByTestId('monitor-totals').innerText()).toContain('已签到');

      await page.goto(`${server.url}/interview/exports`);
      await page.getByTestId('export-pdf').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-pdf').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/一人一表\.pdf$/);
      const bytes = await readFile((await download.path())!);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
  );
});
