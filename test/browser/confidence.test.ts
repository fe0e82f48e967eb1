import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sureness } from '../../src/core/confidence.ts';
import { axeViolations, buildAppOn, launchChromium, openApp, ownSeedApp, serveBuiltApp, waitForMapIdle, type Served } from './harness.ts';

// The judge's confidence on the seed corpus (data/'s articles, geo/places.geojson, ingested again here with the
// judge, whatever data/events.json holds), driven as a person would: the words and reasons in the Sources panel and
// the list, the "Minimum confidence" slider moved by keyboard, a link's `sure`, the unsure marks. Expected numbers
// and words are worked out here from the events.json that ingest wrote.

interface RawEvent {
  id: string;
  place: string;
  start: string;
  end: string;
  confidence: number;
  reasons: string[];
}
const app = ownSeedApp('confidence', { judged: true });
let threshold: number;
let events: RawEvent[];
let judgedFile: { threshold: number; events: RawEvent[]; places?: unknown[] };
beforeAll(() => {
  judgedFile = JSON.parse(readFileSync(app.events, 'utf8'));
  ({ threshold, events } = judgedFile);
  expect(typeof threshold).toBe('number');
});
const atLeast = (min: number) => events.filter((e) => e.confidence >= min);
const inWindow = (from: string, to: string) => (e: RawEvent) => e.start <= to && e.end >= from;
/** What the app writes of an event's confidence: "likely (0.72): + the event the rules draw; − quoted speech". */
const said = (e: RawEvent) => `${sureness(e.confidence)} (${e.confidence.toFixed(2)}): ${e.reasons.join('; ')}`;

const open = (hash = '') => app.open({ viewport: { width: 1400, height: 900 } }, hash);

const status = (page: Page) => page.getByRole('status').textContent();
const slider = (page: Page) => page.getByRole('slider', { name: 'Minimum confidence' });
const sources = (page: Page) => page.getByRole('complementary', { name: 'Sources' });
const hash = (page: Page) => page.evaluate(() => location.hash);

type PlaceFeature = { properties: { id: string; name: string }; geometry: { coordinates: [number, number] } };
/** The places of the judged seed: the curated ones and those the gazetteer gave, with their points. */
function placeFeatures(): PlaceFeature[] {
  const curated = (JSON.parse(readFileSync('geo/places.geojson', 'utf8')) as { features: PlaceFeature[] }).features;
  return [...curated, ...((judgedFile.places ?? []) as PlaceFeature[])];
}

/** The place marks drawn now, by id: their count and whether they are drawn unsure. */
function drawnMarks(page: Page): Promise<Record<string, { count: number; unsure: number }>> {
  return page.evaluate(() => {
    const marks: Record<string, { count: number; unsure: number }> = {};
    for (const f of window.map!.queryRenderedFeatures({ layers: ['place-marks'] })) {
      const p = f.properties as { id: string; count: number; unsure: number };
      marks[p.id] = { count: p.count, unsure: p.unsure };
    }
    return marks;
  });
}

