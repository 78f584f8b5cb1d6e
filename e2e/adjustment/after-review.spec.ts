import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { widestRight } from '../registration/phone-checks';
import { interviewScoreSheet, xlsxFile } from '../composite/interview-score-sheet';
import { saveScreenshot, useSpecBrowser } from '../support/browser';
import {
  APPLICANT,
  CANDIDATE_PASSWORD,
  prepareAdjustment,
  type AdjustmentSetup,
} from './adjustment-setup';

type Overview = {
  positions: Array<{
    positionId: string;
    code: string;
    unitName: string;
    shortfall: number;
    acceptsAdjustment: boolean;
    categoryName: string;
  }>;
};

// From review to the physical-exam list (§7, INT-02, IVW-08) in a real browser on the demo data:
// the org opens short positions; a candidate on a phone applies for one; the unit approves; the
// close puts him on the list; the unified round places the other candidate; the lists are
// published, the interview scores imported, the composite published and read by the candidate.
// Registration, written scores and the lists' computation and confirmation go through the API.
describe('after review: adjustment, lists, interview scores and composite', () => {
  let s: AdjustmentSetup;
  const browser = useSpecBrowser({ cleanup: () => s?.close() });
  const shot = async (page: Page, name: string) => {
    if (process.env.E2E_SCREENSHOTS === '1') await saveScreenshot(page, name);
  };
  // The message box of Element Plus: its primary button confirms.
  const confirmBox = (page: Page) =>
    page.locator('.el-message-box__btns .el-button--primary').click();

  beforeAll(async () => {
    // Seeding the demo data and two candidates' registration, payment and seats take a while.
    s = await prepareAdjustment();
  }, 400_000);

  it(
    'takes an adjusted candidate from his application to the physical-exam list',
    { timeout: 360_000 },
    async () => {
      // The org opens 20 short comprehensive positions, one place each (through the API).
      const base = `/api/admin/events/${s.event.id}/adjustment`;
      const overview = await s.org.call<Overview>('GET', base);
      const open = overview.positions
        .filter((p) => p.acceptsAdjustment && p.shortfall > 0 && p.categoryName === '综合管理')
        .slice(0, 20);
      expect(open.length).toBeGreaterThan(1);
      await s.org.call('PUT', `${base}/positions`, {
        positions: open.map((p) => ({ positionId: p.positionId, places: 1 })),
      });

      // The candidate sees the positions open to him and applies for the first one.
      const phone = await browser.open('phone');
      await phone.goto(`${s.server.url}/login`);
      await phone.getByTestId('login-account').fill(APPLICANT.idNumber);
      await phone.getByTestId('login-password').fill(CANDIDATE_PASSWORD);
      await phone.getByTestId('login-submit').click();
      await phone.getByTestId('account-info').waitFor();
      await phone.goto(`${s.server.url}/adjustment`);
      const apply = phone.getByTestId('adjustment-apply').first();
      await apply.waitFor();
      await shot(phone, 'adjustment-1-positions');
      expect((await widestRight(phone)).right).toBeLessThanOrEqual(360);
      await apply.click();
      await confirmBox(phone);
      const mine = phone.getByTestId('my-adjustment-application');
      await expect
        .poll(() => mine.getByTestId('my-adjustment-status').innerText())
        .toBe('待单位审核');
      // Which position he chose: the card names its code.
      const text = await mine.innerText();
      const position = open.find((p) => text.includes(p.code))!;

      // The unit's reviewer approves it in his queue.
      const unitId = await s.org
        .call<{ items: Array<{ id: string; name: string }> }>(
          'GET',
          `/api/admin/units?keyword=${encodeURIComponent(position.unitName)}`,
        )
        .then((r) => r.items.find((u) => u.name === position.unitName)!.id);
      const reviewer = await s.reviewerOf(unitId);
      const desk = await browser.openAs(reviewer, s.server.url);
      await desk.goto(`${s.server.url}/admin/adjustment-reviews`);
      const row = desk.getByTestId('adjustment-queue').locator('tr', { hasText: position.code });
      await row.waitFor();
      expect(await row.innerText()).toContain(s.tickets.applicant);
      await shot(desk, 'adjustment-2-queue');
      // Approval asks for confirmation, then the row leaves the 待审核 tab.
      await row.getByTestId('adjustment-approve').click();
      await confirmBox(desk);
      await row.waitFor({ state: 'detached' });

      // Approved: he can no longer change; the org closes the public round on its page.
      await phone.reload();
      await expect
        .poll(() => mine.getByTestId('my-adjustment-status').innerText())
        .toBe('单位已同意');
      expect(await phone.getByTestId('adjustment-apply').count()).toBe(0);
      const office = await browser.openAs(s.org, s.server.url);
      await office.goto(`${s.server.url}/admin/adjustment`);
      await office.getByTestId('close-public').click();
      await confirmBox(office);
      await expect
        .poll(() => office.getByTestId('public-status').innerText())
        .toBe('公开调剂已结束');
      await shot(office, 'adjustment-3-closed');
      await phone.reload();
      await expect
        .poll(() => mine.getByTestId('my-adjustment-status').innerText())
        .toBe('已调剂进入面试');
      expect(await mine.innerText()).toContain('按笔试成绩 71.00 调剂至职位');

      // The unified round: the engine proposes, the org confirms, the other candidate is placed.
      await office.getByRole('tab', { name: '统一调剂' }).click();
      await office.getByTestId('unified-propose').click();
      const candidates = office.getByTestId('unified-candidates');
      const placed = candidates.locator('tr', { hasText: s.tickets.unified });
      await placed.waitFor();
      expect(await placed.innerText()).toContain('按笔试成绩 68.00 调剂至职位');
      await shot(office, 'adjustment-4-proposal');
      await office.getByTestId('unified-confirm').click();
      await confirmBox(office);
      await expect.poll(() => office.getByTestId('unified-status').innerText()).toBe('已确认');
      // The confirmed proposal keeps the placement of the unified candidate.
      const proposal = await s.org.call<{
        candidates: Array<{ ticketNumber: string; positionId: string | null }>;
      }>('GET', `${base}/unified`);
      const unified = proposal.candidates.find((c) => c.ticketNumber === s.tickets.unified)!;
      expect(unified.positionId).not.toBeNull();

      // The lists, adjusted, are published on their page (INT-02, §7).
      await office.goto(`${s.server.url}/admin/interview-lists`);
      await office.getByTestId('lists-event').click();
      await office.locator('.el-select-dropdown__item:visible', { hasText: s.event.name }).click();
      await office.getByTestId('lists-publish-all').click();
      await confirmBox(office);
      await office.getByText(/已发布 \d+ 个职位/).waitFor();

      // The interview took place elsewhere: its scores come in as a sheet, the composite is
      // computed and published (§7, IVW-08).
      await office.goto(`${s.server.url}/admin/composite`);
      await office.getByTestId('composite-event').click();
      await office.locator('.el-select-dropdown__item:visible', { hasText: s.event.name }).click();
      await office.getByTestId('composite-summary').getByText('尚未计算').waitFor();
      await office.locator('.el-upload input[type=file]').setInputFiles(
        xlsxFile(
          'scores.xlsx',
          await interviewScoreSheet([
            [s.tickets.applicant, '85.5', '', ''],
            [s.tickets.unified, '80', '', ''],
          ]),
        ),
      );
      await office.getByText('已导入 2 名考生的面试成绩').waitFor();
      await office.getByTestId('composite-compute').click();
      await office.getByText(/第 1 版：\d+ 人/).waitFor();
      await office.getByTestId('composite-publish').click();
      await confirmBox(office);
      await office.getByText('已公布第 1 版综合成绩').waitFor();
      await shot(office, 'adjustment-5-composite');

      // The adjusted candidate reads his composite and that he goes on to the physical exam.
      await phone.goto(`${s.server.url}/composite`);
      const composite = phone.getByTestId('my-composite');
      await composite.waitFor();
      expect(await composite.getByTestId('my-composite-explanation').innerText()).toContain(
        '结构化面试 85.50 × 0.6',
      );
      expect(await composite.getByTestId('my-composite-outcome').innerText()).toContain(
        '进入体检名单',
      );
      expect((await widestRight(phone)).right).toBeLessThanOrEqual(360);
    },
  );
});
