import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, serveTexts, type Served } from './harness.ts';

// A corpus with no curated place: every mark comes from the gazetteer, and the app must say that no one checked it.

let served: Served;
let browser: Browser;
let lalitpur: string;

beforeAll(async () => {
  // "Lalitpur" is a city in India and (as Patan) in Nepal: with nothing else to go on the choice is close.
  const app = await serveTexts([{ id: 'bus-attack', text: 'Gunmen attacked a bus in Lalitpur on Monday, police said.\n', published: '2015-05-05', headline: 'Bus attacked', outlet: 'Test wire' }]);
  served = app.served;
  lalitpur = app.found[0].id;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('a place nobody has reviewed', () => {
  it('says so in the list, on the map and in its Sources panel, with what else the name could mean', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 850 } });
    const { page, consoleErrors, foreignRequests } = await openApp(context, served.url);
    expect(await page.getByRole('navigation', { name: 'Places' }).textContent()).toContain('Lalitpur (unreviewed)');
    await page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: /^Lalitpur/ }).click();
    const panel = page.getByRole('complementary', { name: 'Sources' });
    const note = panel.getByRole('region', { name: 'Unreviewed place' });
    await expect.poll(() => note.textContent()).toContain('Not reviewed.');
    await expect.poll(() => note.textContent()).toContain('It could also be: Pātan (NP, 27.68° N, 85.31° E)');
    expect(await panel.textContent()).toContain('GeoNames');
    // The map's own data marks it, for the "?" badge layer.
    const unreviewed = await page.evaluate((id) => {
      const map = (window as unknown as { map: { querySourceFeatures(s: string): { properties: { id: string; unreviewed: number } }[] } }).map;
      return map.querySourceFeatures('places').find((f) => f.properties.id === id)?.properties.unreviewed;
    }, lalitpur);
    expect(unreviewed).toBe(1);
    await page.screenshot({ path: 'test-results/screens/unreviewed-desktop.png' });
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
