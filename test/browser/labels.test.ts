import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { discKeyText, exampleDisc } from '../../src/core/legend-disc.ts';
import { MIN_DISC_RADIUS } from '../../src/map/layers.ts';
import { readFileSync } from 'node:fs';
import { axeViolations, ownSeedApp, shownByDefault } from './harness.ts';

// Labels and marks (issue 14, defect 7 and the phone legend of defect 8): no label drawn over a mark, a disc that says
// what its number counts, a legend that leaves a phone's map to its marks. The seed corpus, built into a folder of its
// own so that a build of dist/ running beside these tests cannot change what they drive.

const app = ownSeedApp('labels');
/** The seed's events the app shows by default (its events under the judge's threshold are hidden). */
const shown = shownByDefault<{ place: string; start: string; end: string; confidence?: number }>(JSON.parse(readFileSync('data/events.json', 'utf8')));
/** Events shown by default at these places overlapping [from, to], counted from the file. */
const shownAt = (ids: readonly string[], from = '0000', to = '9999') => shown.filter((e) => ids.includes(e.place) && e.start <= to && e.end >= from).length;
// Washington's events are all under the default confidence: the views of it lower the minimum (sure=0.4), so that
// its mark is drawn (as unsure) among the others.

const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const SCREENS = 'test-results/screens';

/**
 * The labels drawn over a mark: for every place mark and disc on the map, each label (a place's, a disc's, the
 * basemap's) whose box meets the square inside its circle, as "<mark> under <layer> <label>".
 */
function labelsOverMarks(page: Page): Promise<string[]> {
  return page.evaluate((minDisc) => {
    const map = window.map!;
    const notLabels = ['mark-shields', 'overlay-shields', 'cluster-count', 'unreviewed-badges']; // the shields, a disc's number, a mark's "?": on the mark by design
    const labelLayers = map.getStyle().layers.filter((l) => l.type === 'symbol' && !notLabels.includes(l.id)).map((l) => l.id);
    const clashes: string[] = [];
    for (const mark of map.queryRenderedFeatures({ layers: ['place-marks', 'clusters'] })) {
      const at = map.project((mark.geometry as GeoJSON.Point).coordinates as [number, number]);
      const half = (mark.properties.cluster ? minDisc : (mark.properties.radius as number)) * Math.SQRT1_2;
      const over = map.queryRenderedFeatures([[at.x - half, at.y - half], [at.x + half, at.y + half]], { layers: labelLayers });
      for (const label of over) clashes.push(`${mark.properties.name ?? `a disc of ${mark.properties.point_count}`} under ${label.layer.id} ${label.properties.name ?? label.properties.point_count}`);
    }
    return clashes;
  }, MIN_DISC_RADIUS);
}

/** The legend's line on discs of nearby places. */
const discKey = (page: Page) => page.getByRole('region', { name: 'Legend' }).getByRole('listitem').filter({ hasText: 'Nearby places: ' });

/** The names the map has placed on these symbol layers. */
function placedNames(page: Page, layers: string[]): Promise<string[]> {
  return page.evaluate((layers) => [...new Set(window.map!.queryRenderedFeatures({ layers }).map((f) => String(f.properties.name)))], layers);
}

/** Every disc on the map: its events, its places, whether it bears a number and whether its label is placed. */
function discs(page: Page) {
  return page.evaluate(async () => {
    const map = window.map!;
    const placed = (layer: string) => new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties.cluster_id as number | undefined));
    const numbered = placed('cluster-count');
    const labelled = placed('place-labels');
    const source = map.getSource('places') as import('maplibre-gl').GeoJSONSource;
    const seen = new Map<number, GeoJSON.GeoJsonProperties>();
    for (const f of map.queryRenderedFeatures({ layers: ['clusters'] })) seen.set(f.properties.cluster_id as number, f.properties);
    return Promise.all(
      [...seen].map(async ([id, p]) => {
        const leaves = await source.getClusterLeaves(id, Infinity, 0);
        return {
          events: p!.events as number,
          places: p!.point_count as number,
          ids: leaves.map((l) => l.properties!.id as string).sort(),
          leafEvents: leaves.reduce((sum, l) => sum + (l.properties!.count as number), 0),
          numbered: numbered.has(id),
          labelled: labelled.has(id),
        };
      }),
    );
  });
}

