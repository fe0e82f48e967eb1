import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDay } from '../../src/core/day.ts';
import { formatRange } from '../../src/core/format.ts';
import { createSyntheticCorpus, writeSyntheticCorpus } from '../synthetic-corpus.ts';
import { buildAppOn, launchChromium, openApp, serveBuiltApp, type Served } from './harness.ts';

// The app on 50,000 generated events over 2,000 places and ten years: the counts it shows must be exact.

const corpus = createSyntheticCorpus({ events: 50_000, places: 2_000, seed: 20140623 });
let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serveBuiltApp(await buildAppOn(writeSyntheticCorpus(corpus), 'dist'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** Events overlapping [from, to], counted straight from the generated records. */
function expected(from: string, to: string, place?: string): number {
  return corpus.events.filter((e) => e.start <= to && e.end >= from && (!place || e.place === place)).length;
}

describe('50,000 events', () => {
  it('shows exact counts for several windows, in total and per place', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 850 } });
    const { page, consoleErrors } = await openApp(context, served.url);
    const all = corpus.events.length.toLocaleString('en-GB');
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toBe(`${all} of ${all} events`);
    const busiest = corpus.events.reduce<Record<string, number>>((n, e) => ((n[e.place] = (n[e.place] ?? 0) + 1), n), {});
    const place = Object.entries(busiest).sort((a, b) => b[1] - a[1])[0][0];
    const name = corpus.places.find((p) => p.id === place)!.properties.name;
    for (const [from, to] of [
      ['2010-01-01', '2010-01-01'],
      ['2012-02-28', '2012-03-01'],
      ['2014-06-09', '2014-07-21'],
      ['2015-01-01', '2016-12-31'],
      ['2019-12-31', '2019-12-31'],
    ]) {
      await page.evaluate((hash) => (location.hash = hash), `#from=${from}&to=${to}`);
      await expect.poll(() => page.getByRole('status').textContent()).toBe(`${expected(from, to).toLocaleString('en-GB')} of ${all} events`);
      // The list shows the busiest places of the window; any other is found by name.
      await page.getByRole('searchbox', { name: 'Find a place' }).fill('');
      await expect.poll(() => page.getByRole('navigation', { name: 'Places' }).getByRole('listitem').count()).toBe(100);
      expect(await page.getByRole('navigation', { name: 'Places' }).getByText(/^The 100 busiest of 2,000 places$/).count()).toBe(1);
      await page.getByRole('searchbox', { name: 'Find a place' }).fill(name);
      const entry = page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) });
      const n = expected(from, to, place);
      expect(await entry.locator('.count').textContent()).toBe(n === 0 ? 'none in window' : `${n} ${n === 1 ? 'event' : 'events'}`);
      // The map's own data (sent as changes, not as a new copy) carries the same counts, for every place.
      const perPlace = corpus.events.filter((e) => e.start <= to && e.end >= from).reduce<Record<string, number>>((m, e) => ((m[e.place] = (m[e.place] ?? 0) + 1), m), {});
      await expect
        .poll(async () => {
          const shown = await page.evaluate(async () => {
            const data = (await (window.map!.getSource('places') as unknown as { getData(): Promise<{ features: { properties: { id: string; count: number } }[] }> }).getData());
            return data.features.filter((f) => f.properties.count > 0).map((f) => [f.properties.id, f.properties.count] as const);
          });
          return Object.fromEntries(shown);
        })
        .toEqual(perPlace);
      // The list leads with the busiest place of the window.
      const busiestInWindow = Math.max(0, ...Object.values(perPlace));
      await page.getByRole('searchbox', { name: 'Find a place' }).fill('');
      await expect.poll(() => page.getByRole('navigation', { name: 'Places' }).locator('.count').first().textContent()).toBe(busiestInWindow === 0 ? 'none in window' : `${busiestInWindow} ${busiestInWindow === 1 ? 'event' : 'events'}`);
    }
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('50,000 events, by date', () => {
  it('draws only the rows in view, reaches the last event by key, and comes back to a row chosen halfway down', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 850 } });
    const { page, consoleErrors } = await openApp(context, `${served.url}#from=2012-01-01&to=2014-12-31&list=events`);
    // The window's events as the list orders them: by start day, in file order within a day.
    const inWindow = corpus.events
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => e.start <= '2014-12-31' && e.end >= '2012-01-01')
      .sort((a, b) => (a.e.start < b.e.start ? -1 : a.e.start > b.e.start ? 1 : a.i - b.i))
      .map(({ e }) => e);
    const n = inWindow.length;
    await expect.poll(() => page.getByText(`${n.toLocaleString('en-GB')} events in the window, earliest first`).count(), { timeout: 30_000 }).toBe(1);
    const drawn = page.locator('.event-row');
    expect(await drawn.count()).toBeLessThan(60);
    expect(await drawn.first().getAttribute('aria-setsize')).toBe(String(n));
    const dateOf = (e: (typeof inWindow)[number]) => formatRange(parseDay(e.start)!, parseDay(e.end)!);
    const focusedRow = () => page.evaluate(() => {
      const row = document.activeElement?.closest('.event-row');
      return row ? [row.getAttribute('aria-posinset'), row.querySelector('.row-date')?.textContent] : null;
    });
    // End: the last row, the latest event of the window.
    await drawn.first().getByRole('button').focus();
    await page.keyboard.press('End');
    await expect.poll(focusedRow).toEqual([String(n), dateOf(inWindow[n - 1])]);
    // Halfway down by the scroll bar: the rows drawn there are the window's events at those places, in order.
    await page.locator('.event-scroller').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await expect.poll(async () => Number(await drawn.first().getAttribute('aria-posinset'))).toBeGreaterThan(n / 3);
    await expect.poll(() => page.locator('.row-quote .muted').count()).toBe(0); // the openings of the rows in view arrived
    const shown = await drawn.evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('aria-posinset')), r.querySelector('.row-date')!.textContent]));
    const inView = shown.filter(([k]) => (k as number) > 1 && (k as number) < n); // the row last used (End) is drawn too
    expect(inView.length).toBeGreaterThan(5);
    for (const [k, date] of inView) expect(date).toBe(dateOf(inWindow[(k as number) - 1]));
    // Chosen there and closed, the list comes back at that row, with the focus on it.
    const middle = page.locator('.event-row').filter({ has: page.locator(`button[data-row="${(inView[8][0] as number) - 1}"]`) });
    await middle.getByRole('button').click();
    await expect.poll(() => page.getByRole('complementary', { name: 'Sources' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(focusedRow).toEqual([String(inView[8][0]), inView[8][1]]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('50,000 events, at the busiest place', () => {
  it('opens its sources a page of 500 at a time, from its first file, the rest on Show more, every count exact', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 850 } });
    const byPlace = corpus.events.reduce<Record<string, typeof corpus.events>>((m, e) => ((m[e.place] ??= []).push(e), m), {});
    const [place, events] = Object.entries(byPlace).sort((a, b) => b[1].length - a[1].length)[0];
    expect(events.length).toBeGreaterThan(1000); // three pages or more
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => {
      const m = /\/data\/places\/(.+)$/.exec(r.url());
      if (m) fetched.push(m[1]);
    });
    await page.goto(`${served.url}#place=${place}`);
    const panel = page.getByRole('complementary', { name: 'Sources' });
    const quotes = panel.locator('ol.events').first().locator('blockquote');
    const total = events.length.toLocaleString('en-GB');
    await expect.poll(() => quotes.count(), { timeout: 30_000 }).toBe(500);
    expect(await panel.locator('header p').textContent()).toContain(`${total} of ${total} events in the window`);
    expect(fetched.filter((f) => f.includes('/'))).toEqual([]); // the first page only: places/<n>.json
    // when the reader asks for more
    await panel.getByRole('button', { name: `Show 500 more of ${(events.length - 500).toLocaleString('en-GB')}` }).click();
    await expect.poll(() => quotes.count()).toBe(1000);
    expect(fetched.filter((f) => f.includes('/')).map((f) => f.replace(/^\d+\//, ''))).toEqual(['1.json']);
    // a window at the end of the ten years: its events come from the pages that cover it, counted exactly
    const [from, to] = ['2019-07-01', '2019-12-31'];
    const inside = events.filter((e) => e.start <= to && e.end >= from);
    await page.evaluate((hash) => (location.hash = hash), `#from=${from}&to=${to}&place=${place}`);
    await expect.poll(() => panel.locator('header p').textContent()).toContain(`${inside.length.toLocaleString('en-GB')} of ${total} events in the window`);
    await expect.poll(() => quotes.count()).toBe(Math.min(1000, inside.length));
    expect(await panel.locator('details.outside summary').textContent()).toBe(`${(events.length - inside.length).toLocaleString('en-GB')} more events here outside the time window`);
    // and under a filter on one kind, what it hides is counted among the pages not loaded too
    const kind = events[0].category;
    const kept = events.filter((e) => e.category === kind);
    await page.evaluate((hash) => (location.hash = hash), `#cat=${kind}&place=${place}`);
    await expect.poll(() => panel.locator('.filtered-out').first().textContent()).toBe(`${(events.length - kept.length).toLocaleString('en-GB')} events here hidden by the filters.`);
    await expect.poll(() => quotes.count()).toBe(Math.min(1000, kept.length));
    await context.close();
  });
});

