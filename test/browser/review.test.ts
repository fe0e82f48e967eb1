import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatLongDay, formatRange } from '../../src/core/format.ts';
import { parseDay } from '../../src/core/day.ts';
import { ingestFiles } from '../../src/ingest/run/files.ts';
import { createPlacesReviewServer, createReviewCorpus, createReviewServer } from '../review/review-corpus.ts';
import { TEST_APP, axeViolations, buildAppOn, browserWithCleanups, openApp, serveBuiltApp, shownByDefault } from './harness.ts';

// The review on the map (`npm run review`), driven as a person would in Chromium: on a copy of the seed corpus (or a
// corpus of short texts for the places), served by the review server from the tests' build of the app. What the
// page shows is checked against the files the server wrote.

const held = browserWithCleanups();
const { cleanups } = held;

async function createReview() {
  const served = await createReviewServer(TEST_APP);
  cleanups.push(() => served.server.close(), () => rmSync(served.corpus.dir, { recursive: true, force: true }));
  return served;
}

async function openPage(url: string, options: { width?: number; height?: number } = {}) {
  const context = await held.browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 } });
  cleanups.push(() => context.close());
  const opened = await openApp(context, url);
  return { ...opened, context };
}

/** Waits for what the page shows to change: a change is saved, ingested and compiled before it shows (seconds on 2 busy cores). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });
const sources = (page: Page) => page.getByRole('complementary', { name: 'Sources' });
const said = (page: Page) => page.locator('.review-message').textContent();
const counted = (page: Page) => page.locator('p.status[role="status"]').textContent();
/** The quote of the Sources panel whose sentence begins with `opening`. */
const quoteItem = (page: Page, opening: string) => sources(page).locator('li.event').filter({ has: page.locator('blockquote', { hasText: opening }) });
const opening = (quote: string) => quote.replace(/\s+/g, ' ').slice(0, 50);

/** The events of the seed at a place, shown by default, in the review's events.json. */
function shownAt(corpus: ReturnType<typeof createReviewCorpus>, place: string) {
  return shownByDefault(corpus.readEvents()).filter((e) => e.place === place);
}

