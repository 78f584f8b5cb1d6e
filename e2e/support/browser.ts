import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/** Debian's chromium, headless, with no background traffic (this machine has no internet). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`未找到 Chromium (${CHROMIUM})：请先执行 apt-get install -y chromium fonts-noto-cjk`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic', '--disable-component-update', '--disable-sync'],
  });
}

/** A phone-sized page (360 px wide) for the candidate portal, or a desktop page. */
export async function openPage(browser: Browser, viewport: 'phone' | 'desktop' | 'tablet' = 'desktop'): Promise<Page> {
  const size = { phone: { width: 360, height: 740 }, tablet: { width: 1024, height: 768 }, desktop: { width: 1280, height: 800 } }[viewport];
  const context = await browser.newContext({ viewport: size, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return context.newPage();
}

/** Saves a screenshot under e2e/artifacts; called for every failed test and on demand. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name.replace(/[^\w\u4e00-\u9fa5-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
