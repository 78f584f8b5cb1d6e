import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSpecBrowser } from '../support/browser';
import type { RunningServer } from '../support/server';
import { loginStaff, type StaffClient } from '../support/staff-client';
import type { ScoringE2eFixture as Fixture } from './scoring-fixture';
import { openVenue, type Venue } from './venue';

const SHEETS = '**/api/interview/scoring/sheets/**';
type Board = {
  candidates: Array<{
    interviewCandidateId: string;
    sheets: Array<{ examinerId: string; status: string; scores: Record<string, number> | null }>;
  }>;
};

// Structured interview scoring in a real browser (IVW-08, IVW-10, §7): the interview admin opens
// two examiners' tablet accounts on the browse page; two tablets score the first candidate, one of
// them losing the network in the middle of its sheet and reloading before it comes back; the
// supervisor confirms both sheets and reads the computed result with its explanation.
describe('interview scoring on two tablets and the supervisor board', () => {
  let venue: Venue<Fixture>;
  let server: RunningServer;
  let admin: StaffClient;
  let supervisor: StaffClient;
  let fx: Fixture;
  const browser = useSpecBrowser({ cleanup: () => venue?.close() });

  beforeAll(async () => {
    venue = await openVenue<Fixture>(
      'interview-scoring',
      { sysAdmin: '13900000521', secAdmin: '13900000522', auditor: '13900000523' },
      'e2e/interviews/scoring-fixture.ts',
    );
    server = venue.server;
    fx = venue.fixture;
    admin = await venue.staff('ivadmin', '13900000524', ['interview_admin'], 'Kaolu#Ivw2026');
    supervisor = await venue.staff('super01', '13900000525', ['supervisor'], 'Kaolu#Sup2026');
  }, 300_000);

  const boardNow = () =>
    supervisor.call<Board>(
      'GET',
      `/api/interview/scoring/board?sessionId=${fx.sessionId}&groupId=${fx.groupId}`,
    );
  // Syncs travel one after another on a busy test machine: waits are generous, never fixed sleeps.
  const until = <T>(read: () => Promise<T>) =>
    expect.poll(read, { timeout: 20_000, interval: 200 });
  const score = (p: Page, code: string) => p.getByTestId(`score-${code}`);
  const place = (p: Page) => p.getByTestId('sheet-place-label');
  // ElMessageBox.confirm: the primary button confirms.
  const confirmBox = (p: Page) => p.locator('.el-message-box__btns .el-button--primary').click();

  /** Opens one examiner's tablet account on the browse page; answers his username and password. */
  async function openAccount(page: Page, code: string) {
    await page.locator('.el-table__row', { hasText: code }).getByTestId('row-action').click();
    await page.getByTestId('examiner-account-open').click();
    const username = (await page.getByTestId('examiner-account-username').innerText()).trim();
    const password = (await page.getByTestId('examiner-account-password').innerText()).trim();
    await page.getByRole('button', { name: '已记下，关闭' }).click();
    return { username, password };
  }

  it(
    'keeps a sheet typed offline across a reload, one sheet per examiner, confirmed into a result',
    { timeout: 240_000 },
    async () => {
      // The interview admin opens both tablet accounts; each password is shown once.
      const adminPage = await browser.openAs(admin, server.url);
      await adminPage.goto(`${server.url}/admin/interviews/${fx.eventId}`);
      await adminPage.getByRole('tab', { name: '信息查询' }).click();
      await adminPage.getByTestId('interview-browse').getByText('考官', { exact: true }).click();
      await adminPage.locator('.el-table__row', { hasText: 'kg01' }).waitFor();
      const tablets: Page[] = [];
      for (const e of fx.examiners) {
        const account = await openAccount(adminPage, e.code);
        expect(account.username).toBe(e.code);
        const client = await loginStaff(
          server.url,
          account.username,
          account.password,
          venue.sms.codeFor(e.phone),
          `Kaolu#Tablet2026${e.seat}`,
        );
        const page = await browser.openAs(client, server.url, 'tablet');
        await page.goto(`${server.url}/interview/scoring`);
        tablets.push(page);
      }
      const [chief, second] = tablets as [Page, Page];
      const first = fx.candidates[0]!;

      // Tablet 1 (the chief): a score between two bands is refused at its field, then corrected.
      await chief.getByTestId(`queue-${first.ticketNumber}`).waitFor();
      await score(chief, 'A').pressSequentially('29.75');
      await score(chief, 'B').fill('25');
      await score(chief, 'C').fill('20');
      await until(() => place(chief).innerText()).toBe('已同步到服务器（未提交）');
      await chief.getByTestId('sheet-submit').click();
      await confirmBox(chief);
      await until(() => chief.getByTestId('indicator-A').innerText()).toContain('不在任何档次内');
      await score(chief, 'A').fill('32');
      await chief.getByTestId('sheet-submit').click();
      await confirmBox(chief);
      await until(() => place(chief).innerText()).toBe('已提交，待监督员确认');

      // Withdrawn before any result (IVW-10), with a reason: scored again and handed in again.
      await chief.getByTestId('sheet-withdraw').click();
      await chief.locator('.el-message-box__input input').fill('语言表达分数录入有误');
      await confirmBox(chief);
      await until(() => place(chief).innerText()).toBe('已撤回');
      await score(chief, 'C').fill('21');
      await chief.getByTestId('sheet-submit').click();
      await confirmBox(chief);
      await until(() => place(chief).innerText()).toBe('已提交，待监督员确认');

      // Tablet 2: one score synced, then the network drops in the middle of the sheet.
      await second.getByTestId(`queue-${first.ticketNumber}`).waitFor();
      await score(second, 'A').pressSequentially('28');
      await until(() => place(second).innerText()).toBe('已同步到服务器（未提交）');
      await second.context().setOffline(true);
      await score(second, 'B').pressSequentially('21.5');
      await score(second, 'C').pressSequentially('18');
      await second.getByTestId('sheet-comment').fill('条理清楚');
      await until(() => place(second).innerText()).toBe('仅保存在本机（未联网）');
      expect(await second.getByTestId('sync-state').innerText()).toContain('未联网');

      // A reload before the sheets get through (the page can load, the sheet sync still fails):
      // everything typed is read back from the tablet, and the server still holds only A.
      await second.route(SHEETS, (route) => route.abort('internetdisconnected'));
      await second.context().setOffline(false);
      await second.reload();
      await second.getByTestId('score-sheet').waitFor();
      expect(await score(second, 'B').inputValue()).toBe('21.5');
      expect(await score(second, 'C').inputValue()).toBe('18');
      expect(await second.getByTestId('sheet-comment').inputValue()).toBe('条理清楚');
      expect(await place(second).innerText()).toBe('仅保存在本机（未联网）');
      const mid = (await boardNow()).candidates.find((c) => c.interviewCandidateId === first.id)!;
      const secondId = fx.examiners[1]!.id;
      expect(mid.sheets.find((s) => s.examinerId === secondId)?.scores).toEqual({ A: 28 });

      // Back online: the newest revision goes out, replacing the server's draft, then 提交.
      await second.unroute(SHEETS);
      await second.context().setOffline(true);
      await second.context().setOffline(false);
      await until(() => place(second).innerText()).toBe('已同步到服务器（未提交）');
      await second.getByTestId('sheet-submit').click();
      await confirmBox(second);
      await until(() => place(second).innerText()).toBe('已提交，待监督员确认');

      // The server holds one sheet per examiner for the candidate, with what was typed offline.
      const board = (await boardNow()).candidates.find((c) => c.interviewCandidateId === first.id)!;
      expect(board.sheets).toHaveLength(2);
      expect(new Set(board.sheets.map((s) => s.examinerId)).size).toBe(2);
      expect(board.sheets.find((s) => s.examinerId === secondId)?.scores).toEqual({
        A: 28,
        B: 21.5,
        C: 18,
      });

      // The chief's board shows states, never scores.
      await chief.getByRole('tab', { name: '本组评分进度' }).click();
      const chiefBoard = chief.getByTestId('chief-board');
      await chiefBoard.waitFor();
      expect(await chiefBoard.innerText()).toContain('已提交，待监督员确认');
      expect(await chiefBoard.innerText()).not.toContain('78.00');

      // The supervisor confirms both sheets of the candidate; the result appears, explained.
      const sup = await browser.openAs(supervisor, server.url, 'tablet');
      await sup.goto(`${server.url}/interview/supervision`);
      // The only event and group are chosen for him; of two sessions he picks the morning.
      await sup.getByTestId('supervision-session').click();
      await sup
        .locator('.el-select-dropdown__item:visible', { hasText: '2026-12-05 上午' })
        .click();
      const row = sup.locator('[data-testid=sheet-board] .el-table__row', {
        hasText: first.ticketNumber,
      });
      await row.getByTestId('confirm-candidate').click();
      // (32 + 28) / 2 + (25 + 21.5) / 2 + (21 + 18) / 2 = 30 + 23.25 + 19.5 with weights 1.
      await until(() => sup.getByTestId('scoring-results').innerText()).toContain('72.75');
      expect(await row.getByTestId('board-result').innerText()).toContain('72.75');
      expect(await sup.getByTestId('scoring-results').innerText()).toContain(first.ticketNumber);

      // The examiner's tablet learns of the confirmation when it reads its queue again.
      // It then opens the next candidate still to score; the first one's line says confirmed.
      await second.reload();
      await until(() => second.getByTestId(`queue-${first.ticketNumber}`).innerText()).toContain(
        '监督员已确认',
      );
      await until(() => second.getByTestId('score-sheet').innerText()).toContain('2 号');

      // 调整面试时间: the admin moves the second candidate (not checked in) to the afternoon;
      // he leaves the morning queue on the tablet.
      const second2 = fx.candidates[1]!;
      await adminPage.getByTestId('interview-browse').getByText('考生', { exact: true }).click();
      const candidateRow = adminPage.locator('.el-table__row', { hasText: second2.ticketNumber });
      await candidateRow.getByTestId('row-action').click();
      await adminPage.getByTestId('session-change-session').click();
      await adminPage
        .locator('.el-select-dropdown__item:visible', { hasText: '2026-12-05 下午' })
        .click();
      await adminPage.getByTestId('session-change-reason').fill('考生申请改到下午');
      await adminPage.getByTestId('session-change-save').click();
      await until(() => adminPage.locator('.el-message').first().innerText()).toContain(
        '已调整到 2026-12-05 下午',
      );
      await second.reload();
      await second.getByTestId(`queue-${first.ticketNumber}`).waitFor();
      expect(await second.getByTestId(`queue-${second2.ticketNumber}`).count()).toBe(0);
    },
  );
});
