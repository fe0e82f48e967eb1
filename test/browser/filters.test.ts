import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/core/day.ts';
import { axeViolations, ownSeedApp, shownByDefault, waitForMapIdle } from './harness.ts';

// The filters on the seed corpus (data/, geo/places.geojson), driven as a person would: a kind clicked in the
// legend, an outlet picked, words typed. The app is built into a folder of its own so that a build of dist/ running
// beside these tests cannot change what they drive. Expected numbers are counted here from the files.

interface RawEvent {
  place: string;
  start: string;
  end: string;
  article: string;
  category: string;
  quote: string;
  confidence?: number;
}
const seed: { threshold?: number; events: RawEvent[] } = JSON.parse(readFileSync('data/events.json', 'utf8'));
const all = seed.events;
/** The events shown at the default minimum confidence (the file's threshold): what the filters work on. */
const events = shownByDefault(seed);
const articles: { id: string; outlet: string | null }[] = JSON.parse(readFileSync('data/articles.json', 'utf8'));
const outletOf = (e: RawEvent) => articles.find((a) => a.id === e.article)!.outlet;
const extent = { from: parseDay(all.map((e) => e.start).sort()[0])!, to: parseDay(all.map((e) => e.end).sort().at(-1)!)! };

const OUTLET = 'Unattributed (AFP and Reuters copy)';
const captures = events.filter((e) => e.category === 'capture');
const capturesOfOutlet = captures.filter((e) => outletOf(e) === OUTLET);
const capturesOfOutletAtTalAfar = capturesOfOutlet.filter((e) => /tal/i.test(e.quote) && /afar/i.test(e.quote));

const app = ownSeedApp('filters');

const open = (hash = '', viewport = { width: 1400, height: 900 }) => app.open({ viewport }, hash);

const status = (page: Page) => page.getByRole('status').textContent();
const hash = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));
const legend = (page: Page) => page.getByRole('region', { name: 'Legend' });
const kind = (page: Page, name: string) => legend(page).getByRole('button', { name, exact: true });
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search quotes' });
const source = (page: Page) => page.getByRole('combobox', { name: 'Outlet or article' });

/** The histogram's bars: the x of each (px from the chart's left), solid and hatched, and the chart's width. */
async function bars(page: Page): Promise<{ exact: number[]; possible: number[]; width: number }> {
  return page.locator('svg.chart').evaluate((chart) => {
    const xs = (selector: string) => [...chart.querySelectorAll(selector)].flatMap((p) => [...(p.getAttribute('d') ?? '').matchAll(/M([\d.]+),/g)].map((m) => Number(m[1])));
    return { exact: xs('path.bar.exact'), possible: xs('path.bar.possible'), width: chart.getBoundingClientRect().width };
  });
}

/**
 * The events the map draws: every place mark's count and every cluster's sum, each feature once, after "Show all
 * places" (so that every place's tile is loaded); and the colours of the places that have events.
 */