describe('the review on the map', () => {
  it('takes a dot marked wrong off the map at once, and the next npm run ingest keeps it off (by keyboard)', async () => {
    const { corpus, server } = await createReview();
    const [event] = shownAt(corpus, 'baghdad');
    const { page, consoleErrors } = await openPage(`${server.url}#place=baghdad`);
    const before = await counted(page);
    const item = quoteItem(page, opening(event.quote));
    await item.getByRole('button', { name: 'Wrong' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Not an event' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => said(page)).toContain('Marked wrong (not an event)');
    await poll(() => quoteItem(page, opening(event.quote)).count()).toBe(0);
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Baghdad'); // the event gone, its panel's heading has the focus
    const [shown, total] = /(\d+) of (\d+) events/.exec(before!)!.slice(1).map(Number);
    expect(await counted(page)).toContain(`${shown - 1} of ${total - 1} events`);
    const gone = (file: ReturnType<typeof corpus.readEvents>) => !file.events.some((e) => e.quote === event.quote && e.place === 'baghdad');
    expect(gone(corpus.readEvents())).toBe(true);
    const run = spawnSync(process.execPath, ['build/cli/ingest/cli/ingest-cli.js', '--articles', corpus.articles, '--places', corpus.places, '--out', corpus.events, '--quiet'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(gone(corpus.readEvents())).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  it('moves a dot to a place found by name, and it stays moved after a reload', async () => {
    const { corpus, server } = await createReview();
    const [event] = shownAt(corpus, 'baghdad');
    const { page } = await openPage(`${server.url}#place=baghdad`);
    await quoteItem(page, opening(event.quote)).getByRole('button', { name: 'Move' }).click();
    await page.getByRole('dialog').getByLabel('Place name').fill('Tal Af');
    const hit = page.getByRole('list', { name: 'Places found' }).getByRole('button', { name: /^Tal Afar/ });
    await poll(() => hit.textContent()).toMatch(/km from/);
    await hit.click();
    await poll(() => said(page)).toContain('Moved');
    await page.goto(`${server.url}#place=tal-afar`);
    await page.reload();
    await poll(() => quoteItem(page, opening(event.quote)).count()).toBe(1);
    expect(await quoteItem(page, opening(event.quote)).textContent()).toContain('Checked by a person');
    expect(corpus.readEvents().events.find((e) => e.quote === event.quote && e.place === 'tal-afar')?.checked).toBe(true);
  });

  it('moves a dot to a place picked by a click on the map', async () => {
    const { corpus, server } = await createReview();
    const [event] = shownAt(corpus, 'baghdad');
    const { page } = await openPage(`${server.url}#place=baghdad&map=6/35.5/43`);
    await quoteItem(page, opening(event.quote)).getByRole('button', { name: 'Move' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Click the map instead' }).click();
    await poll(() => page.getByRole('region', { name: 'Review' }).textContent()).toContain('Click the map where it happened');
    const kirkuk: [number, number] = [44.39, 35.47];
    const at = await page.evaluate((p) => window.map!.project(p), kirkuk);
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + at.x, box.y + at.y);
    const hit = page.getByRole('dialog').getByRole('list', { name: 'Places found' }).getByRole('button').first();
    await poll(() => hit.textContent()).toMatch(/^Kirkuk.*km from the point clicked/);
    expect(await sources(page).getByRole('heading', { name: 'Baghdad' }).count()).toBe(1); // the click opened no mark
    await hit.click();
    await poll(() => said(page)).toContain('Moved');
    expect(corpus.readEvents().events.some((e) => e.quote === event.quote && e.place !== 'baghdad' && e.checked)).toBe(true);
  });

  it('re-dates a dot to a range, showing the words that gave the old date', async () => {
    const { corpus, server } = await createReview();
    const event = shownAt(corpus, 'baghdad').find((e) => e.start === e.end)!;
    const { page } = await openPage(`${server.url}#place=baghdad`);
    await quoteItem(page, opening(event.quote)).getByRole('button', { name: 'Date' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain(`Now ${formatRange(parseDay(event.start)!, parseDay(event.end)!)}`);
    await dialog.getByLabel('First day').fill('2014-06-10');
    await dialog.getByLabel('Last day').fill('2014-06-12');
    await dialog.getByRole('button', { name: 'Save date' }).click();
    await poll(() => said(page)).toContain('Re-dated');
    await poll(() => sources(page).textContent()).toContain(formatRange(parseDay('2014-06-10')!, parseDay('2014-06-12')!));
    expect(corpus.readEvents().events.find((e) => e.quote === event.quote && e.place === 'baghdad')).toMatchObject({ start: '2014-06-10', end: '2014-06-12', checked: true });
  });

  it('takes the last change back with Undo', async () => {
    const { corpus, server } = await createReview();
    const [event] = shownAt(corpus, 'baghdad');
    const { page } = await openPage(`${server.url}#place=baghdad`);
    const before = await page.locator('.checked-count').textContent();
    await quoteItem(page, opening(event.quote)).getByRole('button', { name: 'Right' }).click();
    await poll(() => quoteItem(page, opening(event.quote)).textContent()).toContain('Checked by a person');
    // Once the new data shows, the panel brings the quote just checked into view and gives it the focus, its buttons next.
    await poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.event)).toBe(event.id);
    expect(await page.locator('.checked-count').textContent()).not.toBe(before);
    await page.getByRole('region', { name: 'Review' }).getByRole('button', { name: 'Undo' }).click();
    await poll(() => said(page)).toContain('Took back');
    await poll(() => quoteItem(page, opening(event.quote)).textContent()).not.toContain('Checked by a person');
    expect(await page.locator('.checked-count').textContent()).toBe(before);
    expect(corpus.readEvents().events.some((e) => e.checked)).toBe(false);
  });

  it('keeps Undo disabled, saying why, until there is a change, and says what it took back in words', async () => {
    const { corpus, server } = await createReview();
    const [event] = shownAt(corpus, 'baghdad');
    const { page } = await openPage(`${server.url}#place=baghdad`);
    const undo = page.getByRole('region', { name: 'Review' }).getByRole('button', { name: 'Undo' });
    await poll(() => undo.isDisabled()).toBe(true);
    expect(await undo.getAttribute('title')).toMatch(/^Nothing to take back/);
    await quoteItem(page, opening(event.quote)).getByRole('button', { name: 'Wrong' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Wrong place' }).click();
    await poll(() => said(page)).toContain('Marked wrong');
    await poll(() => undo.isEnabled()).toBe(true);
    await undo.click();
    await poll(() => said(page)).toContain('Took back: Wrong at Baghdad (wrong place)');
    expect(await said(page)).not.toContain(event.article); // no raw ids
    await poll(() => undo.isDisabled()).toBe(true);
  });

  it('says dates in the review strip and the Date dialog as the app writes them, not ISO or the browser\'s locale', async () => {
    const { corpus, server } = await createReview();
    const event = shownAt(corpus, 'baghdad').find((e) => e.start === e.end)!;
    const { page } = await openPage(`${server.url}#place=baghdad`);
    await quoteItem(page, opening(event.quote)).getByRole('button', { name: 'Date' }).click();
    const dialog = page.getByRole('dialog');
    await poll(() => dialog.getByLabel('First day').inputValue()).toBe(formatLongDay(parseDay(event.start)!));
    expect(await dialog.getByLabel('First day').getAttribute('type')).toBe('text');
    await dialog.getByLabel('Last day').fill('nonsense');
    await poll(() => dialog.textContent()).toContain('Last day:');
    expect(await dialog.getByRole('button', { name: 'Save date' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Last day').fill('25 Jun 2014');
    await dialog.getByLabel('First day').fill('24 Jun 2014');
    await dialog.getByRole('button', { name: 'Save date' }).click();
    await poll(() => said(page)).toContain(`is now ${formatRange(parseDay('2014-06-24')!, parseDay('2014-06-25')!)}`);
    expect(await said(page)).not.toMatch(/\d{4}-\d\d-\d\d/);
    expect(corpus.readEvents().events.find((e) => e.quote === event.quote && e.place === 'baghdad')).toMatchObject({ start: '2014-06-24', end: '2014-06-25' });
  });

  it('takes back, with the Move to a gazetteer place, the curated place the move added', async () => {
    const { corpus, server } = await createReview();
    const [event] = shownAt(corpus, 'baghdad');
    const curatedBefore = readFileSync(corpus.places, 'utf8');
    const { page } = await openPage(`${server.url}#place=baghdad`);
    await quoteItem(page, opening(event.quote)).getByRole('button', { name: 'Move' }).click();
    await page.getByRole('dialog').getByLabel('Place name').fill('Samarra');
    const hit = page.getByRole('list', { name: 'Places found' }).getByRole('button', { name: /gazetteer$/ }).first();
    await poll(() => hit.count()).toBe(1);
    const name = (await hit.locator('strong').textContent())!;
    await hit.click();
    await poll(() => said(page)).toContain('Moved');
    expect(readFileSync(corpus.places, 'utf8')).not.toBe(curatedBefore);
    await page.getByRole('region', { name: 'Review' }).getByRole('button', { name: 'Undo' }).click();
    await poll(() => said(page)).toContain(`Took back: Move at Baghdad (to ${name})`);
    expect(await said(page)).toContain('no longer among the curated places');
    expect(readFileSync(corpus.places, 'utf8')).toBe(curatedBefore);
    expect(corpus.readEvents().events.some((e) => e.quote === event.quote && e.place === 'baghdad')).toBe(true);
  });

  it('marks rows of the list of events right, with the same buttons', async () => {
    const { corpus, server } = await createReview();
    const { page } = await openPage(`${server.url}#list=events`);
    const rows = page.getByRole('list', { name: 'Events in the window, by date' }).locator('li.event-row');
    await poll(() => rows.first().getByRole('button', { name: 'Right' }).isEnabled()).toBe(true);
    await rows.first().getByRole('button', { name: 'Right' }).click();
    await poll(() => said(page)).toContain('Checked');
    await poll(() => rows.first().textContent()).toContain('Checked by a person');
    // The row waits for its new line (its buttons disabled meanwhile): the focus is not lost to the page, the answer takes it.
    await poll(() => page.evaluate(() => document.activeElement?.classList.contains('review-message'))).toBe(true);
    expect(corpus.readEvents().events.filter((e) => e.checked)).toHaveLength(1);
  });

  it('keeps the list of events where it was when a row far down is corrected', async () => {
    const { server } = await createReview();
    const { page } = await openPage(`${server.url}#list=events`);
    const list = page.getByRole('list', { name: 'Events in the window, by date' });
    await list.locator('li.event-row button.row-button').first().focus();
    await page.keyboard.press('End');
    const last = list.locator('li.event-row').last();
    const position = await last.getAttribute('aria-posinset');
    await poll(() => last.getByRole('button', { name: 'Right' }).isEnabled()).toBe(true);
    const scrolled = await page.locator('.event-scroller').evaluate((el) => el.scrollTop);
    expect(scrolled).toBeGreaterThan(0);
    await last.getByRole('button', { name: 'Right' }).click();
    await poll(() => said(page)).toContain('Checked');
    const again = list.locator(`li.event-row[aria-posinset="${position}"]`);
    await poll(() => again.textContent()).toContain('Checked by a person');
    const rowHeight = await page.locator('.event-list-panel').evaluate((el) => parseFloat(el.style.getPropertyValue('--row-height')));
    expect(Math.abs((await page.locator('.event-scroller').evaluate((el) => el.scrollTop)) - scrolled)).toBeLessThan(rowHeight); // back at the row at its top
  });

  it('merges a second tab’s change of another event, and tells it to reload when both changed one event', async () => {
    const { corpus, server } = await createReview();
    const [x, y] = shownAt(corpus, 'baghdad');
    const a = await openPage(`${server.url}#place=baghdad`);
    const b = await openPage(`${server.url}#place=baghdad`);
    await quoteItem(a.page, opening(x.quote)).getByRole('button', { name: 'Right' }).click();
    await poll(() => said(a.page)).toContain('Checked');
    await quoteItem(b.page, opening(y.quote)).getByRole('button', { name: 'Right' }).click(); // on the version before a's
    await poll(() => b.page.locator('.checked-count').textContent()).toContain('2 of');
    await poll(() => quoteItem(b.page, opening(x.quote)).textContent()).toContain('Checked by a person'); // a's change, shown in b
    // Now a is behind, and y is what b changed since: a's change of y is not merged, a is told to reload.
    await quoteItem(a.page, opening(y.quote)).getByRole('button', { name: 'Wrong' }).click();
    await a.page.getByRole('dialog').getByRole('button', { name: 'Repeats another' }).click();
    await poll(() => said(a.page)).toContain('reload');
    expect(await a.page.getByRole('region', { name: 'Review' }).getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
    const file = JSON.parse(readFileSync(corpus.corrections, 'utf8')) as { corrections: { action: string }[] };
    expect(file.corrections.map((c) => c.action)).toEqual(['right', 'right']);
  });

  it('is clean for axe, with its buttons and a dialog open, at desktop and phone sizes', async () => {
    const { corpus, server } = await createReview();
    const [event] = shownAt(corpus, 'baghdad');
    for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const { page } = await openPage(`${server.url}#place=baghdad`, size);
      await quoteItem(page, opening(event.quote)).getByRole('button', { name: 'Right' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await quoteItem(page, opening(event.quote)).getByRole('button', { name: 'Move' }).click();
      await page.getByRole('dialog').getByLabel('Place name').fill('Mosul');
      await page.getByRole('list', { name: 'Places found' }).getByRole('button').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
    }
  });
});

describe('settling places on the map', () => {
  it('accepts one place, keeps another’s runner-up, and rejects a third', async () => {
    const { corpus, server } = await createPlacesReviewServer(TEST_APP);
    cleanups.push(() => server.close(), () => rmSync(corpus.dir, { recursive: true, force: true }));
    const found = (name: string) => (JSON.parse(readFileSync(join(corpus.dir, 'events.json'), 'utf8')) as { places: { id: string; properties: { name: string } }[] }).places.find((p) => p.properties.name === name)?.id;
    const curated = () => JSON.parse(readFileSync(corpus.places, 'utf8')) as { features: { id: string; properties: { source: string } }[]; notPlaces?: { name: string }[] };
    const { page } = await openPage(`${server.url}#place=${found('Kherson')}`);
    const note = sources(page).getByRole('region', { name: 'Unreviewed place' });
    await note.getByRole('button', { name: 'Accept' }).click();
    await poll(() => said(page)).toContain('accepted');
    await poll(() => note.count()).toBe(0);
    expect(curated().features.map((f) => f.id)).toContain('kherson');

    await page.goto(`${server.url}#place=${found('Lalitpur')}`);
    await note.getByRole('button', { name: 'Choose another' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /^Pātan \(NP/ }).click();
    await poll(() => said(page)).toContain('accepted');
    expect(curated().features.find((f) => f.id === 'lalitpur')?.properties.source).toContain('(Pātan), chosen over');

    await page.goto(`${server.url}#place=${found('Kyiv')}`);
    await note.getByRole('button', { name: 'Reject' }).click();
    await poll(() => said(page)).toContain('not a place');
    await poll(() => sources(page).count()).toBe(0); // Kyiv has no event left: its panel closes
    expect(curated().notPlaces?.map((n) => n.name)).toContain('Kyiv');
  });
});

describe('the published map', () => {
  it('shows what a person checked, and no review button', async () => {
    const corpus = createReviewCorpus();
    cleanups.push(() => rmSync(corpus.dir, { recursive: true, force: true }));
    ingestFiles({ articles: corpus.articles, places: corpus.places, out: corpus.events });
    const [event] = shownAt(corpus, 'baghdad');
    const correction = { action: 'right', article: event.article, quote: event.quote, place: event.place, at: '2026-12-07T01:00:00Z' };
    writeFileSync(corpus.corrections, JSON.stringify({ format: 'datelines-corrections 1', version: 1, corrections: [correction] }));
    ingestFiles({ articles: corpus.articles, places: corpus.places, out: corpus.events });
    const served = await serveBuiltApp(await buildAppOn({ dir: corpus.dir, data: corpus.dir, places: corpus.places }, 'dist'));
    cleanups.push(() => served.close());
    const { page, consoleErrors } = await openPage(`${served.url}#place=baghdad`);
    expect(await page.locator('.checked-count').textContent()).toBe(`1 of ${shownByDefault(corpus.readEvents()).length} events checked`);
    await poll(() => quoteItem(page, opening(event.quote)).textContent()).toContain('Checked by a person');
    expect(await page.getByRole('button', { name: 'Right' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Close sources' }).click();
    await page.getByRole('tab', { name: 'Events by date' }).click();
    await poll(() => page.locator('li.event-row', { hasText: 'Checked by a person' }).count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });
});
