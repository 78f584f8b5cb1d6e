import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from '../support/browser';
import { installScreenScan, type ScreenHit } from '../support/screen-scan';

// The scan every browser test runs (NFR-UX-1) must see what users would see and nothing else:
// uuids, AREA.REASON codes and catalogue codes on screen, but not text inside a closed fold and
// not ordinary dotted words such as a mail domain.
describe('screen scan', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('reports uuids and raw codes on screen, also after a change, and ignores hidden text', async () => {
    const page = await openPage(browser);
    const hits: ScreenHit[] = [];
    await installScreenScan(page.context(), hits);
    // A page of our own, served by the test, so the init script runs as on the real app.
    await page.route('http://scan.test/**', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><meta charset="utf-8"><body>
          <p>对象 staff_user 3f0a2c4e-1b2d-4c5e-8f90-123456789abc</p>
          <p>准考证尚未生成 TICKET.NOT_READY</p>
          <p>权限 job.read，范围 unit_or_event</p>
          <p>邮箱 zwq@example.com，时间 2026/12/20 17:00，职位代码 31010001</p>
          <p>抽签公示与复现：http://scan.test/draws/5b2c7a10-1c2d-4e3f-9a8b-0123456789ab</p>
          <div style="display:none">请求号 9d7c1f2e-0000-4000-8000-000000000001 AUDIT.HIDDEN</div>
        </body>`,
      }),
    );
    await page.goto('http://scan.test/');
    await expect.poll(() => hits.length).toBe(4);
    const found = (kind: string) => hits.filter((h) => h.kind === kind).map((h) => h.text);
    expect(found('uuid')).toEqual(['对象 staff_user 3f0a2c4e-1b2d-4c5e-8f90-123456789abc']);
    expect(found('errorCode')).toEqual(['准考证尚未生成 TICKET.NOT_READY']);
    expect(found('catalogueCode').sort()).toEqual([
      '对象 staff_user 3f0a2c4e-1b2d-4c5e-8f90-123456789abc',
      '权限 job.read，范围 unit_or_event',
    ]);
    expect(hits.some((h) => /example\.com|请求号|抽签公示/.test(h.text))).toBe(false);

    // Text that arrives later (a toast, a page the SPA renders) is reported too.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '操作 notice.published';
      document.body.append(p);
    });
    await expect.poll(() => hits.some((h) => h.text === '操作 notice.published')).toBe(true);
    await page.context().close();
  });
});
