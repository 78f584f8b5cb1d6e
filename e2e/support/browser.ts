import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { describeHits, installScreenScan, type ScreenHit } from './screen-scan';
import type { StaffClient } from './staff-client';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'artifacts',
);

/** Debian's chromium, headless, with no background traffic (this machine has no internet). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `未找到 Chromium (${CHROMIUM})：请先执行 apt-get install -y chromium fonts-noto-cjk`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-quic',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type Viewport = 'phone' | 'desktop' | 'tablet';

/** What a spec may change about the device: its time zone (NFR-UX-1 holds in any zone). */
export type DeviceOptions = { timezoneId?: string };

/**
 * A phone-sized page (360 px wide) for the candidate portal, or a desktop page; in Shanghai time
 * unless the spec proves a page works from another zone.
 */
export async function openPage(
  browser: Browser,
  viewport: Viewport = 'desktop',
  device: DeviceOptions = {},
): Promise<Page> {
  const size = {
    phone: { width: 360, height: 740 },
    tablet: { width: 1024, height: 768 },
    desktop: { width: 1280, height: 800 },
  }[viewport];
  const context = await browser.newContext({
    viewport: size,
    locale: 'zh-CN',
    timezoneId: device.timezoneId ?? 'Asia/Shanghai',
  });
  return context.newPage();
}

/** Saves a screenshot under e2e/artifacts; called for every failed test and on demand. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name.replace(/[^\w\u4e00-\u9fa5-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export type SpecBrowser = {
  /** The page the running test opened last; undefined between tests. */
  readonly page: Page | undefined;
  /** A new page in its own context (see openPage), closed after the test. */
  open(viewport?: Viewport, device?: DeviceOptions): Promise<Page>;
  /** `open`, signed in as a staff client: its session and CSRF cookies are set for baseUrl. */
  openAs(
    client: Pick<StaffClient, 'cookies'>,
    baseUrl: string,
    viewport?: Viewport,
    device?: DeviceOptions,
  ): Promise<Page>;
};

/**
 * The browser harness every spec shares; call it once at the top of a describe. Chromium is launched
 * before the spec's own beforeAll. After each test, if it failed, every page it opened is saved under
 * e2e/artifacts (as the test's name, or name-0, name-1… when it opened several), then their contexts
 * are closed. After all tests the browser is closed, then `cleanup` stops what the spec started
 * (its server, its SMS sink).
 */
export function useSpecBrowser(options: { cleanup?: () => unknown } = {}): SpecBrowser {
  let browser: Browser | undefined;
  let pages: Page[] = [];
  // What the opened pages showed that no user should see (uuids, raw codes): see screen-scan.ts.
  let hits: ScreenHit[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async (context) => {
    const opened = pages;
    const shown = hits;
    pages = [];
    hits = [];
    // The scan reports 150 ms after the last change: let the last report arrive.
    if (opened.length > 0) await new Promise((resolve) => setTimeout(resolve, 300));
    try {
      if (context.task.result?.state === 'fail' || shown.length > 0) {
        for (const [i, page] of opened.entries())
          await saveScreenshot(
            page,
            opened.length === 1 ? context.task.name : `${context.task.name}-${i}`,
          );
      }
    } finally {
      for (const page of opened) await page.context().close();
    }
    // A test that failed already says why; otherwise a uuid or code on screen fails it (NFR-UX-1).
    if (context.task.result?.state !== 'fail' && shown.length > 0)
      throw new Error(describeHits(shown));
  });
  afterAll(async () => {
    await browser?.close();
    await options.cleanup?.();
  });

  const open = async (viewport: Viewport = 'desktop', device: DeviceOptions = {}) => {
    if (!browser)
      throw new Error(
        '浏览器尚未启动：useSpecBrowser() 须在 describe 中调用，页面只能在测试中打开',
      );
    const page = await openPage(browser, viewport, device);
    await installScreenScan(page.context(), hits);
    pages.push(page);
    return page;
  };
  return {
    get page() {
      return pages.at(-1);
    },
    open,
    async openAs(client, baseUrl, viewport = 'desktop', device = {}) {
      const page = await open(viewport, device);
      await page.context().addCookies(client.cookies().map((c) => ({ ...c, url: baseUrl })));
      return page;
    },
  };
}
