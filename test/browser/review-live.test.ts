import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createReviewServer } from '../review/review-corpus.ts';
import { TEST_APP, browserWithCleanups, openApp, shownByDefault, waitForMapIdle } from './harness.ts';

// The review's page follows the data each correction makes without being drawn anew (src/main.tsx, createAppState's
// dataset signal): the same map, the same open panel, the camera where it was, and what shows is the new data's.
// Driven in Chromium on a copy of the seed corpus, served by the review server from the tests' build of the app.

const held = browserWithCleanups();
const { cleanups } = held;

async function openReview(hash: string, viewport = { width: 1280, height: 800 }) {
  const served = await createReviewServer(TEST_APP);
  cleanups.push(() => served.server.close(), () => rmSync(served.corpus.dir, { recursive: true, force: true }));
  const context = await held.browser.newContext({ viewport });
  cleanups.push(() => context.close());
  const opened = await openApp(context, `${served.server.url}#${hash}`);
  return { ...served, ...opened };
}

/** A change is saved, ingested and compiled before it shows (seconds on 2 busy cores). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });
const sources = (page: Page) => page.getByRole('complementary', { name: 'Sources' });
const said = (page: Page) => page.locator('.review-message').textContent();
const opening = (quote: string) => quote.replace(/\s+/g, ' ').slice(0, 50);
/** The quotes the Sources panel lists, as a person reads them. */
const quotesShown = (page: Page) => sources(page).locator('li.event blockquote').allTextContents();
/** The count the Sources panel says under the place's name: "N of M events in the window". */
const panelCount = async (page: Page) => /(\d+) of (\d+) events? in the window/.exec((await sources(page).locator('.sources-header p').textContent()) ?? '')?.slice(1).map(Number);
/** What the map draws for a place's mark: its number of events in the window, or null when it is not drawn on its own. */
const markCount = (page: Page, id: string) =>
  page.evaluate((place) => {
    const [mark] = window.map!.queryRenderedFeatures({ layers: ['place-marks'], filter: ['==', ['get', 'id'], place] });
    return mark ? Number(mark.properties.count) : null;
  }, id);
const camera = (page: Page) => page.evaluate(() => ({ zoom: window.map!.getZoom(), ...window.map!.getCenter().wrap() }));

