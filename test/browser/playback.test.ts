import { readFileSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/core/day.ts';
import { formatRange } from '../../src/core/format.ts';
import { PLAYBACK_SPEEDS } from '../../src/core/playback-schedule.ts';
import { ownSeedApp, shownByDefault } from './harness.ts';

// Play and Pause on the seed corpus (data/, geo/places.geojson), built into a folder of its own so that a build of
// dist/ running beside these tests cannot change what they drive. Times are the page's own (performance.now()),
// taken when the handles' aria-valuetext changes: the tests wait for a state, then measure what happened.

const seed: { threshold?: number; events: { start: string; end: string; confidence?: number }[] } = JSON.parse(readFileSync('data/events.json', 'utf8'));
/** The events shown at the default minimum confidence (the file's threshold): what plays. */
const events = shownByDefault(seed);
/** The first day an event shown by default starts: where Play from the whole timeline begins. */
const firstDay = events.map((e) => e.start).sort()[0];
const isoDaysAfter = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const day = (text: string) => parseDay(text)!;
const daysBetween = (from: string, to: string) => day(to) - day(from);
const expectedCount = (from: string, to: string) => events.filter((e) => e.start <= to && e.end >= from).length;

const app = ownSeedApp('playback');

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };

const open = app.open;

const desktop = (hash = '') => open({ viewport: { width: 1400, height: 900 } }, hash);

interface Seen {
  /** performance.now() in the page when the handles came to say this window. */
  t: number;
  from: string;
  to: string;
}

/** Starts noting each window the handles say, with when; returns what reads the notes so far. */
async function recordWindows(page: Page): Promise<() => Promise<Seen[]>> {
  await page.evaluate(() => {
    const start = document.querySelector('[role="slider"][aria-label="Start date"]')!;
    const end = document.querySelector('[role="slider"][aria-label="End date"]')!;
    const seen: Seen[] = ((window as unknown as { windowsSeen: Seen[] }).windowsSeen = []);
    const note = () => {
      const from = start.getAttribute('aria-valuetext')!;
      const to = end.getAttribute('aria-valuetext')!;
      const last = seen.at(-1);
      if (!last || last.from !== from || last.to !== to) seen.push({ t: performance.now(), from, to });
    };
    note();
    for (const handle of [start, end]) new MutationObserver(note).observe(handle, { attributes: true, attributeFilter: ['aria-valuetext'] });
  });
  return () => page.evaluate(() => (window as unknown as { windowsSeen: Seen[] }).windowsSeen);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

describe('Play', () => {
  it('holds 23 June 2014, the busiest day, for more than a second at normal speed', async () => {
    const { page, close } = await desktop('#from=2014-06-10&to=2014-06-16');
    expect(await page.getByRole('combobox', { name: 'Playback speed' }).inputValue()).toBe('normal');
    const seen = await recordWindows(page);
    // when a person presses Play, and the window's end has reached 23 June and gone two days on
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => (await seen()).some((w) => w.to > '2014-06-25'), { timeout: 15_000 }).toBe(true);
    // then 23 June was the window's end for over a second
    const windows = await seen();
    const i = windows.findIndex((w) => w.to === '2014-06-23');
    expect(i).toBeGreaterThan(0);
    expect(windows[i + 1].t - windows[i].t).toBeGreaterThanOrEqual(1000);
    // and longer than a day without events
    const quiet = windows.findIndex((w) => w.to === '2014-06-25');
    expect(windows[i + 1].t - windows[i].t).toBeGreaterThan(2 * (windows[quiet + 1].t - windows[quiet].t));
    await close();
  });

  it('moves the window by whole days at the chosen speed, as wide as it was', async () => {
    const { page, close } = await desktop('#from=2014-11-27&to=2014-12-03');
    await page.getByRole('combobox', { name: 'Playback speed' }).selectOption('slow');
    const seen = await recordWindows(page);
    await page.getByRole('button', { name: 'Play' }).click();
    // when the window has gone past the days of December 2014 with events
    await expect.poll(async () => (await seen()).some((w) => w.from > '2014-12-03'), { timeout: 15_000 }).toBe(true);
    const all = await seen();
    const windows = all.slice(0, all.findIndex((w) => w.from > '2014-12-03') + 1);
    const step = 1000 / PLAYBACK_SPEEDS.slow;
    const gaps: number[] = [];
    for (let i = 1; i < windows.length; i++) {
      const [before, after] = [windows[i - 1], windows[i]];
      // one day further, the width kept, while the window holds 3 December
      expect(daysBetween(before.from, after.from)).toBe(1);
      expect(daysBetween(after.from, after.to)).toBe(6);
      if (i > 1) gaps.push(after.t - before.t); // the first hold began before the recording
    }
    // each plain day shows for a step of the slow speed: never less, and steadily (timers in a busy page run late)
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(step - 5);
    expect(median(gaps)).toBeLessThan(step * 1.5);
    await close();
  });

  it('from the whole timeline plays a week from its start, keeping that width, on an axis where its handles stand apart', async () => {
    const { page, close } = await open(PHONE);
    const seen = await recordWindows(page);
    await page.getByRole('button', { name: 'Play' }).tap();
    await expect.poll(async () => (await seen()).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    const [, ...played] = await seen();
    expect(played[0]).toMatchObject({ from: firstDay, to: isoDaysAfter(firstDay, 6) });
    for (const w of played) expect(daysBetween(w.from, w.to)).toBe(6);
    // a week of the whole timeline is 3 px on a phone: the axis is zoomed to the days around it, so that the window
    // is as wide as its two handles (24 px each) at least
    expect((await page.locator('svg.chart .window-band').boundingBox())!.width).toBeGreaterThanOrEqual(48);
    await close();
  });

  it('changes the label, the handles and the live count in the same frame', async () => {
    const { page, close } = await desktop('#from=2014-06-17&to=2014-06-20');
    await page.getByRole('combobox', { name: 'Playback speed' }).selectOption('fast');
    // Each frame, before it is painted: what the handles, the label and the count say.
    await page.evaluate(() => {
      const frames: string[][] = ((window as unknown as { frames: string[][] }).frames = []);
      const read = () => {
        const value = (name: string) => document.querySelector(`[role="slider"][aria-label="${name}"]`)!.getAttribute('aria-valuetext')!;
        frames.push([value('Start date'), value('End date'), document.querySelector('.window-label strong')!.textContent!, document.querySelector('[role="status"]')!.textContent!]);
        requestAnimationFrame(read);
      };
      requestAnimationFrame(read);
    });
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => (await page.getByRole('slider', { name: 'End date' }).getAttribute('aria-valuetext'))! > '2014-06-30', { timeout: 15_000 }).toBe(true);
    const frames = await page.evaluate(() => (window as unknown as { frames: string[][] }).frames);
    expect(new Set(frames.map((f) => f[1])).size).toBeGreaterThan(5);
    for (const [from, to, label, status] of frames) {
      expect(label).toBe(formatRange(day(from), day(to)));
      expect(status).toBe(`${expectedCount(from, to)} of ${seed.events.length} events`);
    }
    await close();
  });

  it('draws the busiest day’s events on the map while the label still shows it', async () => {
    // The whole world in view, so that every place's mark (or its cluster) is drawn.
    const { page, close } = await desktop('#from=2014-06-10&to=2014-06-16&map=1.5/30/-20');
    await page.evaluate(() => {
      const frames: [string, number][] = ((window as unknown as { drawn: [string, number][] }).drawn = []);
      const read = () => {
        const features = window.map!.queryRenderedFeatures({ layers: ['clusters', 'place-marks'] });
        const total = features.reduce((sum, f) => sum + Number(f.properties.events ?? f.properties.count ?? 0), 0);
        frames.push([document.querySelector('[role="slider"][aria-label="End date"]')!.getAttribute('aria-valuetext')!, total]);
        requestAnimationFrame(read);
      };
      requestAnimationFrame(read);
    });
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => (await page.getByRole('slider', { name: 'End date' }).getAttribute('aria-valuetext'))! > '2014-06-23', { timeout: 15_000 }).toBe(true);
    const drawn = await page.evaluate(() => (window as unknown as { drawn: [string, number][] }).drawn);
    const onTheDay = drawn.filter(([to]) => to === '2014-06-23').map(([, total]) => total);
    expect(onTheDay).toContain(expectedCount('2014-06-17', '2014-06-23'));
    // and for most of the time the label shows it
    const caughtUp = onTheDay.filter((total) => total === expectedCount('2014-06-17', '2014-06-23')).length;
    expect(caughtUp / onTheDay.length).toBeGreaterThan(0.5);
    await close();
  });
});

