import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../src/core/day.ts';
import { ownSeedApp, shownByDefault, windowHandles } from './harness.ts';

// The time window bar on the seed corpus (data/, geo/places.geojson), built into a folder of its own so that a
// build of dist/ running beside these tests cannot change what they drive.

const seed: { threshold?: number; events: { start: string; end: string; confidence?: number }[] } = JSON.parse(readFileSync('data/events.json', 'utf8'));
const extent = { from: parseDay(seed.events.map((e) => e.start).sort()[0])!, to: parseDay(seed.events.map((e) => e.end).sort().at(-1)!)! };
/** The events shown at the default minimum confidence (the file's threshold): the days ⏮/⏭ step to. */
const events = shownByDefault(seed);
const day = (text: string) => parseDay(text)!;
const plus = (text: string, days: number) => formatDay(day(text) + days);

const app = ownSeedApp('time-window');

const desktop = (hash = '') => app.open({ viewport: { width: 1400, height: 900 } }, hash);

const handles = windowHandles;

/**
 * The page x of the middle of `text`'s day on the chart, for a chart that shows `axis` (both days included) across
 * its whole width, and the chart's middle y.
 */
async function dayOnChart(page: Page, axis: { from: number; to: number }, text: string): Promise<{ x: number; y: number }> {
  const chart = (await page.locator('svg.chart').boundingBox())!;
  const span = axis.to - axis.from + 1;
  return { x: chart.x + ((day(text) - axis.from + 0.5) / span) * chart.width, y: chart.y + chart.height / 2 };
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

describe('dragging across the chart', () => {
  it('draws a new window on first open, although the window there is a little narrower than the axis', async () => {
    const { page, close } = await desktop();
    const { window } = handles(page);
    // when the app opens on the whole timeline (the axis has three days of room either side)
    expect(await window()).toEqual([formatDay(extent.from), formatDay(extent.to)]);
    const axis = { from: extent.from - 3, to: extent.to + 3 };
    // and a person drags from September 2014 to March 2015
    await drag(page, await dayOnChart(page, axis, '2014-09-01'), await dayOnChart(page, axis, '2015-03-01'));
    // then the handles say the dragged days
    await expect.poll(window).toEqual(['2014-09-01', '2015-03-01']);
    await close();
  });

  it('draws a new window backwards, from right to left', async () => {
    const { page, close } = await desktop();
    const axis = { from: extent.from - 3, to: extent.to + 3 };
    await drag(page, await dayOnChart(page, axis, '2015-10-10'), await dayOnChart(page, axis, '2015-06-20'));
    await expect.poll(handles(page).window).toEqual(['2015-06-20', '2015-10-10']);
    await close();
  });

  it('moves a window narrower than the axis when the drag starts on it, keeping its width', async () => {
    const { page, close } = await desktop();
    const { start, window } = handles(page);
    const axis = { from: extent.from - 3, to: extent.to + 3 };
    // when the window is set to the first two months by a drag
    await drag(page, await dayOnChart(page, axis, '2014-07-01'), await dayOnChart(page, axis, '2014-08-31'));
    await expect.poll(window).toEqual(['2014-07-01', '2014-08-31']);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/from=2014-07-01/);
    // and a person drags its middle 100 days to the right
    await drag(page, await dayOnChart(page, axis, '2014-08-01'), await dayOnChart(page, axis, plus('2014-08-01', 100)));
    // then it has moved by those days, as wide as before
    await expect.poll(() => start.getAttribute('aria-valuetext')).toBe(plus('2014-07-01', 100));
    expect(await window()).toEqual([plus('2014-07-01', 100), plus('2014-08-31', 100)]);
    await close();
  });

  it('draws a new window when the drag starts outside the window', async () => {
    const { page, close } = await desktop('#from=2015-01-01&to=2015-01-31');
    // the axis frames the window with a quarter of its width either side (see domainAround)
    const axis = { from: day('2014-12-24'), to: day('2015-02-08') };
    await drag(page, await dayOnChart(page, axis, '2015-02-02'), await dayOnChart(page, axis, '2015-02-06'));
    await expect.poll(handles(page).window).toEqual(['2015-02-02', '2015-02-06']);
    await close();
  });
});

describe('the histogram', () => {
  for (const [what, hash] of [
    ['the whole timeline', ''],
    ['the axis zoomed to 23 June 2014, the busiest day', '#from=2014-06-20&to=2014-06-26'],
  ] as const) {
    it(`draws every bar inside the chart, the tallest included, on ${what}`, async () => {
      const { page, close } = await desktop(hash);
      const height = (await page.locator('svg.chart').boundingBox())!.height;
      const boxes = await page.locator('svg.chart .bar').evaluateAll((bars) =>
        bars.map((b) => (b as SVGGraphicsElement).getBBox()).filter((b) => b.height > 0).map((b) => ({ top: b.y, bottom: b.y + b.height })),
      );
      expect(boxes.length).toBeGreaterThan(0);
      expect(Math.min(...boxes.map((b) => b.top))).toBeGreaterThanOrEqual(0);
      expect(Math.max(...boxes.map((b) => b.bottom))).toBeLessThanOrEqual(height + 0.01); // getBBox's float rounding
      // the tallest bar reaches (nearly) the top: the scale is not shrunk to make room
      expect(Math.min(...boxes.map((b) => b.top))).toBeLessThan(height * 0.2);
      await close();
    });
  }
});

describe('"Next day with events"', () => {
  const next = (after: string) => events.map((e) => e.start).filter((d) => d > after).sort()[0];

  it('keeps the width of a 31-day window', async () => {
    const { page, close } = await desktop('#from=2014-06-10&to=2014-07-10');
    await page.getByRole('button', { name: 'Next day with events' }).click();
    const to = next('2014-06-10');
    await expect.poll(handles(page).window).toEqual([to, plus(to, 30)]);
    await close();
  });

  it('moves a week-wide window to the first day with events when the window is the whole timeline', async () => {
    const { page, close } = await desktop();
    await page.getByRole('button', { name: 'Next day with events' }).click();
    const first = events.map((e) => e.start).sort()[0];
    await expect.poll(handles(page).window).toEqual([first, plus(first, 6)]);
    await close();
  });
});