describe('the review page after a correction', () => {
  it('keeps the same map, camera and open panel, and shows the new data: the event marked wrong is gone from the panel, the count and the mark', async () => {
    const { corpus, page, consoleErrors } = await openReview('place=baghdad');
    const [event] = shownByDefault(corpus.readEvents()).filter((e) => e.place === 'baghdad');
    // The link's place is revealed out of any cluster: once its mark is drawn and the map rests, the camera is set.
    await poll(() => markCount(page, 'baghdad')).not.toBeNull();
    await waitForMapIdle(page);
    const marked = (await markCount(page, 'baghdad'))!;
    const [inWindow, total] = (await panelCount(page))!;
    const before = await camera(page);
    expect((await quotesShown(page)).some((q) => q.includes(opening(event.quote)))).toBe(true);
    // Tags on the map and the panel as they are now: an app drawn anew would have neither.
    await page.evaluate(() => Object.assign(window.map!, { beforeTheChange: true }));
    await sources(page).evaluate((panel) => Object.assign(panel, { beforeTheChange: true }));

    const item = sources(page).locator('li.event').filter({ has: page.locator('blockquote', { hasText: opening(event.quote) }) });
    await item.getByRole('button', { name: 'Wrong' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Not an event' }).click();
    await poll(() => said(page)).toContain('Marked wrong (not an event)');

    await poll(async () => (await quotesShown(page)).some((q) => q.includes(opening(event.quote)))).toBe(false);
    await poll(() => panelCount(page)).toEqual([inWindow - 1, total - 1]);
    await poll(() => markCount(page, 'baghdad')).toBe(marked - 1);
    expect(await page.evaluate(() => (window.map as unknown as { beforeTheChange?: boolean } | undefined)?.beforeTheChange)).toBe(true);
    expect(await sources(page).evaluate((panel) => (panel as unknown as { beforeTheChange?: boolean }).beforeTheChange)).toBe(true);
    expect(await sources(page).getByRole('heading', { name: 'Baghdad' }).isVisible()).toBe(true);
    const after = await camera(page);
    expect(after.zoom).toBeCloseTo(before.zoom, 6);
    expect(after.lat).toBeCloseTo(before.lat, 6);
    expect(after.lng).toBeCloseTo(before.lng, 6);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Baghdad'); // the event gone, its panel's heading has the focus
    expect(consoleErrors).toEqual([]);
  });

  it('widens a window of all the dates, and the axis with it, to the day a re-dated event now has', async () => {
    const { corpus, page } = await openReview('place=baghdad');
    const event = shownByDefault(corpus.readEvents()).find((e) => e.place === 'baghdad' && e.start === e.end)!;
    const windowSaid = () => page.locator('.timebar strong').first().textContent();
    const before = await windowSaid();
    const wholeTimeline = page.getByRole('button', { name: 'Whole timeline' });
    expect(await wholeTimeline.isDisabled()).toBe(true); // the axis shows all of it
    const item = sources(page).locator('li.event').filter({ has: page.locator('blockquote', { hasText: opening(event.quote) }) });
    await item.getByRole('button', { name: 'Date' }).click();
    await page.getByRole('dialog').getByLabel('First day').fill('2 Jan 2014');
    await page.getByRole('dialog').getByLabel('Last day').fill('2 Jan 2014');
    await page.getByRole('dialog').getByRole('button', { name: 'Save date' }).click();
    await poll(() => said(page)).toContain('Re-dated');
    await poll(() => windowSaid()).toBe(before!.replace(/^.* – /, '2 Jan 2014 – '));
    expect(await wholeTimeline.isDisabled()).toBe(true); // still all of it, the new day included
    expect(await sources(page).textContent()).toContain('2 Jan 2014'); // in the window, listed
  });

  it('keeps a text search on while the new data loads: the count never shows the events it hides', async () => {
    const { page } = await openReview('q=Baghdad&list=events');
    const status = page.locator('p.status[role="status"]');
    await poll(() => status.textContent()).toMatch(/^\d+ of \d+ events \(filtered\)$/);
    const [shown, total] = /^(\d+) of (\d+)/.exec((await status.textContent())!)!.slice(1).map(Number);
    // Every text the count takes from now on, as a screen reader would hear it.
    await status.evaluate((element) => {
      const heard: string[] = ((window as unknown as { heard: string[] }).heard = []);
      new MutationObserver(() => heard.push(element.textContent ?? '')).observe(element, { childList: true, characterData: true, subtree: true });
    });
    const row = page.getByRole('list', { name: 'Events in the window, by date' }).locator('li.event-row').first();
    await poll(() => row.getByRole('button', { name: 'Wrong' }).isEnabled()).toBe(true);
    await row.getByRole('button', { name: 'Wrong' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Not an event' }).click();
    await poll(() => said(page)).toContain('Marked wrong');
    await poll(() => status.textContent()).toBe(`${shown - 1} of ${total - 1} events (filtered)`);
    const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
    expect(heard.filter((text) => text !== `${shown} of ${total} events (filtered)` && text !== `${shown - 1} of ${total - 1} events (filtered)`)).toEqual([]);
  });

  it('keeps the list of events and its rows in place after a row is checked, the row showing what the new data says', async () => {
    const { page } = await openReview('list=events');
    const list = page.getByRole('list', { name: 'Events in the window, by date' });
    const first = list.locator('li.event-row').first();
    await poll(() => first.getByRole('button', { name: 'Right' }).isEnabled()).toBe(true);
    const quote = await first.locator('.row-quote').textContent();
    await page.locator('.event-scroller').evaluate((scroller) => Object.assign(scroller, { beforeTheChange: true }));
    await first.getByRole('button', { name: 'Right' }).click();
    await poll(() => said(page)).toContain('Checked');
    await poll(() => first.textContent()).toContain('Checked by a person');
    expect(await first.locator('.row-quote').textContent()).toBe(quote);
    expect(await page.locator('.event-scroller').evaluate((scroller) => (scroller as unknown as { beforeTheChange?: boolean }).beforeTheChange)).toBe(true);
  });
});