describe('Pause', () => {
  it('stops the window where it is, as wide as it was, with a pause glyph of two bars while playing', async () => {
    const { page, close } = await desktop('#from=2014-06-10&to=2014-06-16');
    await page.getByRole('combobox', { name: 'Playback speed' }).selectOption('fast');
    const seen = await recordWindows(page);
    await page.getByRole('button', { name: 'Play' }).click();
    const pause = page.getByRole('button', { name: 'Pause' });
    // the glyph, drawn alone at its size on the page (16 px): across its middle row, two dark runs (two bars), not
    // one (a square)
    const runs = await pause.evaluate(async (button) => {
      const svg = button.querySelector('svg')!.cloneNode(true) as SVGSVGElement;
      const size = Math.round(button.querySelector('svg')!.getBoundingClientRect().width);
      svg.setAttribute('color', '#000');
      const image = new Image();
      image.src = `data:image/svg+xml,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = size;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0, size, size);
      const row = context.getImageData(0, size / 2, size, 1).data;
      let count = 0;
      for (let x = 0, inside = false; x < size; x++) {
        const dark = row[x * 4 + 3] > 128;
        if (dark && !inside) count++;
        inside = dark;
      }
      return count;
    });
    expect(runs).toBe(2);
    // when the window has moved twice, a person presses Pause
    await expect.poll(async () => (await seen()).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await pause.click();
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    const paused = (await seen()).at(-1)!;
    expect(daysBetween(paused.from, paused.to)).toBe(6);
    // then for longer than the longest hold at that speed, with the page's timers running, the window stays
    const longest = (11 * 1000) / PLAYBACK_SPEEDS.fast;
    await page.evaluate((ms) => new Promise((resolve) => setTimeout(resolve, ms)), longest * 2);
    expect((await seen()).at(-1)).toEqual(paused);
    await close();
  });
});
