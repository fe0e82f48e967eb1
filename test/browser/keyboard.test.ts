import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, ownSeedApp } from './harness.ts';

// The page from the keyboard: skip links first, and axe-core on the list of events by date.

const app = ownSeedApp('keyboard');

const focusedName = (page: Page) => page.evaluate(() => {
  const e = document.activeElement as HTMLElement | null;
  return e ? (e.getAttribute('aria-label') ?? e.getAttribute('aria-valuetext') ?? e.textContent ?? '').trim() : null;
});

describe('from the keyboard', () => {
  it('the first Tab stops are skip links, shown when focused, to the map, the list and the time window', async () => {
    const { page, consoleErrors, close } = await app.open({ viewport: { width: 1280, height: 720 } });
    const skip = page.getByRole('button', { name: 'Skip to the map' });
    const hidden = (await skip.boundingBox())!;
    expect(hidden.x + hidden.width).toBeLessThan(0); // out of sight until focused
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Skip to the map');
    const shown = (await skip.boundingBox())!;
    expect(shown.x).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: 'test-results/screens/skip-link.png' });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);

    await skip.focus(); // back to the first stop: the next Tab reaches the second link
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Skip to the list');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    expect(await focusedName(page)).toBe('Places');

    await skip.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Skip to the time window');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Start date');
    // The hash, which holds the app's state, was left alone.
    expect(new URL(page.url()).hash).not.toMatch(/skip|#$/);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('shows where the focus is on everything the Tab key reaches, the map included (its ring drawn inside it)', async () => {
    const { page, close } = await app.open({ viewport: { width: 1280, height: 720 } }, '#list=events');
    await expect.poll(() => page.locator('.event-row').count()).toBeGreaterThan(0);
    const unmarked: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      // Its look (outline and shadow, its own and its children's) focused and, for a moment, not.
      const focused = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (!e || e === document.body) return null;
        const look = () => [e, ...e.children].map((n) => { const s = getComputedStyle(n); return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.boxShadow}`; }).join('|');
        const withFocus = look();
        e.blur();
        const without = look();
        e.focus();
        const name = `${e.tagName.toLowerCase()}.${e.className || ''} ${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 30)}`;
        return { name, ring: withFocus !== without };
      });
      if (!focused || seen.has(focused.name)) continue;
      seen.add(focused.name);
      if (!focused.ring) unmarked.push(focused.name);
    }
    expect(seen.size).toBeGreaterThan(15);
    expect(unmarked).toEqual([]);
    // The map's ring shows: its edge looks different focused and not.
    const canvas = page.locator('.maplibregl-canvas');
    const box = (await canvas.boundingBox())!;
    const edge = { x: box.x, y: box.y + box.height / 2 - 50, width: 4, height: 100 };
    await page.getByRole('button', { name: 'Skip to the list' }).focus();
    const before = await page.screenshot({ clip: edge });
    await page.keyboard.press('Shift+Tab'); // back to "Skip to the map"
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);
    expect((await page.screenshot({ clip: edge })).equals(before)).toBe(false);
    await close();
  });

  for (const [what, viewport] of [
    ['desktop', { width: 1400, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`has no serious or critical axe-core violations with the events by date shown (${what})`, async () => {
      const { page, close } = await app.open({ viewport }, '#list=events&cat=capture,meeting');
      await expect.poll(() => page.locator('.row-quote .muted').count()).toBe(0);
      await expect.poll(() => page.locator('.event-row').count()).toBeGreaterThan(0);
      await page.locator('.event-row button').first().focus(); // a lit ring and a focused row
      expect(await axeViolations(page)).toEqual([]);
      await close();
    });
  }
});