async function mapTotals(page: Page): Promise<{ events: number; colors: string[] }> {
  await page.getByRole('button', { name: 'Show all places' }).click();
  await waitForMapIdle(page);
  return page.evaluate(() => {
    const seen = new Set<string>();
    let events = 0;
    const colors = new Set<string>();
    for (const f of window.map!.querySourceFeatures('places')) {
      const p = f.properties as { cluster_id?: number; events?: number; id?: string; count?: number; color?: string };
      const key = p.cluster_id !== undefined ? `c${p.cluster_id}` : `p${p.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (p.cluster_id !== undefined) events += p.events ?? 0;
      else {
        events += p.count ?? 0;
        if ((p.count ?? 0) > 0) colors.add(p.color!);
      }
    }
    return { events, colors: [...colors] };
  });
}

describe('the filters', () => {
  it('follow a kind clicked in the legend, an outlet picked and words typed: the count, the address, the histogram and the map', async () => {
    const { page, consoleErrors, close } = await open();
    await expect.poll(() => status(page)).toBe(`${events.length} of ${all.length} events`);
    const unfiltered = await bars(page);
    expect(unfiltered.exact.length).toBeGreaterThan(0);

    // when a person clicks "Captured" in the legend
    await kind(page, 'Captured').click();
    // then only captures are counted, and the button says it is pressed
    await expect.poll(() => status(page)).toBe(`${captures.length} of ${all.length} events (filtered)`);
    expect(await kind(page, 'Captured').getAttribute('aria-pressed')).toBe('true');
    expect(await kind(page, 'Attack').getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => hash(page)).toMatch(/(^#|&)cat=capture(&|$)/);
    // and the histogram draws only the captures' days: every capture has a range, so no solid bar, and hatched
    // bars between the first capture's first day and the last one's last
    const filtered = await bars(page);
    expect(filtered.exact).toEqual([]);
    expect(filtered.possible.length).toBeGreaterThan(0);
    const axisDays = extent.to + 3 - (extent.from - 3) + 1;
    const x = (day: string) => ((parseDay(day)! - (extent.from - 3)) / axisDays) * filtered.width;
    const binPx = 2 * (filtered.width / axisDays) + 4; // a bar may merge a few days
    expect(Math.min(...filtered.possible)).toBeGreaterThanOrEqual(x(captures.map((e) => e.start).sort()[0]) - binPx);
    expect(Math.max(...filtered.possible)).toBeLessThanOrEqual(x(captures.map((e) => e.end).sort().at(-1)!) + binPx);
    // and the map's marks add up to the captures, any place drawn alone in the captures' colour
    const map = await mapTotals(page);
    expect(map.events).toBe(captures.length);
    expect(map.colors.filter((c) => c !== '#d55e00')).toEqual([]);

    // when an outlet is picked
    await source(page).selectOption({ label: OUTLET });
    await expect.poll(() => status(page)).toBe(`${capturesOfOutlet.length} of ${all.length} events (filtered)`);
    await expect.poll(() => hash(page)).toContain(`outlet=${OUTLET}`);

    // when words are typed in the search field
    await search(page).fill('tal AFAR');
    await expect.poll(() => status(page)).toBe(`${capturesOfOutletAtTalAfar.length} of ${all.length} events (filtered)`);
    await expect.poll(() => hash(page)).toContain('q=tal AFAR');
    expect((await mapTotals(page)).events).toBe(capturesOfOutletAtTalAfar.length);
    expect(capturesOfOutletAtTalAfar.length).toBeGreaterThan(0);
    expect(capturesOfOutletAtTalAfar.length).toBeLessThan(capturesOfOutlet.length);

    // then a reload of the address restores every filter
    const link = await page.evaluate(() => location.hash);
    await close();
    const again = await open(link);
    await expect.poll(() => status(again.page)).toBe(`${capturesOfOutletAtTalAfar.length} of ${all.length} events (filtered)`);
    expect(await kind(again.page, 'Captured').getAttribute('aria-pressed')).toBe('true');
    expect(await search(again.page).inputValue()).toBe('tal AFAR');
    expect(await source(again.page).evaluate((s: HTMLSelectElement) => s.selectedOptions[0].textContent)).toBe(OUTLET);
    expect(consoleErrors).toEqual([]);
    expect(again.consoleErrors).toEqual([]);
    await again.close();
  });

  it('list only the events they keep in a place\'s Sources, and say how many they hide', async () => {
    const { page, close } = await open('#cat=capture');
    await expect.poll(() => status(page)).toBe(`${captures.length} of ${all.length} events (filtered)`);
    // Tal Afar: a capture, and an attack the filter hides
    const ofTalAfar = events.filter((e) => e.place === 'tal-afar');
    const capturesOfTalAfar = ofTalAfar.filter((e) => e.category === 'capture');
    expect(ofTalAfar.length).toBeGreaterThan(capturesOfTalAfar.length);
    await page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: /^Tal Afar/ }).click();
    const panel = page.getByRole('complementary', { name: 'Sources' });
    await expect.poll(() => panel.locator('blockquote').count()).toBe(capturesOfTalAfar.length);
    const hidden = ofTalAfar.length - capturesOfTalAfar.length;
    expect(await panel.getByText(/hidden by the filters/).textContent()).toBe(`${hidden} ${hidden === 1 ? 'event' : 'events'} here hidden by the filters.`);
    await close();
  });

  it('toggle a kind with the keyboard, and clear every filter at once', async () => {
    const { page, close } = await open('#q=baghdad');
    const withBaghdad = events.filter((e) => /baghdad/i.test(e.quote));
    await expect.poll(() => status(page)).toBe(`${withBaghdad.length} of ${all.length} events (filtered)`);
    await kind(page, 'Meeting').focus();
    await page.keyboard.press('Space');
    const meetings = withBaghdad.filter((e) => e.category === 'meeting');
    await expect.poll(() => status(page)).toBe(`${meetings.length} of ${all.length} events (filtered)`);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => status(page)).toBe(`${events.length} of ${all.length} events`);
    expect(await search(page).inputValue()).toBe('');
    await expect.poll(() => hash(page)).not.toMatch(/cat=|q=|outlet=/);
    expect(await page.getByRole('button', { name: 'Clear filters' }).count()).toBe(0);
    await close();
  });

  it('say what a link names that the data lacks, and keep the rest', async () => {
    const { page, close } = await open('#cat=capture,nonsense&outlet=The%20Times&article=no-such-article');
    await expect.poll(() => status(page)).toBe(`${captures.length} of ${all.length} events (filtered)`);
    await expect.poll(() => page.getByText(/Ignored in the link/).textContent()).toContain('outlet “The Times”');
    await expect.poll(() => page.getByText(/Ignored in the link/).textContent()).toContain('article “no-such-article”');
    await expect.poll(() => hash(page)).not.toMatch(/outlet=|article=/);
    await close();
  });

  for (const [what, viewport] of [
    ['desktop', { width: 1400, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`have no serious or critical axe-core violations with filters on (${what})`, async () => {
      const { page, close } = await open(`#cat=capture,attack&q=militants&outlet=${encodeURIComponent(OUTLET)}`, viewport);
      await expect.poll(() => status(page)).toMatch(/\(filtered\)$/);
      expect(await axeViolations(page)).toEqual([]);
      await close();
    });
  }
});
