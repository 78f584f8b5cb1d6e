import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { widestRight } from '../registration/phone-checks';
import { CANDIDATE, prepareSelection, type Selection } from '../applications/selection-setup';
import { saveScreenshot, useSpecBrowser } from '../support/browser';

// Interview lists 面试名单 in a real browser (INT-02, §7): after unit review the org computes,
// confirms and publishes the lists; the candidate, on a phone, sees that he is on his position's
// list with his rank and the line, and the public page shows his ticket number and masked name.
describe('interview lists from review to the candidate', () => {
  let s: Selection;
  const browser = useSpecBrowser({ cleanup: () => s?.close() });
  const shot = async (page: Page, name: string) => {
    if (process.env.E2E_SCREENSHOTS === '1') await saveScreenshot(page, name);
  };
  // Every action asks first; the message box's primary button confirms.
  const confirmBox = (page: Page) =>
    page.locator('.el-message-box__btns .el-button--primary').click();

  beforeAll(async () => {
    // The demo data and a candidate with a published score; his application is approved by API.
    s = await prepareSelection();
    const application = await s.candidate.call<{ id: string }>(
      'POST',
      '/api/candidate/applications',
      { eventId: s.event.id, positionId: s.position.id },
    );
    await s.reviewer.call('POST', `/api/admin/reviews/${application.id}/decision`, {
      outcome: 'approve',
      reasonCode: 'conditions_met',
    });
  }, 300_000);

  it(
    'computes, confirms and publishes; the candidate sees his status',
    { timeout: 180_000 },
    async () => {
      // The org on a desktop: pick the demo event and compute.
      const desk = await browser.openAs(s.org, s.server.url);
      await desk.goto(`${s.server.url}/admin/interview-lists`);
      await desk.getByTestId('lists-event').click();
      await desk.locator('.el-select-dropdown__item:visible', { hasText: s.event.name }).click();
      await desk.getByTestId('lists-compute').click();
      await confirmBox(desk);
      await desk.getByText(/已计算 \d+ 个职位/).waitFor();

      // His position: one applicant, listed, the line is his own score.
      await desk.getByTestId('lists-keyword').fill(s.position.code);
      await desk.getByRole('button', { name: '查询' }).click();
      const row = desk.locator('tr', { hasText: s.position.code }).filter({ hasText: '待确认' });
      await row.waitFor();
      await row.getByTestId('lists-open').click();
      const entries = desk.getByTestId('position-entries');
      await entries.getByText('陈*远').waitFor();
      expect(await entries.innerText()).toContain('进入面试');
      expect(await desk.getByTestId('position-figures').innerText()).toContain('入围最低分 70.25');
      await shot(desk, 'interview-lists-1-position');
      await desk.keyboard.press('Escape');

      // Confirm every draft, then publish every confirmed list.
      await desk.getByTestId('lists-confirm-all').click();
      await confirmBox(desk);
      await desk.getByText(/已确认 \d+ 个职位/).waitFor();
      await desk.getByTestId('lists-publish-all').click();
      await confirmBox(desk);
      await desk.getByText(/已发布 \d+ 个职位/).waitFor();
      await desk
        .locator('tr', { hasText: s.position.code })
        .filter({ hasText: '已发布' })
        .waitFor();
      await shot(desk, 'interview-lists-2-published');

      // The candidate on a phone: on the list, rank 1, the line, and the public page.
      const phone = await browser.open('phone');
      await phone.goto(`${s.server.url}/login`);
      await phone.getByTestId('login-account').fill(CANDIDATE.idNumber);
      await phone.getByTestId('login-password').fill(CANDIDATE.password);
      await phone.getByTestId('login-submit').click();
      await phone.getByTestId('account-info').waitFor();
      await phone.goto(`${s.server.url}/interview-lists`);
      const card = phone.getByTestId('my-list');
      await card.getByTestId('my-list-on').waitFor();
      expect(await card.getByTestId('my-list-rank').innerText()).toBe('1');
      expect(await card.getByTestId('my-list-line').innerText()).toBe('70.25');
      expect((await widestRight(phone)).right).toBeLessThanOrEqual(360);
      await shot(phone, 'interview-lists-3-candidate');
      // The public page from his card: his ticket number and masked name under his position.
      await card.getByText('查看面试名单公示').click();
      await phone.getByTestId('public-position').first().waitFor();
      await phone.getByPlaceholder('职位代码、名称或单位').fill(s.position.code);
      await phone.getByRole('button', { name: '查询' }).click();
      await phone.getByTestId('public-person').getByText('陈*远').waitFor();
      expect((await widestRight(phone)).right).toBeLessThanOrEqual(360);
      await shot(phone, 'interview-lists-4-public');
    },
  );
});