describe('labels beside the marks', () => {
  // Each view is a camera move in one page, waited for by the map's own idle event: a page opened per view took most
  // of a minute on a loaded machine, for the same first load each time.
  const views = [
    { what: 'NATO headquarters beside Brussels at zoom 8.3', view: [8.3, 50.85, 4.4], places: ['Brussels', 'NATO headquarters'], countries: [] },
    { what: 'Baghdad beside the Green Zone at zoom 9.3', view: [9.3, 33.32, 44.39], places: ['Baghdad', 'Green Zone'], countries: [] },
    { what: 'Washington among the countries of North America at zoom 3.5', view: [3.5, 39, -77], places: ['Washington'], countries: ['United States of America'] },
    { what: 'Washington at zoom 0.5, beside St. Pierre and Miquelon', view: [0.5, 38, -60], places: ['Washington'], countries: [] },
    { what: 'every place, as "Show all places" frames them: Turkey on its country', view: [2.31, 26.4, -16.19], places: ['Turkey', 'Cairo', 'Washington'], countries: [] },
  ] as const;

  it('cover no mark in the first view, Iraq and Syria still named, nor in five views from zoom 0.5 to 9.3, the names moved aside, not dropped', { timeout: 40_000 }, async () => {
    const { page, consoleErrors, close } = await app.open(DESKTOP, '#sure=0.4');
    expect(await labelsOverMarks(page), 'the first view').toEqual([]);
    expect(await placedNames(page, ['place-labels'])).toEqual(expect.arrayContaining(['Raqqa', 'Anbar province', 'Al-Waleed border crossing']));
    expect(await placedNames(page, ['country-labels'])).toEqual(expect.arrayContaining(['Iraq', 'Syria']));
    for (const { what, view, places, countries } of views) {
      await moveTo(page, { zoom: view[0], center: [view[2], view[1]] });
      expect(await labelsOverMarks(page), what).toEqual([]);
      expect(await placedNames(page, ['place-labels']), what).toEqual(expect.arrayContaining([...places]));
      expect(await placedNames(page, ['country-labels']), what).toEqual(expect.arrayContaining([...countries]));
    }
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('cover no mark on a phone', async () => {
    const { page, close } = await app.open(PHONE);
    expect(await labelsOverMarks(page)).toEqual([]);
    await close();
  });

  it('keep clear of the marks as a person zooms in on Baghdad, the towns coming in', { timeout: 40_000 }, async () => {
    const { page, close } = await app.open(DESKTOP, '#map=3/33.32/44.39');
    for (const zoom of [3, 6, 8, 10, 12]) {
      await moveTo(page, { zoom });
      expect(await labelsOverMarks(page), `zoom ${zoom}`).toEqual([]);
    }
    await close();
  });
});

/** Moves the camera at once and waits for the map's next idle: drawn, its tiles loaded and its labels placed. */
async function moveTo(page: Page, camera: { zoom: number; center?: [number, number] }): Promise<void> {
  await page.evaluate(
    (camera) =>
      new Promise<void>((resolve) => {
        const map = window.map!;
        map.once('idle', () => resolve());
        map.jumpTo(camera);
        map.triggerRepaint(); // a move to where the map already is draws no frame, and so would never be idle
      }),
    camera,
  );
}

describe('a disc of nearby places', () => {
  it('bears the number of its events in the window, and beside it how many places it holds, as the legend says', async () => {
    const { page, close } = await app.open(DESKTOP);
    const drawn = await discs(page);
    expect(drawn.length).toBeGreaterThan(0);
    for (const disc of drawn) {
      expect(disc.events).toBe(disc.leafEvents); // the number: events, every place's together
      expect(disc.numbered).toBe(true);
      expect(disc.labelled).toBe(true); // "2 places"
    }
    // Baghdad and the Green Zone (and the places close by) are one disc: their events, and "N places" beside it
    const baghdad = drawn.find((d) => d.ids.includes('baghdad'))!;
    expect(baghdad.ids).toContain('green-zone');
    expect(baghdad).toMatchObject({ events: shownAt(baghdad.ids), places: baghdad.ids.length });
    // the legend's example is the busiest disc drawn above the legend: its number and places are ones a person finds
    const seen = await page.evaluate(() => {
      const map = window.map!;
      const canvas = map.getCanvas().getBoundingClientRect();
      const legendTop = document.querySelector('.legend')!.getBoundingClientRect().top - canvas.top;
      return map
        .queryRenderedFeatures({ layers: ['clusters'] })
        .filter((f) => map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]).y <= legendTop)
        .map((f) => ({ events: f.properties.events as number, places: f.properties.point_count as number }));
    });
    const busiest = exampleDisc(seen)!;
    await expect.poll(() => discKey(page).textContent()).toBe(`${busiest.events}${discKeyText(busiest)}`);
    expect(discKeyText(busiest)).toContain(`${busiest.events} events in the window, at the “${busiest.places} places”`);
    await page.screenshot({ path: `${SCREENS}/labels-discs.png` });
    await close();
  });

  it('gives the legend no number to explain where the map draws no disc', async () => {
    const { page, close } = await app.open(DESKTOP, '#map=9.3/33.32/44.39');
    expect(await discs(page)).toEqual([]);
    await expect.poll(() => discKey(page).textContent()).toBe(discKeyText(null));
    expect(await discKey(page).textContent()).not.toMatch(/\d/);
    await close();
  });

  it('reads the events in the window among its places (1 in July 2016), and still says how many it holds', async () => {
    const { page, close } = await app.open(DESKTOP, '#from=2016-07-01&to=2016-07-21&map=5.17/32.07/41.8');
    const baghdad = (await discs(page)).find((d) => d.ids.includes('baghdad'))!;
    expect(shownAt(baghdad.ids, '2016-07-01', '2016-07-21')).toBe(1);
    expect(baghdad).toMatchObject({ events: 1, places: baghdad.ids.length, numbered: true, labelled: true });
    await close();
  });

  it('is pale and bears no number when none of its places has an event in the window, and still says how many it holds', async () => {
    const { page, close } = await app.open(DESKTOP, '#from=2015-01-01&to=2015-01-31&map=5.17/32.07/41.8');
    const drawn = await discs(page);
    expect(drawn.length).toBeGreaterThan(0);
    for (const disc of drawn) expect(disc).toMatchObject({ events: 0, numbered: false, labelled: true });
    await close();
  });
});

