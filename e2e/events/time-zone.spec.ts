import { beforeAll, describe, expect, it } from 'vitest';
import { useSpecBrowser } from '../support/browser';
import { createFirstAdmins, startSmsSink, type SmsSink } from '../support/operators';
import { startServer, type RunningServer } from '../support/server';
import { loginStaff, type StaffClient } from '../support/staff-client';

// NFR-UX-1: every time shown or entered is Beijing time whatever the device's zone. The browsers
// here sit in New York (UTC−5 in December): an organiser enters 17:00 in the schedule and reads
// 17:00 back, and a candidate sees the same 17:00 on the registration page.
const NEW_YORK = { timezoneId: 'America/New_York' };

describe('one time zone for every screen', () => {
  let server: RunningServer;
  let sink: SmsSink;
  let org: StaffClient;
  let eventId = '';
  const browser = useSpecBrowser({
    cleanup: async () => {
      await server?.stop();
      sink?.close();
    },
  });

  beforeAll(async () => {
    sink = await startSmsSink();
    const admins = await createFirstAdmins('time-zone', {
      sysAdmin: '13900000211',
      secAdmin: '13900000212',
      auditor: '13900000213',
    });
    server = await startServer(
      { SEED_DEMO: 'false', SMS_PROVIDER: 'http', SMS_HTTP_URL: sink.url },
      { dataDir: admins.dataDir },
    );
    const sys = await loginStaff(
      server.url,
      'sysadm',
      admins.oneTimePassword('sys_admin'),
      sink.codeFor('13900000211'),
      'Kaolu#Sys2026',
    );
    const sec = await loginStaff(
      server.url,
      'secadm',
      admins.oneTimePassword('sec_admin'),
      sink.codeFor('13900000212'),
      'Kaolu#Sec2026',
    );
    const orgUser = await sys.call<{ userId: string; oneTimePassword: string }>(
      'POST',
      '/api/staff-users',
      { username: 'orgtz', displayName: '组织部干部', phone: '13900000221' },
    );
    await sec.call('POST', '/api/role-grants', { staffUserId: orgUser.userId, role: 'org_admin' });
    org = await loginStaff(
      server.url,
      'orgtz',
      orgUser.oneTimePassword,
      sink.codeFor('13900000221'),
      'Kaolu#Org2026',
    );
    const event = await org.call<{ id: string }>('POST', '/api/admin/events', {
      code: 'E2E-TZ',
      name: '2027年度时区验证招录',
      type: 'general',
      year: 2027,
    });
    eventId = event.id;
  });

  it('keeps a schedule time entered in New York at 17:00 Beijing time', async () => {
    const page = await browser.openAs(org, server.url, 'desktop', NEW_YORK);
    await page.goto(`${server.url}/admin/events/${eventId}`);
    await page.getByRole('tab', { name: '日程' }).click();
    const range = page.getByTestId('schedule-exam_registration');
    await range.locator('input').nth(0).fill('2027-01-10 17:00');
    await range.locator('input').nth(1).fill('2027-01-20 17:00');
    await range.locator('input').nth(1).press('Enter');
    await page.getByTestId('schedule-save').click();
    await page.getByText('日程已保存').waitFor();

    // What the server kept is the Beijing instant (09:00 UTC), not New York's 17:00 (22:00 UTC).
    const saved = await org.call<{ schedule: Array<{ stage: string; startsAt: string }> }>(
      'GET',
      `/api/admin/events/${eventId}`,
    );
    const start = saved.schedule.find((w) => w.stage === 'exam_registration')!.startsAt;
    expect(new Date(start).toISOString()).toBe('2027-01-10T09:00:00.000Z');

    // Read back after a reload: the picker shows 17:00 again.
    await page.reload();
    await page.getByRole('tab', { name: '日程' }).click();
    const shown = page.getByTestId('schedule-exam_registration').locator('input');
    await expect.poll(() => shown.nth(0).inputValue()).toBe('2027-01-10 17:00');
    expect(await shown.nth(1).inputValue()).toBe('2027-01-20 17:00');
  });

  it('shows a candidate in New York the registration window in Beijing time', async () => {
    await org.call('POST', `/api/admin/events/${eventId}/transition`, { to: 'collecting' });
    const phone = await browser.open('phone', NEW_YORK);
    await phone.goto(`${server.url}/registrations/new/${eventId}`);
    await phone.getByText('报名时间：2027/01/10 17:00 至 2027/01/20 17:00').waitFor();
  });
});