describe('the minimum confidence', () => {
  it('starts at the data\'s threshold, hiding the events under it from the count', async () => {
    const { page, consoleErrors, close } = await open();
    await expect.poll(() => status(page)).toBe(`${atLeast(threshold).length} of ${events.length} events`);
    expect(await slider(page).inputValue()).toBe(String(threshold));
    expect(await slider(page).getAttribute('aria-valuetext')).toBe(`${threshold.toFixed(2)}, ${sureness(threshold)} and above (the default)`);
    expect(await page.getByRole('button', { name: /^Default minimum confidence/ }).count()).toBe(0);
    expect(await hash(page)).not.toContain('sure=');
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('keeps the slider where it is as Default shows up, at desktop and phone sizes (a pointer dragging it stays on it)', async () => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const { page, close } = await app.open({ viewport });
      await expect.poll(() => status(page)).toBe(`${atLeast(threshold).length} of ${events.length} events`);
      const before = await slider(page).boundingBox();
      await slider(page).focus();
      await page.keyboard.press('ArrowLeft');
      const back = page.getByRole('button', { name: `Default minimum confidence (${threshold.toFixed(2)})` });
      await back.waitFor();
      expect(await slider(page).boundingBox(), `at ${viewport.width}×${viewport.height}`).toEqual(before);
      expect(await back.isVisible()).toBe(true);
      await close();
    }
  });

  it('moves by keyboard: the count, the URL and the slider follow, and Default goes back', async () => {
    const { page, close } = await open();
    await expect.poll(() => status(page)).toBe(`${atLeast(threshold).length} of ${events.length} events`);
    await slider(page).focus();
    // ArrowLeft moves a hundredth: down to the most confident event under the default, which then shows.
    const under = Math.max(...events.map((e) => e.confidence ?? 0).filter((c) => c < threshold));
    const steps = Math.round((threshold - under) * 100);
    for (let k = 0; k < steps; k++) await page.keyboard.press('ArrowLeft');
    const lower = Math.round(threshold * 100 - steps) / 100;
    await expect.poll(() => status(page)).toBe(`${atLeast(lower).length} of ${events.length} events`);
    expect(atLeast(lower).length).toBeGreaterThan(atLeast(threshold).length);
    await expect.poll(() => hash(page)).toContain(`sure=${lower}`);
    await page.keyboard.press('Home');
    await expect.poll(() => status(page)).toBe(`${events.length} of ${events.length} events`);
    await expect.poll(() => hash(page)).toMatch(/sure=0(&|$)/);
    await page.keyboard.press('End');
    await expect.poll(() => status(page)).toBe(`${atLeast(1).length} of ${events.length} events`);
    await page.keyboard.press('PageDown'); // a tenth
    await expect.poll(() => status(page)).toBe(`${atLeast(0.9).length} of ${events.length} events`);
    await page.getByRole('button', { name: `Default minimum confidence (${threshold.toFixed(2)})` }).click();
    await expect.poll(() => status(page)).toBe(`${atLeast(threshold).length} of ${events.length} events`);
    await expect.poll(() => hash(page)).not.toContain('sure=');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('confidence-threshold'); // the focus stays on the slider
    await close();
  });

  it('opens at the minimum a link gives, and Back returns to the one before', async () => {
    const { page, close } = await open('#sure=0.3');
    await expect.poll(() => status(page)).toBe(`${atLeast(0.3).length} of ${events.length} events`);
    expect(await slider(page).getAttribute('aria-valuetext')).toBe(`0.30, ${sureness(0.3)} and above`);
    await page.evaluate(() => (location.hash = '#sure=0.6'));
    await expect.poll(() => status(page)).toBe(`${atLeast(0.6).length} of ${events.length} events`);
    await page.goBack();
    await expect.poll(() => status(page)).toBe(`${atLeast(0.3).length} of ${events.length} events`);
    expect(await slider(page).inputValue()).toBe('0.3');
    await close();
  });

  it('draws a place whose shown events are all under the default as an unsure ring, and says so in the legend', async () => {
    // The place with the most events, all of them under the threshold: hidden by default, drawn unsure once the
    // minimum is 0 (which place that is follows the judge's weights: Raqqa in the seed of 2026-12-08).
    const byPlace = new Map<string, RawEvent[]>();
    for (const e of events) byPlace.set(e.place, [...(byPlace.get(e.place) ?? []), e]);
    const [id, unsure] = [...byPlace].filter(([, list]) => list.every((e) => e.confidence < threshold)).sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0];
    const place = placeFeatures().find((f) => f.properties.id === id)!;
    const [lon, lat] = place.geometry.coordinates;
    const { page, close } = await open(`#sure=0&map=6/${lat}/${lon}`);
    await waitForMapIdle(page);
    await expect.poll(async () => (await drawnMarks(page))[id]).toEqual({ count: unsure.length, unsure: 1 });
    expect(await page.getByRole('region', { name: 'Legend' }).textContent()).toContain(`every event it shows is under the default confidence (${threshold.toFixed(2)})`);
    await slider(page).focus();
    await page.keyboard.press('End');
    await waitForMapIdle(page);
    // at the top of the scale none of its events is sure enough: it has no mark at all, not a faded one
    await expect.poll(async () => (await drawnMarks(page))[id]).toBeUndefined();
    const { name } = place.properties;
    expect(await page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).count()).toBe(0);
    await close();
  });
});

