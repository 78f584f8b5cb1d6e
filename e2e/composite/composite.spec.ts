import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CANDIDATE, prepareSelection, type Selection } from '../applications/selection-setup';
import { widestRight } from '../registration/phone-checks';
import { saveScreenshot, useSpecBrowser } from '../support/browser';
import { interviewScoreSheet as sheet, xlsxFile } from './interview-score-sheet';

// Interview scores in, composite out (§7, IVW-08, INT-07) in a real browser on the demo data: the
// org imports the interview scores (a bad sheet first: every problem listed, nothing saved),
// computes, reads the ranking and publishes; the candidate then reads his composite on a phone.
// The application, its approval and the interview lists' confirmation go through the API.

describe('interview scores and composite scores', () => {
  let s: Selection;
  let ticketNumber = '';
  const browser = useSpecBrowser({
    cleanup: () => s?.close(),
  });
  const shot = async (page: Page, name: string) => {
    if (process.env.E2E_SCREENSHOTS === '1') await saveScreenshot(page, name);
  };

  beforeAll(async () => {
    s = await prepareSelection();
    // The candidate applies, the unit approves, the org computes the interview lists.
    const applied = await s.candidate.call<{ id: string }>('POST', '/api/candidate/applications', {
      eventId: s.event.id,
      positionId: s.position.id,
    });
    await s.reviewer.call('POST', `/api/admin/reviews/${applied.id}/decision`, {
      outcome: 'approve',
      reasonCode: 'conditions_met',
    });
    await s.org.call('POST', `/api/admin/events/${s.event.id}/interview-lists/compute`);
    // The org confirms the lists (their page is tested in e2e/interview-lists).
    await s.org.call('POST', `/api/admin/events/${s.event.id}/interview-lists/confirm`, {});
    // The listed candidate's ticket number, as his admission ticket shows it.
    const mine = await s.candidate.call<{ items: Array<{ id: string }> }>(
      'GET',
      '/api/candidate/registrations',
    );
    const ticket = await s.candidate.call<{ ticketNumber: string }>(
      'GET',
      `/api/candidate/registrations/${mine.items[0]!.id}/ticket`,
    );
    ticketNumber = ticket.ticketNumber;
  }, 400_000);

  it(
    'imports the scores with a full report of a bad sheet, computes, publishes, and the candidate reads it',
    { timeout: 180_000 },
    async () => {
      const desk = await browser.openAs(s.org, s.server.url);
      await desk.goto(`${s.server.url}/admin/composite`);
      await desk.getByTestId('composite-event').click();
      await desk.locator('.el-select-dropdown__item:visible', { hasText: s.event.name }).click();
      await desk.getByTestId('composite-summary').getByText('尚未计算').waitFor();
      const upload = desk.locator('.el-upload input[type=file]');

      // A bad sheet: an unknown ticket and a score above 100; both reported, nothing imported.
      await upload.setInputFiles(
        xlsxFile(
          'bad.xlsx',
          await sheet([
            ['T-NOBODY', '80', '', ''],
            [ticketNumber, '100.5', '', ''],
          ]),
        ),
      );
      const problems = desk.getByTestId('composite-problems');
      await problems.getByText('不在本事项的面试名单中').waitFor();
      expect(await problems.innerText()).toContain('应为0至100之间的数');
      expect(await desk.getByTestId('composite-summary').innerText()).toContain('0 人');
      await shot(desk, 'composite-1-problems');

      // The corrected sheet: 综合管理类 has no 专业分, so only the structured score is given.
      await upload.setInputFiles(
        xlsxFile('good.xlsx', await sheet([[ticketNumber, '85.5', '', '']])),
      );
      await desk.getByText('已导入 1 名考生的面试成绩').waitFor();
      await desk.getByTestId('composite-compute').click();
      await desk.getByText(/第 1 版：1 人/).waitFor();

      // The ranking: 70.25 × 0.4 + 85.5 × 0.6 (the 专业分 weight carried over) = 79.40.
      // el-table renders a fixed column twice; the visible copy is the one to click.
      await desk.locator('[data-testid=composite-open]:visible').first().click();
      const ranking = desk.getByTestId('composite-position');
      await ranking.getByText('79.40').first().waitFor();
      expect(await ranking.innerText()).toContain('综合成绩相同的，面试成绩高者在前');
      expect(await ranking.innerText()).toContain('进入');
      await shot(desk, 'composite-2-ranking');
      await desk.keyboard.press('Escape');

      // Publication asks for confirmation first.
      await desk.getByTestId('composite-publish').click();
      await desk
        .locator('.el-message-box')
        .getByRole('button', { name: /确定|OK/ })
        .click();
      await desk.getByText('已公布第 1 版综合成绩').waitFor();

      // The candidate, on a phone, reads the composite, the outcome and why.
      const phone = await browser.open('phone');
      await phone.goto(`${s.server.url}/login`);
      await phone.getByTestId('login-account').fill(CANDIDATE.idNumber);
      await phone.getByTestId('login-password').fill(CANDIDATE.password);
      await phone.getByTestId('login-submit').click();
      await phone.getByTestId('account-info').waitFor();
      await phone.goto(`${s.server.url}/composite`);
      const mine = phone.getByTestId('my-composite');
      await mine.waitFor();
      expect(await mine.getByTestId('my-composite-score').innerText()).toBe('79.40');
      expect(await mine.getByTestId('my-composite-outcome').innerText()).toContain('进入体检名单');
      expect(await mine.getByTestId('my-composite-explanation').innerText()).toContain(
        '笔试折算 70.25 × 0.4 + 结构化面试 85.50 × 0.6 = 79.40',
      );
      await shot(phone, 'composite-3-candidate');
      expect((await widestRight(phone)).right).toBeLessThanOrEqual(360);

      // The publication's notice waits in his inbox, unread until he opens it.
      await phone.getByTestId('nav-toggle').click();
      await phone.getByTestId('nav-drawer').getByText('我的消息').click();
      const notice = phone.getByTestId('message-item').filter({ hasText: '综合成绩公布' });
      await notice.waitFor();
      const unread = async () =>
        (await phone.getByTestId('messages-unread').count())
          ? await phone.getByTestId('messages-unread').innerText()
          : '0 条未读';
      const before = Number.parseInt(await unread(), 10);
      expect(before).toBeGreaterThan(0);
      await notice.locator('.el-collapse-item__header').click();
      await notice.getByTestId('message-body').getByText('已进入体检名单').waitFor();
      await expect.poll(async () => Number.parseInt(await unread(), 10)).toBe(before - 1);
      // Read on the server too: a reload keeps it read.
      await phone.reload();
      await notice.waitFor();
      expect(Number.parseInt(await unread(), 10)).toBe(before - 1);
      expect((await widestRight(phone)).right).toBeLessThanOrEqual(360);
    },
  );
});
