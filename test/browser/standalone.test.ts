import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLACE_TILE_LAYER } from '../../src/map/place-tiers.ts';
import { launchChromium, shownByDefault, waitForMapIdle } from './harness.ts';

// The standalone copy (`npm run standalone`): the seed's map as one HTML file, opened from disk in Chromium as a
// person would open a file they were sent, with no server and no network.

const events = JSON.parse(readFileSync('data/events.json', 'utf8')) as { threshold?: number; events: { place: string; quote: string; confidence?: number }[] };
let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'datelines-standalone-'));
  await build({ mode: 'standalone', logLevel: 'warn', build: { outDir: join(dir, 'copy') } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a standalone copy', () => {
  it('is one HTML file', () => {
    expect(readdirSync(join(dir, 'copy'))).toEqual(['index.html']);
  });

  it('opens from disk: the map drawn, a place’s sources, its article and the towns’ labels, asking for nothing but itself', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const url = pathToFileURL(join(dir, 'copy', 'index.html')).href;
    const asked: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => void (r.url().startsWith('data:') || r.url().startsWith('blob:') || asked.push(r.url())));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(url);
    await waitForMapIdle(page);
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe(`${shownByDefault(events).length} of ${events.events.length} events`);

    // A place opened from the list: its sources, read from the copy, with the quotes of the data.
    await page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: /^Baghdad,/ }).click();
    const panel = page.getByRole('complementary', { name: 'Sources' });
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent()).toBe('Baghdad');
    const quotes = shownByDefault(events).filter((e) => e.place === 'baghdad').map((e) => e.quote);
    await expect.poll(() => panel.textContent()).toContain(quotes[0]);
    await panel.getByRole('button', { name: 'Read in article' }).first().click();
    await expect.poll(() => page.locator('mark.quoted').count()).toBe(1);
    await page.keyboard.press('Escape');

    // Zoomed in on Baghdad, the towns' labels come from the copy's tiles too.
    await page.evaluate(() => window.map!.jumpTo({ center: [44.4, 33.3], zoom: 9 }));
    await waitForMapIdle(page);
    const towns = await page.evaluate((sourceLayer) => {
      const map = window.map!;
      return Object.keys(map.getStyle().sources).filter((id) => id.startsWith('populated-')).reduce((n, id) => n + map.querySourceFeatures(id, { sourceLayer }).length, 0);
    }, PLACE_TILE_LAYER);
    expect(towns).toBeGreaterThan(0);

    expect(asked).toEqual([url]);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: 'test-results/screens/standalone.png' });
    await context.close();
  });
});
