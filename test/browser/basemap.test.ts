import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BASEMAP_MAX_ZOOM } from '../../src/map/basemap.ts';
import { openApp, ownSeedApp, waitForMapIdle } from './harness.ts';

// The basemap zoomed in (issue 14, defect 5), on the seed corpus, built into a folder of its own so that a build of
// dist/ running beside these tests cannot change what they drive.

const app = ownSeedApp('basemap');

/** The app in a context of this viewport, with every basemap file the page asked for (relative to `basemap/`). */
async function open(hash: string, viewport = { width: 1440, height: 900 }, phone = false) {
  const context: BrowserContext = await app.browser.newContext({ viewport, ...(phone ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}) });
  const basemapFiles: string[] = [];
  context.on('request', (request) => {
    const at = request.url().indexOf('/basemap/');
    if (at >= 0) basemapFiles.push(request.url().slice(at + '/basemap/'.length));
  });
  const opened = await openApp(context, app.served.url + hash);
  return { ...opened, basemapFiles, close: () => context.close() };
}

/** The names of the populated places whose labels the map has drawn. */
function placeLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = window.map!;
    const layers = map.getStyle().layers.filter((l) => l.id.startsWith('populated-places-')).map((l) => l.id);
    return [...new Set(map.queryRenderedFeatures({ layers }).map((f) => String(f.properties.name)))].sort();
  });
}

describe('the basemap zoomed in on Baghdad', () => {
  it('names the towns around it from the gazetteer, Baghdad once (by its mark), with a scale bar, all from this origin', async () => {
    // when a person opens the map at zoom 10 on Baghdad
    const { page, foreignRequests, consoleErrors, basemapFiles, close } = await open('#map=10/33.31/44.39');
    // then a town of cities500 near Baghdad is named: Abu Ghraib, 20 km west (the only other one in this view)
    expect(await placeLabels(page)).toContain('Abu Ghurayb');
    // and Baghdad is named once, by its event mark: the basemap's own label yields to the mark's
    expect(await placeLabels(page)).not.toContain('Baghdad');
    const markLabels = await page.evaluate(() => window.map!.queryRenderedFeatures({ layers: ['place-labels'] }).map((f) => String(f.properties.name)));
    expect(markLabels).toContain('Baghdad');
    // and the scale bar says how far 100 px or less is (MapLibre puts a no-break space before the unit)
    await expect.poll(() => page.locator('.maplibregl-ctrl-scale').textContent()).toMatch(/^\d+\s(km|m)$/);
    expect(await page.locator('.maplibregl-ctrl-scale').isVisible()).toBe(true);
    // and the map fetched the two tiles that hold the view, its own files, and nothing from another host
    expect(basemapFiles.filter((f) => f.endsWith('.pbf')).sort()).toEqual(expect.arrayContaining(['cities/3/4/3.pbf', 'towns/6/39/25.pbf']));
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('names several towns a little farther out, the larger in larger type', async () => {
    const { page, close } = await open('#map=8.5/33.3/44.2');
    const labels = await placeLabels(page);
    expect(labels).toEqual(expect.arrayContaining(['Abu Ghurayb', 'Al Fallujah', 'Al Mahmudiyah', 'Baqubah', 'Ramadi']));
    const sizes = await page.evaluate(() => Object.fromEntries(window.map!.queryRenderedFeatures({ layers: window.map!.getStyle().layers.filter((l) => l.id.startsWith('populated-places-')).map((l) => l.id) }).map((f) => [String(f.properties.name), window.map!.getLayoutProperty(f.layer.id, 'text-size') as number])));
    expect(sizes['Ramadi']).toBeGreaterThan(sizes['Al Mahmudiyah']);
    await close();
  });

  it(`stops zooming at ${BASEMAP_MAX_ZOOM}, where the data ends, even when a link asks for more`, async () => {
    const { page, close } = await open('#map=22/33.31/44.39');
    expect(await page.evaluate(() => window.map!.getMaxZoom())).toBe(BASEMAP_MAX_ZOOM);
    expect(await page.evaluate(() => window.map!.getZoom())).toBe(BASEMAP_MAX_ZOOM);
    await page.evaluate(() => window.map!.setZoom(15));
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.map!.getZoom())).toBe(BASEMAP_MAX_ZOOM);
    await close();
  });

  it('draws the event marks above every basemap label', async () => {
    const { page, close } = await open('#map=10/33.31/44.39');
    const order = await page.evaluate(() => window.map!.getStyle().layers.map((l) => l.id));
    const lastBasemapLabel = Math.max(...order.map((id, i) => (/^(populated-places-|sea-labels|country-labels)/.test(id) ? i : -1)));
    expect(lastBasemapLabel).toBeGreaterThan(0);
    expect(order.indexOf('place-marks')).toBeGreaterThan(lastBasemapLabel);
    expect(order.indexOf('clusters')).toBeGreaterThan(lastBasemapLabel);
    await close();
  });
});

describe('what the basemap loads', () => {
  it('fetches no tile for the first view of the five articles: towns load only once the map is zoomed in', async () => {
    const { page, basemapFiles, close } = await open('');
    expect(await page.evaluate(() => window.map!.getZoom())).toBeLessThan(6);
    expect(basemapFiles.sort()).toEqual(['borders.json', 'country-labels.json', 'land.json', 'seas.json']);
    await close();
  });

  it('names the seas around Iraq at zoom 4', async () => {
    const { page, close } = await open('#map=4/30/45');
    const seas = await page.evaluate(() => window.map!.queryRenderedFeatures({ layers: ['sea-labels'] }).map((f) => String(f.properties.name)));
    expect(seas).toEqual(expect.arrayContaining(['Persian Gulf', 'Caspian Sea', 'Red Sea']));
    await close();
  });
});

describe('the scale bar on a phone', () => {
  it('is covered by nothing, and covers no mark of the first view, so a tap on a mark opens it', async () => {
    const { page, close } = await open('', { width: 390, height: 844 }, true);
    const scale = (await page.locator('.maplibregl-ctrl-scale').boundingBox())!;
    const map = (await page.locator('.map').boundingBox())!;
    expect(scale.y).toBeGreaterThanOrEqual(map.y);
    const legend = await page.locator('.legend').boundingBox();
    if (legend) expect(scale.y + scale.height <= legend.y || scale.y >= legend.y + legend.height).toBe(true);
    const marks = await page.evaluate(() => {
      const m = window.map!;
      const canvas = m.getCanvas().getBoundingClientRect();
      return m.queryRenderedFeatures({ layers: ['place-marks', 'clusters'] }).map((f) => {
        const at = m.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
        return { x: canvas.left + at.x, y: canvas.top + at.y };
      });
    });
    expect(marks.length).toBeGreaterThan(0);
    for (const at of marks) expect(at.x >= scale.x && at.x <= scale.x + scale.width && at.y >= scale.y && at.y <= scale.y + scale.height, JSON.stringify(at)).toBe(false);
    await close();
  });
});
