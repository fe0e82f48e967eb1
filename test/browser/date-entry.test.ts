import { readFileSync } from 'node:fs';
import type { BrowserContextOptions } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/core/day.ts';
import { formatLongDay, formatRange } from '../../src/core/format.ts';
import { ownSeedApp, shownByDefault, windowHandles } from './harness.ts';

// Setting the time window without dragging: the handles' keys and the typed dates, on the seed corpus (data/,
// geo/places.geojson), on a desktop and on a phone with touch; built into a folder of its own so that a build of
// dist/ running beside these tests cannot change what they drive.

const seed: { threshold?: number; events: { start: string; end: string; confidence?: number }[] } = JSON.parse(readFileSync('data/events.json', 'utf8'));
const events = seed.events;
const firstDay = events.map((e) => e.start).sort()[0];
const lastDay = events.map((e) => e.end).sort().at(-1)!;
/** The status for a window: the events shown at the default minimum confidence (the file's threshold), of them all. */
const expectedCount = (from: string, to: string) => `${shownByDefault(seed).filter((e) => e.start <= to && e.end >= from).length} of ${events.length} events`;

const DESKTOP: BrowserContextOptions = { viewport: { width: 1400, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };

const app = ownSeedApp('date-entry');

const open = app.open;

const handles = windowHandles;

/** A YYYY-MM-DD day as the app writes it ("11 Nov 2022"). */
const long = (iso: string) => formatLongDay(parseDay(iso)!);
/** What the date fields say beside them: the forms they read and the data's days, or why a typed day was refused. */
const hint = (page: import('playwright-core').Page) => page.locator('.date-hint').textContent();

describe("the handles' keys", () => {
  it('move a day with an arrow, a week with Shift and an arrow, a month with PageUp and PageDown', async () => {
    const { page, close } = await open(DESKTOP, '#from=2014-12-01&to=2014-12-31');
    const { start, window } = handles(page);
    await start.focus();
    const after = async (key: string) => {
      await page.keyboard.press(key);
      return start.getAttribute('aria-valuetext');
    };
    expect(await after('ArrowRight')).toBe('2014-12-02');
    expect(await after('Shift+ArrowRight')).toBe('2014-12-09');
    expect(await after('Shift+ArrowUp')).toBe('2014-12-16');
    expect(await after('Shift+ArrowLeft')).toBe('2014-12-09');
    expect(await after('Shift+ArrowDown')).toBe('2014-12-02');
    expect(await after('ArrowLeft')).toBe('2014-12-01');
    expect(await after('PageDown')).toBe('2014-11-01');
    expect(await after('PageUp')).toBe('2014-12-01');
    expect(await window()).toEqual(['2014-12-01', '2014-12-31']);
    await expect.poll(() => page.getByRole('status').textContent()).toBe(expectedCount('2014-12-01', '2014-12-31'));
    await close();
  });

  it("take a handle to the data's first or last day with Home and End, and no further than the other handle", async () => {
    const { page, close } = await open(DESKTOP, '#from=2014-12-01&to=2014-12-31');
    const { start, end, window } = handles(page);
    await start.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowLeft');
    expect(await window()).toEqual([firstDay, '2014-12-31']);
    await end.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('PageUp');
    expect(await window()).toEqual([firstDay, lastDay]);
    await page.keyboard.press('Home');
    expect(await window()).toEqual([firstDay, firstDay]);
    await close();
  });
});

describe('the date fields', () => {
  for (const [device, options] of [['a desktop', DESKTOP], ['a phone, by touch', PHONE]] as const) {
    it(`set a December window in two entries on ${device}, the count and the address following`, async () => {
      const { page, close } = await open(options);
      const { window } = handles(page);
      const toggle = page.getByRole('button', { name: 'Set dates' });
      // when a person opens the fields
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      if (options.hasTouch) await toggle.tap();
      else await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const from = page.getByLabel('From', { exact: true });
      const to = page.getByLabel('To', { exact: true });
      // they show the window in the app's own form, and say the days the data covers
      expect(await from.inputValue()).toBe(long(firstDay));
      expect(await to.inputValue()).toBe(long(lastDay));
      expect(await hint(page)).toBe(`As 11 Nov 2022 or 2022-11-11; the data covers ${formatRange(parseDay(firstDay)!, parseDay(lastDay)!)}.`);
      // and types December 2014 into them, the first day as the app writes it, the last as ISO
      await from.fill('1 Dec 2014');
      await from.press('Enter');
      await to.fill('2014-12-31');
      await to.press('Enter');
      expect([await from.inputValue(), await to.inputValue()]).toEqual(['1 Dec 2014', '31 Dec 2014']);
      // then the window is December, counted, and in the address
      await expect.poll(window).toEqual(['2014-12-01', '2014-12-31']);
      await expect.poll(() => page.getByRole('status').textContent()).toBe(expectedCount('2014-12-01', '2014-12-31'));
      await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#from=2014-12-01&to=2014-12-31(&|$)/);
      // and the axis shows the month at least as wide as its two handles (24 px each)
      expect((await page.locator('svg.chart .window-band').boundingBox())!.width).toBeGreaterThanOrEqual(48);
      await close();
    });
  }

  it('keep a day outside the data out of the window, and show the window again when left', async () => {
    const { page, close } = await open(DESKTOP, '#from=2014-12-01&to=2014-12-31');
    const { window } = handles(page);
    await page.getByRole('button', { name: 'Set dates' }).click();
    const from = page.getByLabel('From', { exact: true });
    await from.fill('2001-01-01');
    await page.getByLabel('To', { exact: true }).focus();
    expect(await window()).toEqual(['2014-12-01', '2014-12-31']);
    expect(await from.inputValue()).toBe('1 Dec 2014');
    expect(await hint(page)).toBe(`1 Jan 2001 is outside the data’s days (${formatRange(parseDay(firstDay)!, parseDay(lastDay)!)}).`);
    await close();
  });

  it('read days typed in other sensible forms, and say what cannot be read', async () => {
    const { page, close } = await open(DESKTOP, '#from=2014-12-01&to=2014-12-31');
    const { window } = handles(page);
    await page.getByRole('button', { name: 'Set dates' }).click();
    const from = page.getByLabel('From', { exact: true });
    const enter = async (text: string) => {
      await from.fill(text);
      await from.press('Enter');
    };
    await enter('Dec 5, 2014');
    await expect.poll(window).toEqual(['2014-12-05', '2014-12-31']);
    await enter('10/12/2014'); // 10 December or 12 October: refused, both named
    expect(await hint(page)).toBe('“10/12/2014” could be 10 Dec 2014 or 12 Oct 2014: write the month as a word (10 Dec 2014).');
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    await enter('20/12/2014');
    await expect.poll(window).toEqual(['2014-12-20', '2014-12-31']);
    expect(await from.inputValue()).toBe('20 Dec 2014');
    expect(await from.getAttribute('aria-invalid')).toBe('false');
    await enter('31 Feb 2014');
    expect(await hint(page)).toBe('“31 Feb 2014” is not a date: write it as 11 Nov 2022 or 2022-11-11.');
    expect(await window()).toEqual(['2014-12-20', '2014-12-31']);
    await page.screenshot({ path: 'test-results/screens/date-fields-problem.png' });
    await close();
  });

  it('move the other date along when one is typed past it', async () => {
    const { page, close } = await open(DESKTOP, '#from=2014-12-01&to=2014-12-31');
    await page.getByRole('button', { name: 'Set dates' }).click();
    await page.getByLabel('From', { exact: true }).fill('22 Jan 2015');
    await page.getByLabel('From', { exact: true }).press('Enter');
    await expect.poll(handles(page).window).toEqual(['2015-01-22', '2015-01-22']);
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('22 Jan 2015');
    await close();
  });

  it('follow the window when it moves by other means', async () => {
    const { page, close } = await open(DESKTOP, '#from=2014-06-10&to=2014-07-10');
    await page.getByRole('button', { name: 'Set dates' }).click();
    await page.getByRole('button', { name: 'Next day with events' }).click();
    await expect.poll(() => page.getByLabel('From', { exact: true }).inputValue()).toBe('21 Jun 2014');
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('21 Jul 2014');
    await close();
  });
});
