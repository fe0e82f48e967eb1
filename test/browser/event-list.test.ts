import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstWords } from '../../src/core/format.ts';
import { ROW_QUOTE_CHARS } from '../../src/data/compiled-format.ts';
import { ownSeedApp, shownByDefault, waitForMapIdle } from './harness.ts';

// The chronological list of the window's events, driven as a person would: by pointer and by keys.

const app = ownSeedApp('event-list');
const seed: { threshold?: number; events: { id: string; place: string; start: string; end: string; category: string; quote: string; confidence?: number }[] } = JSON.parse(
  readFileSync('data/events.json', 'utf8'),
);
/** The events the list shows at the default minimum confidence, the file's threshold. */
const events = shownByDefault(seed);

/** The window's events as the list should show them: overlapping it, by start day, in file order within a day. */
function expectedRows(from: string, to: string, keep: (e: (typeof events)[number]) => boolean = () => true) {
  return events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.start <= to && e.end >= from && keep(e))
    .sort((a, b) => (a.e.start < b.e.start ? -1 : a.e.start > b.e.start ? 1 : a.i - b.i))
    .map(({ e }) => e);
}

const places = new Map<string, [number, number]>(
  (JSON.parse(readFileSync('geo/places.geojson', 'utf8')).features as { id: string; geometry: { type: string; coordinates: [number, number] } }[]).filter((f) => f.geometry.type === 'Point').map((f) => [f.id, f.geometry.coordinates]),
);

/** Tall enough that the list draws every row of these windows at once (it draws only the rows in view). */
const TALL = { viewport: { width: 1440, height: 1800 } };

const rows = (page: import('playwright-core').Page) => page.getByRole('list', { name: 'Events in the window, by date' }).getByRole('button');

