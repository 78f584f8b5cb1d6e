import type { Page } from 'playwright-core';

/**
 * The right edge of the widest visible element in the page body. Body hides horizontal overflow,
 * so scrollWidth would not tell; a 360 px page must keep every element inside 360 px.
 */
export async function widestRight(page: Page): Promise<{ right: number; element: string }> {
  return page.evaluate(() => {
    let widest = { right: 0, element: '' };
    for (const el of Array.from(document.querySelectorAll('main *'))) {
      const rect = el.getBoundingClientRect();
      if (rect.width > 0 && rect.right > widest.right)
        widest = {
          right: Math.round(rect.right),
          element: `${el.tagName.toLowerCase()}.${el.className}`,
        };
    }
    return widest;
  });
}

/** A real JPEG of the given size drawn by the browser's canvas, for the photo upload. */
export async function drawJpeg(page: Page, width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    ([w, h]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w!;
      canvas.height = h!;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#3b6fb6';
      g.fillRect(0, 0, w!, h!);
      g.fillStyle = '#f1d2b6';
      g.beginPath();
      g.arc(w! / 2, h! * 0.4, w! / 4, 0, Math.PI * 2);
      g.fill();
      return canvas.toDataURL('image/jpeg', 0.8).split(',')[1]!;
    },
    [width, height],
  );
  return Buffer.from(base64, 'base64');
}
