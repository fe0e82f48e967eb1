import { describe, expect, it } from 'vitest';
import { openApp, ownSeedApp, waitForMapIdle } from './harness.ts';

// The window's events kept in sight, on the seed corpus built into a folder of its own (a build of dist/ running
// beside these tests cannot change what they drive).

const app = ownSeedApp('window-fit');

describe("the window's events on the map", () => {
  it('says how many of the window\'s events lie off the map, and "Fit to window" brings them all into view', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, consoleErrors } = await openApp(context, `${app.served.url}#from=2014-12-01&to=2014-12-31`);
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^4 of \d+ events/);
    const hints = page.locator('.offscreen');
    await expect.poll(() => hints.count()).toBeGreaterThan(0);
    const label = (await hints.first().getAttribute('aria-label'))!;
    expect(label).toMatch(/^\d+ events? of the window at \d+ places? (above the map|below the map|to the left|to the right): fit the map to the window$/);
    await page.screenshot({ path: 'test-results/screens/window-offscreen.png' });
    await page.getByRole('button', { name: 'Fit to window' }).click();
    await expect.poll(async () => {
      await waitForMapIdle(page);
      return hints.count();
    }, { timeout: 15_000 }).toBe(0);
    await page.screenshot({ path: 'test-results/screens/window-fitted.png' });
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('follows the window when asked: a new window\'s places are framed without a click', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page } = await openApp(context, `${app.served.url}#from=2014-06-20&to=2014-06-26`);
    await page.getByRole('checkbox', { name: /^Follow/ }).check();
    const start = page.getByRole('slider', { name: 'Start date' });
    const end = page.getByRole('slider', { name: 'End date' });
    await end.focus();
    await page.keyboard.press('End');
    await start.focus();
    await page.keyboard.press('PageDown'); // a month later: December's places come into the window
    await expect.poll(async () => {
      await waitForMapIdle(page);
      return page.locator('.offscreen').count();
    }, { timeout: 15_000 }).toBe(0);
    await context.close();
  });

  it('says on a phone\'s first view, without a move, how many of the window\'s events lie off the map', async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const { page } = await openApp(context, `${app.served.url}#from=2014-12-01&to=2014-12-31`);
    const hints = page.locator('.offscreen');
    await expect.poll(() => hints.count()).toBeGreaterThan(0);
    const shown = Number((await page.getByRole('status').textContent())!.split(' ')[0]);
    const off = (await hints.allTextContents()).reduce((sum, text) => sum + Number(text.replace(/[^\d]/g, '')), 0);
    expect(off).toBeGreaterThan(0);
    expect(off).toBeLessThanOrEqual(shown);
    await context.close();
  });

  it('keeps the counts at the side edges clear of the legend, at the middle of the map it leaves clear', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Close on Baghdad: the places west of it (Cairo, London…) are counted at the left edge, where the legend lies.
    const { page, consoleErrors } = await openApp(context, `${app.served.url}#map=9/33.3/44.4`);
    const left = page.locator('.offscreen-left');
    await left.waitFor();
    const hint = (await left.boundingBox())!;
    const legend = (await page.getByRole('region', { name: 'Legend' }).boundingBox())!;
    const overlap = hint.x < legend.x + legend.width && legend.x < hint.x + hint.width && hint.y < legend.y + legend.height && legend.y < hint.y + hint.height;
    expect(overlap, `hint ${JSON.stringify(hint)} on legend ${JSON.stringify(legend)}`).toBe(false);
    const map = (await page.locator('.map-area').boundingBox())!;
    expect(hint.y + hint.height / 2).toBeCloseTo((map.y + legend.y) / 2, -1); // midway between the map's top and the legend
    await page.screenshot({ path: 'test-results/screens/window-hint-legend.png' });
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('keeps the labels clear of the counts at the map\'s edges, a name moved to the side of its mark away from one', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Cairo near the left edge: the places west of it (Washington…) are counted in a hint at the left. Washington's
    // events are all under the default confidence: the minimum is lowered so that it counts.
    const { page, consoleErrors } = await openApp(context, `${app.served.url}#sure=0.2&map=5/30/36`);
    const left = page.locator('.offscreen-left');
    await left.waitFor();
    // when the map is moved so that Cairo's name, below its mark as the map first tries it, would lie on the hint
    await page.evaluate(() => {
      const map = window.map!;
      const hint = document.querySelector('.offscreen-left')!.getBoundingClientRect();
      const canvas = map.getCanvas().getBoundingClientRect();
      const cairo = map.queryRenderedFeatures({ layers: ['place-marks'], filter: ['==', ['get', 'id'], 'cairo'] })[0];
      const at = map.project((cairo.geometry as GeoJSON.Point).coordinates as [number, number]);
      const radius = cairo.properties.radius as number;
      const target = { x: (hint.left + hint.right) / 2 - canvas.left, y: (hint.top + hint.bottom) / 2 - canvas.top - radius - 11 };
      map.panBy([at.x - target.x, at.y - target.y], { animate: false });
    });
    // then no label is drawn under any hint, and Cairo is still named
    await expect.poll(async () => {
      await waitForMapIdle(page);
      return labelsUnderHints(page);
    }, { timeout: 15_000 }).toEqual([]);
    expect(await left.isVisible()).toBe(true);
    expect(await page.evaluate(() => window.map!.queryRenderedFeatures({ layers: ['place-labels'] }).map((f) => f.properties.name))).toContain('Cairo');
    await page.screenshot({ path: 'test-results/screens/window-hint-labels.png' });
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

/** The labels drawn under the hints at the map's edges, by each label's box as the map placed it: "<hint> over <name>". */
function labelsUnderHints(page: import('playwright-core').Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = window.map!;
    const notLabels = ['mark-shields', 'overlay-shields', 'cluster-count', 'unreviewed-badges'];
    const layers = map.getStyle().layers.filter((l) => l.type === 'symbol' && !notLabels.includes(l.id)).map((l) => l.id);
    const canvas = map.getCanvas().getBoundingClientRect();
    const under: string[] = [];
    for (const hint of document.querySelectorAll('.offscreen')) {
      const b = hint.getBoundingClientRect();
      if (b.width === 0) continue;
      const box: [[number, number], [number, number]] = [[b.left - canvas.left, b.top - canvas.top], [b.right - canvas.left, b.bottom - canvas.top]];
      for (const f of map.queryRenderedFeatures(box, { layers })) under.push(`${hint.textContent} over ${f.properties.name ?? f.properties.point_count}`);
    }
    return under;
  });
}