describe('how sure each event is, in words', () => {
  it('says it in the Sources panel, with the reasons, and marks an event under the default as unsure', async () => {
    const [from, to] = ['2014-06-20', '2014-06-30'];
    const { page, close } = await open(`#from=${from}&to=${to}&sure=0.3&place=baghdad`);
    const shown = events.filter((e) => e.place === 'baghdad' && inWindow(from, to)(e) && e.confidence >= 0.3);
    const items = sources(page).locator('ol.events').first().locator('li.event');
    await expect.poll(() => items.count()).toBe(shown.length);
    const notes = await items.locator('p.confidence').allTextContents();
    expect(notes).toEqual(shown.map((e) => (e.confidence < threshold ? `Unsure: under the default ${threshold.toFixed(2)} ${said(e)}` : said(e))));
    expect(shown.some((e) => e.confidence < threshold)).toBe(true); // the seed data has one to mark
    const marked = await items.evaluateAll((lis) => lis.map((li) => li.classList.contains('below-default')));
    expect(marked).toEqual(shown.map((e) => e.confidence < threshold));
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });

  it('counts in the Sources panel the events the minimum hides', async () => {
    const { page, close } = await open('#place=baghdad');
    const baghdad = events.filter((e) => e.place === 'baghdad');
    const under = baghdad.filter((e) => e.confidence < threshold).length;
    await expect.poll(() => sources(page).locator('li.event').count()).toBe(baghdad.length - under);
    expect(await sources(page).getByText(/under the minimum confidence/).textContent()).toBe(`${under} events here under the minimum confidence (${threshold.toFixed(2)}): lower it to see them.`);
    await close();
  });

  it('says it in the list of events by date, each row with its words and reasons', async () => {
    const [from, to] = ['2014-12-03', '2014-12-03'];
    const { page, close } = await open(`#from=${from}&to=${to}&sure=0.3&list=events`);
    const shown = events.filter((e) => inWindow(from, to)(e) && e.confidence >= 0.3);
    expect(shown.length).toBeLessThanOrEqual(8); // every row drawn at once
    expect(shown.some((e) => e.confidence < threshold)).toBe(true);
    const rows = page.getByRole('list', { name: 'Events in the window, by date' }).locator('li.event-row');
    await expect.poll(() => rows.count()).toBe(shown.length);
    await expect.poll(() => rows.locator('.row-quote .muted').count()).toBe(0); // every opening is loaded
    const texts = await rows.evaluateAll((lis) => [...lis].sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset'))).map((li) => li.querySelector('.row-sure')!.textContent));
    const expected = shown.map((e) => (e.confidence < threshold ? `Unsure ${said(e)}` : said(e)));
    expect([...texts].sort()).toEqual([...expected].sort());
    await close();
  });
});

describe('a dataset without confidence (the rules alone)', () => {
  let dir: string;
  let served: Served;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'datelines-no-judge-'));
    cpSync('data/articles', join(dir, 'articles'), { recursive: true });
    cpSync('data/articles.json', join(dir, 'articles.json'));
    // The judged file less the judge's fields: what `npm run ingest -- --no-judge` would write of the same events.
    const plain = { events: events.map(({ confidence: _c, reasons: _r, ...rest }) => rest), places: judgedFile.places ?? [] };
    writeFileSync(join(dir, 'events.json'), JSON.stringify(plain));
    served = await serveBuiltApp(await buildAppOn({ dir, data: dir, places: 'geo/places.geojson' }, 'dist'));
  });
  afterAll(async () => {
    await served?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows every event, no minimum confidence and no words of confidence, and says a link\'s `sure` is ignored', async () => {
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { page, consoleErrors } = await openApp(context, `${served.url}#sure=0.9&place=baghdad`);
    await expect.poll(() => status(page)).toBe(`${events.length} of ${events.length} events`);
    expect(await slider(page).count()).toBe(0);
    await expect.poll(() => sources(page).locator('li.event').count()).toBe(events.filter((e) => e.place === 'baghdad').length);
    expect(await sources(page).locator('p.confidence').count()).toBe(0);
    expect(await page.getByText(/Ignored in the link/).textContent()).toContain('minimum confidence 0.9: the events of this data carry no confidence');
    expect(consoleErrors).toEqual([]);
    await browser.close();
  });
});
