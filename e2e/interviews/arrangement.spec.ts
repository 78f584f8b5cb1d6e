import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSpecBrowser } from '../support/browser';
import { createFirstAdmins, startSmsSink, type SmsSink } from '../support/operators';
import { startServer, type RunningServer } from '../support/server';
import { loginStaff, type StaffClient } from '../support/staff-client';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HEX64 = /[0-9a-f]{64}/;

// The examiner draw of an interview morning in a real browser on a tablet (IVW-04, IVW-07, REG-08):
// the simulated draw and its report, the real draw with the seed hash published before it, the
// public record replaying to the same result, and the print view carrying hash and replay link.
describe('examiner arrangement on the interview tablet', () => {
  let server: RunningServer;
  let sink: SmsSink;
  let org: StaffClient;
  let eventId = '';
  let drawId = '';
  let seedHash = '';
  const browser = useSpecBrowser({
    cleanup: async () => {
      await server?.stop();
      sink?.close();
    },
  });

  beforeAll(async () => {
    sink = await startSmsSink();
    const admins = await createFirstAdmins('interviews', {
      sysAdmin: '13900000411',
      secAdmin: '13900000412',
      auditor: '13900000413',
    });
    // The interview rows go into the data folder before the server owns it.
    const out = execFileSync('npx', ['tsx', 'e2e/interviews/arrangement-fixture.ts'], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: admins.dataDir, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    eventId = out.trim().split('\n').at(-1)!;
    server = await startServer(
      { SEED_DEMO: 'false', SMS_PROVIDER: 'http', SMS_HTTP_URL: sink.url },
      { dataDir: admins.dataDir },
    );
    const sys = await loginStaff(
      server.url,
      'sysadm',
      admins.oneTimePassword('sys_admin'),
      sink.codeFor('13900000411'),
      'Kaolu#Sys2026',
    );
    const sec = await loginStaff(
      server.url,
      'secadm',
      admins.oneTimePassword('sec_admin'),
      sink.codeFor('13900000412'),
      'Kaolu#Sec2026',
    );
    const user = await sys.call<{ userId: string; oneTimePassword: string }>(
      'POST',
      '/api/staff-users',
      {
        username: 'ivwadm',
        displayName: '面试组织者',
        phone: '13900000421',
      },
    );
    await sec.call('POST', '/api/role-grants', { staffUserId: user.userId, role: 'org_admin' });
    org = await loginStaff(
      server.url,
      'ivwadm',
      user.oneTimePassword,
      sink.codeFor('13900000421'),
      'Kaolu#Ivw2026',
    );
  }, 240_000);

  // Element Plus selects open a dropdown rendered outside the field: pick the visible option.
  const pick = async (p: Page, testId: string, option: string) => {
    await p.getByTestId(testId).click();
    await p.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
  };

  it('simulates, shows the report, publishes the hash first, then draws', async () => {
    const page = await browser.openAs(org, server.url, 'tablet');
    // Reached from the portal's navigation, which shows it to a holder of interview.read.
    await page.goto(`${server.url}/interview`);
    await page.getByTestId('portal-nav').getByText('考官编排').click();
    await page.waitForURL((url) => url.pathname === '/interview/arrangement');
    await pick(page, 'pick-event', '2026年度公务员面试');
    await pick(page, 'pick-session', '2026-12-10 上午');
    await page.getByTestId('simulate').click();
    const report = page.getByTestId('simulation-report');
    await expect.poll(() => report.textContent()).toContain('其中 30 次满足全部回避规则');
    await expect.poll(() => report.textContent()).toContain('第1组：');
    // The hash is on screen before any seat is drawn.
    await page.getByTestId('commit-draw').click();
    const hash = page.getByTestId('committed-hash');
    await expect.poll(() => hash.textContent()).toMatch(HEX64);
    seedHash = HEX64.exec((await hash.textContent())!)![0];
    await page.getByTestId('run-draw').click();
    await page.getByText('查看抽签公示并复现').waitFor();
    await page.getByRole('tab', { name: '编排表' }).click();
    const table = page.getByTestId('arrangement-table');
    await expect.poll(() => table.textContent()).toContain(seedHash);
    await expect.poll(() => table.textContent()).toContain('主考官');
    // The page's hash is the one the server keeps for the session's draw.
    const sessions = await org.call<{ sessions: { id: string }[] }>(
      'GET',
      `/api/admin/interviews/events/${eventId}/arrangement-sessions`,
    );
    const arrangement = await org.call<{ draw: { drawId: string; seedHash: string } }>(
      'GET',
      `/api/admin/interviews/sessions/${sessions.sessions[0]!.id}/arrangement`,
    );
    expect(arrangement.draw.seedHash).toBe(seedHash);
    drawId = arrangement.draw.drawId;
  });

  it('lets anyone open the draw on a phone and replay it to the same result', async () => {
    const page = await browser.open('phone');
    await page.goto(`${server.url}/draws/${drawId}`);
    await expect.poll(() => page.getByTestId('draw-seed-hash').textContent()).toBe(seedHash);
    await expect.poll(() => page.getByTestId('draw-seed').textContent()).toMatch(/[0-9a-f]{64}/);
    // Codes only on the public page: never an examiner's name.
    const summary = await page.getByTestId('draw-summary').textContent();
    expect(summary).toContain('主考官 C');
    expect(summary).not.toMatch(/主考$|外考官|甲一|乙一/);
    // The 复现 button: the server recomputes the draw from the published seed and inputs.
    await page.getByTestId('draw-replay').click();
    const result = page.getByTestId('draw-replay-result');
    await expect.poll(() => result.textContent()).toContain('复现结果与公布结果一致');
    expect(await result.textContent()).toContain('种子与公布的哈希一致');
  });

  it('prints one page per session with the seed hash and the replay link', async () => {
    const page = await browser.openAs(org, server.url, 'tablet');
    await page.goto(`${server.url}/interview/arrangement/print/${eventId}`);
    const pages = page.getByTestId('print-page');
    await expect.poll(() => pages.count()).toBe(2);
    const first = await pages.first().textContent();
    expect(first).toContain(seedHash);
    expect(first).toContain(`/draws/${drawId}`);
    // The afternoon was not drawn: its page says so instead of printing an empty table.
    expect(await pages.nth(1).textContent()).toContain('本场次尚未抽签');
  });

  it('replays the same draw with the draw-replay command on the server data', async () => {
    // The embedded database has one owner: the command runs once the server has stopped.
    await server.stop({ keepData: true });
    const out = execFileSync(process.execPath, ['apps/server/dist/cli/draw-replay.js', drawId], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: server.dataDir, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    expect(out).toContain(`种子哈希（SM3，抽签前公布）：${seedHash}`);
    expect(out).toContain('第1组：主考官 C');
    expect(out).toContain('复现：种子与哈希一致，结果一致');
  });
});
