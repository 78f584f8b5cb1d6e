import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, useSpecBrowser } from '../support/browser';
import { widestRight } from '../registration/phone-checks';
import { CANDIDATE, prepareSelection, type Selection } from './selection-setup';

// Issue 8 in a real browser on the demo data: a candidate on a phone sees his published score and
// applies to a position; the unit's reviewer returns it for more material, the candidate supplements,
// and the reviewer approves. Registration, payment, seats and the score import are set up via the API.
describe('written-exam score, position application and unit review', () => {
  let s: Selection;
  const browser = useSpecBrowser({ cleanup: () => s?.close() });
  // Extra screenshots of each page for a person to look at: E2E_SCREENSHOTS=1.
  const shot = async (page: Page, name: string) => {
    if (process.env.E2E_SCREENSHOTS === '1') await saveScreenshot(page, name);
  };

  beforeAll(async () => {
    // Seeding the demo data (3 000 candidates, encrypted) takes most of a minute on a shared machine.
    s = await prepareSelection();
  }, 300_000);

  const candidatePage = async () => {
    const page = await browser.open('phone');
    await page.goto(`${s.server.url}/login`);
    await page.getByTestId('login-account').fill(CANDIDATE.idNumber);
    await page.getByTestId('login-password').fill(CANDIDATE.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('account-info').waitFor();
    return page;
  };
  const reviewerPage = () => browser.openAs(s.reviewer, s.server.url);
  const expectFitsPhone = async (page: Page) =>
    expect((await widestRight(page)).right).toBeLessThanOrEqual(360);

  it(
    'takes an application from the published score through return, supplement and approval',
    { timeout: 180_000 },
    async () => {
      // The candidate sees his score, the line and that he passed.
      const phone = await candidatePage();
      await phone.goto(`${s.server.url}/scores`);
      const score = phone.getByTestId('score');
      await score.waitFor();
      expect(await score.getByTestId('score-total').innerText()).toBe('70.25');
      expect(await score.getByTestId('score-line').innerText()).toBe('60.00');
      await score.getByTestId('score-passed').waitFor();
      await shot(phone, 'applications-1-score');
      await expectFitsPhone(phone);

      // He applies: finds the position, reads every condition checked, submits.
      await score.getByTestId('go-apply').click();
      await phone.waitForURL('**/applications?eventId=*');
      await phone.getByTestId('position-keyword').fill(s.position.code);
      await phone.getByTestId('position-search').click();
      await phone.getByTestId('position-option').filter({ hasText: s.position.code }).click();
      const precheck = phone.getByTestId('precheck');
      await precheck.getByTestId('precheck-verdict').getByText('符合报考条件').waitFor();
      expect(await precheck.getByTestId('check-failed').count()).toBe(0);
      expect(await precheck.getByTestId('check-passed').count()).toBeGreaterThan(0);
      await shot(phone, 'applications-2-precheck');
      await expectFitsPhone(phone);
      await precheck.getByTestId('apply-submit').click();
      const mine = phone.getByTestId('application');
      await expect.poll(() => mine.getByTestId('application-status').innerText()).toBe('待审核');
      expect(await mine.innerText()).toContain(s.position.title);

      // The unit's reviewer finds it in his queue and returns it for the degree certificate.
      const desk = await reviewerPage();
      await desk.goto(`${s.server.url}/admin/reviews`);
      const row = desk.getByTestId('review-queue').locator('tr', { hasText: s.position.code });
      await row.waitFor();
      expect(await row.innerText()).toContain('陈*远');
      await shot(desk, 'applications-3-queue');
      await row.getByTestId('review-open').click();
      await desk.getByTestId('review-status').getByText('待审核').waitFor();
      await desk.getByTestId('review-outcome').getByText('退回补充').click();
      await desk.getByTestId('review-reason').click();
      await desk.locator('.el-select-dropdown__item:visible', { hasText: '材料不全' }).click();
      await desk.getByTestId('review-text').fill('请上传学位证书扫描件');
      await desk.getByTestId('review-submit').click();
      await desk.getByTestId('review-status').getByText('退回补充').waitFor();
      await shot(desk, 'applications-4-returned');

      // The candidate reads why, supplements and submits again.
      await phone.reload();
      await expect.poll(() => mine.getByTestId('application-status').innerText()).toBe('退回补充');
      expect(await mine.innerText()).toContain('请上传学位证书扫描件');
      await shot(phone, 'applications-5-returned');
      await expectFitsPhone(phone);
      // He uploads the certificate to his profile and saves it (INT-05); supplementing freezes that profile.
      const applicationsUrl = phone.url();
      await phone.goto(`${s.server.url}/profile`);
      const materials = phone.getByTestId('attachments-card');
      const pdf = Buffer.from('%PDF-1.4\n% degree certificate scan\n%%EOF\n');
      await materials
        .getByTestId('attachment-upload')
        .locator('input[type=file]')
        .setInputFiles({ name: '学位证书.pdf', mimeType: 'application/pdf', buffer: pdf });
      await materials.getByTestId('attachment-item').waitFor();
      expect(await materials.getByTestId('attachment-name').inputValue()).toBe('学位证书');
      await expectFitsPhone(phone);
      await phone.getByTestId('profile-save').click();
      await phone.getByText(/档案已保存/).waitFor();
      await shot(phone, 'applications-5b-materials');
      await phone.goto(applicationsUrl);
      await mine.getByTestId('supplement-note').fill('已在档案附件中补充学位证书扫描件');
      await mine.getByTestId('supplement-submit').click();
      await expect.poll(() => mine.getByTestId('application-status').innerText()).toBe('待审核');

      // The reviewer sees it waiting again and approves it.
      await desk.goto(`${s.server.url}/admin/reviews`);
      await row.getByTestId('review-open').click();
      await desk.getByTestId('review-status').getByText('待审核').waitFor();
      expect(await desk.getByTestId('review-timeline').innerText()).toContain(
        '已在档案附件中补充学位证书扫描件',
      );
      // The material is listed and opens for the reviewer exactly as uploaded.
      const material = desk
        .getByTestId('review-attachments')
        .locator('tr', { hasText: '学位证书' });
      await material.waitFor();
      const href = await material.getByTestId('attachment-preview').getAttribute('href');
      const opened = await desk.evaluate(async (url) => {
        const response = await fetch(url!);
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          size: (await response.arrayBuffer()).byteLength,
        };
      }, href);
      expect(opened).toEqual({ status: 200, type: 'application/pdf', size: pdf.length });
      await shot(desk, 'applications-5c-review-materials');
      await desk.getByTestId('review-outcome').getByText('通过', { exact: true }).click();
      await desk.getByTestId('review-submit').click();
      await desk.getByTestId('review-status').getByText('审核通过').waitFor();

      // Approved is final: the candidate sees it and can no longer change position.
      await phone.reload();
      await expect.poll(() => mine.getByTestId('application-status').innerText()).toBe('审核通过');
      expect(await phone.getByTestId('position-keyword').count()).toBe(0);
      await shot(phone, 'applications-6-approved');
      await expectFitsPhone(phone);
    },
  );
});
