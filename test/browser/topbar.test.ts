import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ownSeedApp } from './harness.ts';

// The bar along the top (the name, the filters, the minimum confidence, the count, "Show all places") at the widths
// of a laptop, a small window and a phone, on the seed corpus built into a folder of its own.

const app = ownSeedApp('topbar');

/** The bar's items as drawn: each one's box, and whether its text is cut (wider than the box that shows it). */
function barItems(page: Page) {
  return page.evaluate(() =>
    [...document.querySelector('.topbar')!.querySelectorAll(':scope > *, .filters > *')].filter((el) => !el.classList.contains('filters') && el.getBoundingClientRect().width > 0).map((el) => {
      const r = el.getBoundingClientRect();
      return { name: (el.textContent || (el as HTMLInputElement).placeholder || el.className).trim().slice(0, 30), left: r.left, right: r.right, top: r.top, bottom: r.bottom, cut: el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'SELECT' && el.tagName !== 'INPUT' };
    }),
  );
}

describe('the bar along the top', () => {
  for (const width of [1024, 900, 1280, 390]) {
    it(`shows the app's name whole and no control on another, at ${width} px wide`, async () => {
      const { page, close } = await app.open({ viewport: { width, height: 768 } });
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Datelines');
      const items = await barItems(page);
      expect(items.filter((i) => i.cut).map((i) => i.name)).toEqual([]);
      const overlaps: string[] = [];
      for (const [n, a] of items.entries()) for (const b of items.slice(n + 1)) if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps.push(`${a.name} / ${b.name}`);
      expect(overlaps).toEqual([]);
      expect(Math.max(...items.map((i) => i.right))).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `test-results/screens/topbar-${width}.png`, clip: { x: 0, y: 0, width, height: 100 } });
      await close();
    });
  }
});
