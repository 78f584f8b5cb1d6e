import { beforeAll, describe, expect, it } from 'vitest';
import { useSpecBrowser } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

const PORTALS = [
  { path: '/', title: '上海市公务员考录 · 考生服务', viewport: 'phone' as const },
  { path: '/admin', title: '上海市公务员考录 · 管理端', viewport: 'desktop' as const },
  { path: '/hospital', title: '上海市公务员考录 · 医院学校端', viewport: 'desktop' as const },
  { path: '/interview', title: '上海市公务员考录 · 面试系统', viewport: 'tablet' as const },
];

describe('the four portals in a real browser', () => {
  let server: RunningServer;
  const browser = useSpecBrowser({ cleanup: () => server?.stop() });

  beforeAll(async () => {
    server = await startServer();
  });

  for (const portal of PORTALS) {
    it(`renders ${portal.path} with its title, header, navigation and footer`, async () => {
      const page = await browser.open(portal.viewport);
      await page.goto(server.url + portal.path);
      await page.getByTestId('portal-header').waitFor();
      expect(await page.title()).toContain(portal.title);
      for (const part of ['portal-header', 'portal-nav', 'portal-footer']) {
        expect(await page.getByTestId(part).count(), part).toBeGreaterThan(0);
      }
      expect(await page.getByTestId('portal-name').first().innerText()).not.toBe('');
    });
  }

  it('shows the demo event on the candidate home page at 360 px without horizontal scrolling', async () => {
    const page = await browser.open('phone');
    await page.goto(server.url + '/');
    await page.getByText('考试录用公务员').first().waitFor({ timeout: 15_000 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('serves a deep link of the admin portal from the server (history fallback)', async () => {
    const page = await browser.open('desktop');
    const response = await page.goto(server.url + '/admin/jobs');
    expect(response?.status()).toBe(200);
    await page.getByTestId('portal-header').waitFor();
    expect(await page.title()).toContain('管理端');
  });
});
