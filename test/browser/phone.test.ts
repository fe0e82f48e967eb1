import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, ownSeedApp, waitForMapIdle } from './harness.ts';

// The seed corpus on a 390×844 phone (device pixel ratio 2), built into a folder of its own so that a build of
// dist/ running beside these tests cannot change what they drive.

const app = ownSeedApp('phone');

/** Where a place's point is on the page, and what the map draws there (a place mark, a cluster, or nothing). */
async function placeAndMark(page: Page, id: string) {
  return page.evaluate((id) => {
    const map = window.map!;
    const source = map.getStyle().sources.places as unknown as { data: GeoJSON.FeatureCollection<GeoJSON.Point, { id: string }> };
    const feature = source.data.features.find((f) => f.properties.id === id)!;
    const point = map.project(feature.geometry.coordinates as [number, number]);
    const drawn = map.queryRenderedFeatures([[point.x - 6, point.y - 6], [point.x + 6, point.y + 6]], { layers: ['place-marks', 'clusters'] });
    const canvas = map.getCanvas().getBoundingClientRect();
    return { y: canvas.top + point.y, mapTop: canvas.top, drawn: drawn.length };
  }, id);
}

describe('a place opened on a phone', () => {
  it.each(['tal-afar', 'brussels', 'cairo', 'al-waleed'])('frames %s in the strip of map above its sources, drawn, clear of the edges', async (id) => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const { page, consoleErrors } = await openApp(context, app.served.url);
    const list = page.getByRole('navigation', { name: 'Places' });
    const name = (await page.evaluate((id) => window.map!.getStyle().sources.places as unknown as { data: GeoJSON.FeatureCollection<GeoJSON.Point, { id: string; name: string }> }, id)).data.features.find((f) => f.properties.id === id)!.properties.name;
    await list.getByRole('button', { name: new RegExp(`^${name},`) }).tap();
    const sheet = page.getByRole('complementary', { name: 'Sources' });
    await expect.poll(() => sheet.getByRole('heading', { level: 2 }).textContent()).toBe(name);
    await expect.poll(async () => {
      await waitForMapIdle(page);
      const at = await placeAndMark(page, id);
      const sheetTop = (await sheet.boundingBox())!.y;
      return at.y > at.mapTop + 20 && at.y < sheetTop - 30 && at.drawn > 0;
    }, { timeout: 15_000 }).toBe(true);
    // Nothing is drawn over the map (its sources begin where it ends), and what shows of it is what it drew: the
    // strip looks the same with the sheet hidden. (A sheet laid over the canvas left it blank in Chromium.)
    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
    expect((await sheet.boundingBox())!.y).toBeGreaterThanOrEqual(canvas.y + canvas.height - 1);
    const strip = { x: 0, y: canvas.y, width: canvas.width, height: canvas.height - 40 }; // above the sheet's shadow
    // Compared once the map is idle, and again if a late frame (a label's fade, a tile) fell between the two
    // pictures; a sheet that blanks the canvas differs every time.
    const panel = page.locator('aside.sources'); // by selector: hidden, it has no role to be found by
    await expect.poll(async () => {
      await waitForMapIdle(page);
      const shown = await page.screenshot({ clip: strip });
      await panel.evaluate((el) => (el.style.visibility = 'hidden'));
      const alone = await page.screenshot({ clip: strip });
      await panel.evaluate((el) => (el.style.visibility = ''));
      return shown.equals(alone);
    }, { timeout: 10_000 }).toBe(true);
    await page.screenshot({ path: `test-results/screens/phone-open-${id}.png` });
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('a link to a place inside a cluster', () => {
  const sizes = [
    { size: 'on a phone', options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
    { size: 'on a desktop', options: { viewport: { width: 1280, height: 800 } } },
  ];
  it.each(sizes)('opens that place $size: its sources, and its own mark drawn in view, not the cluster', async ({ options }) => {
    // The Green Zone shares a disc with Baghdad at the first view's zoom, at either size.
    const context = await app.browser.newContext(options);
    const { page, consoleErrors } = await openApp(context, `${app.served.url}#place=green-zone`);
    const sheet = page.getByRole('complementary', { name: 'Sources' });
    await expect.poll(() => sheet.getByRole('heading', { level: 2 }).textContent()).toBe('Green Zone');
    await expect.poll(async () => {
      await waitForMapIdle(page);
      return page.evaluate(() => {
        const map = window.map!;
        const mark = map.queryRenderedFeatures({ layers: ['place-marks'], filter: ['==', ['get', 'id'], 'green-zone'] })[0];
        if (!mark) return 'not drawn alone';
        const at = map.project((mark.geometry as GeoJSON.Point).coordinates as [number, number]);
        const canvas = map.getCanvas().getBoundingClientRect();
        const sheet = document.querySelector('aside.sources')!.getBoundingClientRect();
        const y = canvas.top + at.y;
        const x = canvas.left + at.x;
        const clearOfSheet = sheet.left >= canvas.right - 1 || y < sheet.top; // beside the panel, or in the strip above it
        return x > canvas.left && x < canvas.right && y > canvas.top && y < canvas.bottom && clearOfSheet ? 'drawn in view' : `drawn at ${Math.round(x)},${Math.round(y)}`;
      });
    }, { timeout: 15_000 }).toBe('drawn in view');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('the first view on a phone', () => {
  it('leaves no mark of the window under the fit controls or the folded legend', async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const { page, consoleErrors } = await openApp(context, app.served.url);
    await waitForMapIdle(page);
    const covered = await page.evaluate(() => {
      const map = window.map!;
      const canvas = map.getCanvas().getBoundingClientRect();
      const boxes = ['.window-fit', '.legend'].map((s) => document.querySelector(s)!.getBoundingClientRect());
      const drawn = map.queryRenderedFeatures({ layers: ['place-marks', 'clusters'] });
      return drawn
        .map((f) => {
          const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
          const r = Number(f.properties.radius ?? 10); // a disc is at least 10 px
          return { name: String(f.properties.name ?? `disc of ${f.properties.point_count}`), x: canvas.left + p.x, y: canvas.top + p.y, r };
        })
        // Any part of a mark's circle under a box (the box's nearest point to the centre lies within the radius).
        .filter((m) => boxes.some((b) => Math.hypot(Math.max(b.left - m.x, 0, m.x - b.right), Math.max(b.top - m.y, 0, m.y - b.bottom)) < m.r))
        .map((m) => m.name);
    });
    expect(covered).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