describe('the events of the window, by date', () => {
  it('lists them in date order with the opening of each quote, and follows the window and the filters', async () => {
    const { page, consoleErrors, close } = await app.open(TALL, '#from=2014-06-20&to=2014-06-24');
    await page.getByRole('tab', { name: 'Events by date' }).click();
    await expect.poll(() => page.url()).toContain('list=events');
    const want = expectedRows('2014-06-20', '2014-06-24');
    await expect.poll(() => page.locator('.row-quote').allTextContents()).toEqual(want.map((e) => firstWords(e.quote, ROW_QUOTE_CHARS)));
    expect(await page.getByText(`${want.length} events in the window, earliest first`).count()).toBe(1);
    // Each row's name says when, where and what, then the words.
    expect(await rows(page).first().getAttribute('aria-disabled')).toBeNull();
    expect(await rows(page).first().textContent()).toMatch(/^\d{1,2}(–\d{1,2})? Jun 2014,.+,.+:.+/);

    // A narrower window, then a filter on one kind of event (by the legend): the list follows both.
    await page.evaluate(() => (location.hash = '#from=2014-06-23&to=2014-06-23&list=events'));
    await expect.poll(() => page.locator('.row-quote').allTextContents()).toEqual(expectedRows('2014-06-23', '2014-06-23').map((e) => firstWords(e.quote, ROW_QUOTE_CHARS)));
    await page.getByRole('button', { name: /^Meeting/ }).click();
    const meetings = expectedRows('2014-06-23', '2014-06-23', (e) => e.category === 'meeting');
    expect(meetings.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.row-quote').allTextContents()).toEqual(meetings.map((e) => firstWords(e.quote, ROW_QUOTE_CHARS)));
    expect(await page.getByRole('status').textContent()).toMatch(new RegExp(`^${meetings.length} of \\d+ events`));
    await page.screenshot({ path: 'test-results/screens/event-list-filtered.png' });
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('keeps the row at its top where it is when the window changes and rows before it leave', async () => {
    const { page, close } = await app.open({ viewport: { width: 1280, height: 700 } }, '#list=events');
    const all = expectedRows('0000-01-01', '9999-12-31');
    await expect.poll(() => rows(page).count()).toBeGreaterThan(0);
    // Scrolled as a person scrolls, by the wheel, until a row some way down is at the top.
    const scroller = page.locator('.event-scroller');
    const box = (await scroller.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    /** The quote of the row drawn first at the top of the list's view. */
    const topQuote = () => page.evaluate(() => {
      const top = document.querySelector('.event-scroller')!.getBoundingClientRect().top;
      const row = [...document.querySelectorAll<HTMLElement>('.event-row')].filter((r) => r.getBoundingClientRect().bottom > top + 2).sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0];
      return row.querySelector('.row-quote')!.textContent;
    });
    // Down the list to a row whose day is later than the first row's last: a later start then drops rows before it.
    const frame = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    let top = all.findIndex((e) => firstWords(e.quote, ROW_QUOTE_CHARS) === '');
    for (let i = 0; i < 60; i++) {
      await page.mouse.wheel(0, 60);
      await frame();
      const quote = await topQuote();
      top = all.findIndex((e) => firstWords(e.quote, ROW_QUOTE_CHARS) === quote);
      if (top >= 8 && all[top].start > all[0].end) break;
    }
    expect(top).toBeGreaterThanOrEqual(8);
    const target = top;
    // The window now starts at that row's day: the rows before it that end earlier leave, and it stays at the top.
    await page.evaluate((from) => (location.hash = `#from=${from}&list=events`), all[target].start);
    await expect.poll(() => rows(page).count()).toBeLessThan(all.length);
    await expect.poll(topQuote).toBe(firstWords(all[target].quote, ROW_QUOTE_CHARS));
    await close();
  });

  it('lights the place of the row pointed at, and opens the place at that quote when the row is chosen', async () => {
    const { page, consoleErrors, close } = await app.open(TALL, '#from=2014-06-20&to=2014-06-24&list=events');
    const want = expectedRows('2014-06-20', '2014-06-24');
    await expect.poll(() => rows(page).count()).toBe(want.length);
    const pick = want.findIndex((e) => e.place === 'baghdad');
    await rows(page).nth(pick).hover();
    // The ring is drawn at Baghdad, even while Baghdad is inside a cluster at this zoom.
    await expect.poll(async () => {
      await waitForMapIdle(page);
      return page.evaluate(() => {
        const [lng, lat] = [44.40088, 33.34058];
        const at = window.map!.project([lng, lat]);
        return window.map!.queryRenderedFeatures([[at.x - 20, at.y - 20], [at.x + 20, at.y + 20]], { layers: ['lit-place'] }).length;
      });
    }).toBe(1);
    await page.mouse.move(5, 400); // off the list: the ring goes
    await expect.poll(() => page.evaluate(() => window.map!.queryRenderedFeatures({ layers: ['lit-place'] }).length)).toBe(0);

    await rows(page).nth(pick).click();
    const sources = page.getByRole('complementary', { name: 'Sources' });
    await expect.poll(() => sources.getByRole('heading', { level: 2 }).textContent()).toBe('Baghdad');
    // The chosen quote has the focus and is marked.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.event)).toBe(want[pick].id);
    expect(await page.locator('li.event.chosen blockquote').textContent()).toBe(want[pick].quote);
    // The window moved by its handle while the place is open: the focus stays on the handle.
    const end = page.getByRole('slider', { name: 'End date' });
    await end.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => end.getAttribute('aria-valuetext')).toBe('2014-06-23');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('End date');
    // Closing the place goes back to the list, at the same row, with the focus on it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.event-row')?.querySelector('.row-quote')?.textContent)).toBe(firstWords(want[pick].quote, ROW_QUOTE_CHARS));
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('is worked by keys: Tab reaches one row, arrows move, Enter opens, and the focused row lights its place', async () => {
    const { page, close } = await app.open({ viewport: { width: 1440, height: 900 } }, '#list=events');
    const want = expectedRows('0000', '9999');
    // Only the rows in view are drawn; each says its place in the whole list.
    await expect.poll(() => page.getByText(`${want.length} events in the window, earliest first`).count()).toBe(1);
    expect(await rows(page).count()).toBeLessThan(want.length);
    expect(await page.locator('.event-row').first().getAttribute('aria-setsize')).toBe(String(want.length));
    const tab = page.getByRole('tab', { name: 'Events by date' });
    await tab.focus();
    await page.keyboard.press('ArrowLeft'); // tabs move with arrows
    await expect.poll(() => page.getByRole('tab', { name: 'Places' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    // One row is in the tab order.
    expect(await page.locator('.event-row button[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('Tab');
    const focusedQuote = () => page.evaluate(() => document.activeElement?.closest('.event-row')?.querySelector('.row-quote')?.textContent);
    await expect.poll(focusedQuote).toBe(firstWords(want[0].quote, ROW_QUOTE_CHARS));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedQuote).toBe(firstWords(want[2].quote, ROW_QUOTE_CHARS));
    await page.keyboard.press('End');
    await expect.poll(focusedQuote).toBe(firstWords(want[want.length - 1].quote, ROW_QUOTE_CHARS));
    await page.keyboard.press('Home');
    await expect.poll(focusedQuote).toBe(firstWords(want[0].quote, ROW_QUOTE_CHARS));
    // The ring is at the focused row's place.
    const first = places.get(want[0].place)!;
    await expect.poll(async () => {
      await waitForMapIdle(page);
      return page.evaluate(([lng, lat]) => {
        const at = window.map!.project([lng, lat]);
        return window.map!.queryRenderedFeatures([[at.x - 3, at.y - 3], [at.x + 3, at.y + 3]], { layers: ['lit-place'] }).length;
      }, first);
    }).toBe(1);
    // Scrolled away by the wheel, the focused row keeps the focus (it stays drawn, out of sight).
    await page.locator('.event-scroller').hover();
    await page.mouse.wheel(0, 3000);
    await expect.poll(() => page.evaluate(() => document.querySelector('.event-scroller')!.scrollTop)).toBeGreaterThan(500);
    expect(await page.evaluate(() => document.activeElement?.closest('.event-row')?.getAttribute('aria-posinset'))).toBe('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.event)).toBe(want[0].id);
    await close();
  });

  it('gives the focus back to its tab when a place opened from the map is closed', async () => {
    const { page, close } = await app.open({ viewport: { width: 1440, height: 900 } }, '#list=events&place=baghdad');
    await expect.poll(() => page.getByRole('complementary', { name: 'Sources' }).getByRole('heading', { level: 2 }).textContent()).toBe('Baghdad');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('list-tab-events');
    // Choosing the list of places then leaves the focus on that tab, not on a place closed long ago.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('list-tab-places');
    await close();
  });

  it('on a phone, brings the row back into sight when the place opened from it is closed', async () => {
    const { page, close } = await app.open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }, '#list=events');
    const row = page.locator('.event-row button').nth(4);
    await row.scrollIntoViewIfNeeded();
    const chosen = await row.locator('.row-quote').textContent();
    await row.tap();
    await expect.poll(() => page.getByRole('complementary', { name: 'Sources' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Close sources' }).tap();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.event-row')?.querySelector('.row-quote')?.textContent)).toBe(chosen);
    const box = (await page.evaluate(() => document.activeElement!.getBoundingClientRect().toJSON())) as DOMRect;
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(845); // to the pixel: the page scrolls it to the bottom edge
    // The map moved to the place: a hint of the window's events above it, if any, sits clear of the fit controls.
    await waitForMapIdle(page);
    const clash = await page.evaluate(() => {
      const hint = document.querySelector('.offscreen-top')?.getBoundingClientRect();
      const fit = document.querySelector('.window-fit')!.getBoundingClientRect();
      return hint ? hint.bottom > fit.top && hint.top < fit.bottom && hint.right > fit.left && hint.left < fit.right : false;
    });
    expect(clash).toBe(false);
    await close();
  });
});
