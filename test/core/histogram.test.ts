import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DailyCounts } from '../../src/core/counts.ts';
import { parseDay } from '../../src/core/day.ts';
import { drawHistogram, type HistogramDrawing } from '../../src/core/histogram.ts';

const day = (text: string) => parseDay(text)!;
const EXPECTED = 'test/expected/histogram.svg';

/**
 * Two weeks from 16 June 2014, shaped like the seed corpus's busiest fortnight: ten exact events and three possible
 * ones on 23 June (the tallest bar, both parts stacked), days with only possible events, and empty days.
 */
function createDaily(): DailyCounts {
  return {
    firstDay: day('2014-06-16'),
    exact: Int32Array.from([0, 1, 0, 0, 2, 0, 0, 10, 4, 0, 0, 1, 0, 0]),
    possible: Int32Array.from([0, 0, 0, 1, 1, 3, 3, 3, 3, 3, 0, 0, 0, 0]),
  };
}

/** The chart as the time window bar draws it (TimeWindowBar.tsx's <svg class="chart">), colours from styles.css. */
function toSvg(drawing: HistogramDrawing, width: number, height: number): string {
  const path = (className: string, d: string, fill: string) => `  <path class="${className}" fill="${fill}" d="${d}"/>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    '  <defs>',
    '    <pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">',
    '      <rect width="4" height="4" fill="#ebe6de"/>',
    '      <line x1="0" y1="0" x2="0" y2="4" stroke="#9d9484" stroke-width="1.6"/>',
    '    </pattern>',
    '  </defs>',
    `  <rect class="window-band" fill="#e9f1fa" x="${drawing.band.x}" y="0" width="${drawing.band.width}" height="${height}"/>`,
    path('bar exact', drawing.paths.exactInside, '#4a443c'),
    path('bar exact out-of-window', drawing.paths.exactOutside, '#c9c2b6'),
    path('bar possible', drawing.paths.possibleInside, 'url(#hatch)'),
    path('bar possible out-of-window" opacity="0.45', drawing.paths.possibleOutside, 'url(#hatch)'),
    '</svg>',
    '',
  ].join('\n');
}

describe('the histogram', () => {
  it('draws a fixed fortnight as the checked-in SVG (UPDATE_SNAPSHOTS=1 rewrites it)', () => {
    const drawing = drawHistogram(createDaily(), { domain: { from: day('2014-06-13'), to: day('2014-07-02') }, window: { from: day('2014-06-20'), to: day('2014-06-25') }, width: 200, height: 56 });
    const svg = toSvg(drawing, 200, 56);
    if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(EXPECTED, svg);
    expect(existsSync(EXPECTED), `${EXPECTED} is missing: run UPDATE_SNAPSHOTS=1 TZ=UTC npx vitest run test/core/histogram.test.ts`).toBe(true);
    expect(svg).toBe(readFileSync(EXPECTED, 'utf8'));
  });

  it('fits the tallest bar, its exact and possible parts stacked, inside the chart, reaching its top', () => {
    const height = 56;
    const drawing = drawHistogram(createDaily(), { domain: { from: day('2014-06-16'), to: day('2014-06-29') }, window: { from: day('2014-06-16'), to: day('2014-06-29') }, width: 280, height });
    const tallest = drawing.bars.find((b) => b.day === day('2014-06-23'))!;
    expect(drawing.maxCount).toBe(13);
    expect(tallest.possibleY).toBeCloseTo(4, 6); // the headroom
    for (const bar of drawing.bars) {
      expect(bar.possibleY).toBeGreaterThanOrEqual(0);
      expect(bar.possibleY).toBeLessThanOrEqual(bar.exactY);
      expect(bar.exactY).toBeLessThanOrEqual(height);
    }
  });

  it('gives a bar the height of its whole count, so that one bar of 13 is as tall as another of 13', () => {
    const daily: DailyCounts = { firstDay: 0, exact: Int32Array.from([13, 10, 0]), possible: Int32Array.from([0, 3, 13]) };
    const { bars } = drawHistogram(daily, { domain: { from: 0, to: 2 }, window: { from: 0, to: 2 }, width: 30, height: 56 });
    expect(bars.map((b) => b.possibleY)).toEqual([4, 4, 4]);
    expect(bars[1].exactY).toBeGreaterThan(bars[0].exactY);
  });

  it('merges days into wider bars when a day would be narrower than 3 px, the last bar no wider than its days', () => {
    const drawing = drawHistogram(createDaily(), { domain: { from: day('2014-06-16'), to: day('2014-06-30') }, window: { from: day('2014-06-16'), to: day('2014-06-30') }, width: 30, height: 56 });
    expect(drawing.binSize).toBe(2);
    expect(drawing.bars.map((b) => b.exact + b.possible)).toEqual([1, 1, 6, 16, 10, 1, 0, 0]);
    const last = drawing.bars.at(-1)!;
    expect(last.days).toBe(1);
    expect(last.x + last.width).toBeLessThanOrEqual(30);
  });

  it('marks the bars that share a day with the window as inside it', () => {
    const drawing = drawHistogram(createDaily(), { domain: { from: day('2014-06-16'), to: day('2014-06-29') }, window: { from: day('2014-06-22'), to: day('2014-06-23') }, width: 280, height: 56 });
    expect(drawing.bars.filter((b) => b.inside).map((b) => b.day)).toEqual([day('2014-06-22'), day('2014-06-23')]);
  });

  it('draws nothing but the band when no day has an event', () => {
    const daily: DailyCounts = { firstDay: 0, exact: new Int32Array(5), possible: new Int32Array(5) };
    const drawing = drawHistogram(daily, { domain: { from: 0, to: 4 }, window: { from: 1, to: 2 }, width: 100, height: 56 });
    expect(Object.values(drawing.paths)).toEqual(['', '', '', '']);
    expect(drawing.band).toEqual({ x: 20, width: 40 });
  });

  it('keeps the band of a window that reaches past the axis inside the chart', () => {
    const daily: DailyCounts = { firstDay: 0, exact: new Int32Array(5), possible: new Int32Array(5) };
    const drawing = drawHistogram(daily, { domain: { from: 0, to: 4 }, window: { from: -10, to: 40 }, width: 100, height: 56 });
    expect(drawing.band).toEqual({ x: 0, width: 100 });
  });
});
