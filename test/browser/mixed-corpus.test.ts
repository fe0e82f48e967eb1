import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, serveTexts, type Served } from './harness.ts';

// Articles about two stories on two continents, no place curated: the first view must show both.

const ARTICLES: Record<string, [string, string]> = {
  'ukraine-1': ['2022-11-14', 'Russian forces shelled Kherson, Ukraine, on Sunday, officials said.\n'],
  'ukraine-2': ['2022-11-15', 'Ukrainian troops attacked positions near Mykolaiv, Ukraine, on Monday.\n'],
  'nepal-1': ['2015-04-26', 'The earthquake in Nepal destroyed temples in Kathmandu on Saturday.\n'],
  'nepal-2': ['2015-04-27', 'Aftershocks struck Pokhara, Nepal, on Sunday, flattening homes.\n'],
};

let served: Served;
let browser: Browser;
let places: { id: string; geometry: { coordinates: [number, number] } }[];

beforeAll(async () => {
  ({ served, found: places } = await serveTexts(Object.entries(ARTICLES).map(([id, [published, text]]) => ({ id, text, published }))));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('a corpus of two stories on two continents', () => {
  it('opens on both stories, not on the busier one alone', async () => {
    expect(places.map((p) => p.id).sort()).toEqual(['kathmandu', 'kherson', 'mykolaiv', 'pokhara']);
    const context = await browser.newContext({ viewport: { width: 1300, height: 850 } });
    const { page, consoleErrors } = await openApp(context, served.url);
    const inView = await page.evaluate((points) => points.map((p) => (window as unknown as { map: { getBounds(): { contains(p: [number, number]): boolean } } }).map.getBounds().contains(p)), places.map((p) => p.geometry.coordinates));
    expect(inView).toEqual([true, true, true, true]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('names an article without a headline by its first sentence, marked as such, in the Sources panel and the reader', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 850 } });
    const { page, consoleErrors } = await openApp(context, served.url);
    await page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: /^Kherson/ }).click();
    const panel = page.getByRole('complementary', { name: 'Sources' });
    await expect.poll(() => panel.locator('cite').first().textContent()).toBe('No headline; first sentence: Russian forces shelled Kherson, Ukraine, on Sunday, officials said.');
    await panel.getByRole('button', { name: /^Read in article/ }).first().click();
    const reader = page.getByRole('dialog');
    await expect.poll(() => reader.getAttribute('aria-label')).toBe('Article: No headline; first sentence: Russian forces shelled Kherson, Ukraine, on Sunday, officials said.');
    await page.screenshot({ path: 'test-results/screens/no-headline-desktop.png' });
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