describe('the legend on a phone', () => {
  it('folds into a button that covers no mark of the first view and leaves the bottom of the map to the marks', async () => {
    const { page, consoleErrors, close } = await app.open(PHONE);
    const legend = (await page.getByRole('region', { name: 'Legend' }).boundingBox())!;
    const map = (await page.locator('.map').boundingBox())!;
    expect((legend.width * legend.height) / (map.width * map.height)).toBeLessThan(0.03);
    const marks = await page.evaluate((minDisc) => {
      const m = window.map!;
      const canvas = m.getCanvas().getBoundingClientRect();
      return m.queryRenderedFeatures({ layers: ['place-marks', 'clusters'] }).map((f) => {
        const at = m.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
        return { x: canvas.left + at.x, y: canvas.top + at.y, r: f.properties.cluster ? minDisc : (f.properties.radius as number), name: f.properties.name as string | undefined };
      });
    }, MIN_DISC_RADIUS);
    expect(marks.length).toBeGreaterThan(0);
    for (const at of marks) {
      const apart = at.x + at.r <= legend.x || at.x - at.r >= legend.x + legend.width || at.y + at.r <= legend.y || at.y - at.r >= legend.y + legend.height;
      expect(apart, JSON.stringify(at)).toBe(true);
    }
    await page.screenshot({ path: `${SCREENS}/labels-phone.png` });
    // when a person drags Cairo (alone, no disc) to the middle of the map's bottom, 60 px above its edge, and taps it
    const target = await page.evaluate(
      () =>
        new Promise<{ x: number; y: number }>((resolve) => {
          const m = window.map!;
          const { clientWidth: width, clientHeight: height } = m.getContainer();
          const place = (m.getStyle().sources.places as unknown as { data: GeoJSON.FeatureCollection<GeoJSON.Point, { id: string }> }).data.features.find((f) => f.properties.id === 'cairo')!;
          const at = m.project(place.geometry.coordinates as [number, number]);
          const canvas = m.getCanvas().getBoundingClientRect();
          m.once('idle', () => resolve({ x: canvas.left + width / 2, y: canvas.top + height - 60 }));
          m.panBy([at.x - width / 2, at.y - (height - 60)], { animate: false });
        }),
    );
    await page.touchscreen.tap(target.x, target.y);
    // then its sources open: nothing lay over it
    await expect.poll(() => page.getByRole('complementary', { name: 'Sources' }).getByRole('heading', { level: 2 }).textContent()).toBe('Cairo');
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('opens with a tap on every kind, whose buttons still filter, and folds again saying how many kinds it shows', async () => {
    const { page, close } = await app.open(PHONE);
    const legend = page.getByRole('region', { name: 'Legend' });
    const toggle = legend.getByRole('button', { name: /^Legend/ });
    const captured = legend.getByRole('button', { name: 'Captured', exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await captured.isVisible()).toBe(false);
    await toggle.tap();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await legend.getByText(/^Nearby places: /).isVisible()).toBe(true);
    await page.screenshot({ path: `${SCREENS}/labels-phone-legend.png` });
    await captured.tap();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/\(filtered\)$/);
    expect(await captured.getAttribute('aria-pressed')).toBe('true');
    await toggle.tap();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.textContent()).toBe('Legend · 1 of 11 kinds shown');
    await close();
  });

  it('folds again on Escape, the focus back on its button', async () => {
    const { page, close } = await app.open(PHONE);
    const toggle = page.getByRole('region', { name: 'Legend' }).getByRole('button', { name: /^Legend/ });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Meeting', exact: true }).focus();
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    await close();
  });

  it('has no serious or critical axe-core violations, folded and open', async () => {
    const { page, close } = await app.open(PHONE);
    const run = () => axeViolations(page);
    expect(await run()).toEqual([]);
    await page.getByRole('button', { name: /^Legend/ }).tap();
    expect(await run()).toEqual([]);
    await close();
  });
});
