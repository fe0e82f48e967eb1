import { scaleSqrt } from 'd3-scale';
import { makeDayScale, rebin } from './axis.ts';
import { histogram, type DailyCounts } from './counts.ts';
import type { Day } from './day.ts';
import type { TimeWindow } from './time-window.ts';

const defaults = {
  barMinPx: 3, // px: days are merged into wider bars below this width
  headroom: 4, // px kept free above the tallest bar
  gap: 1, // px between neighbouring bars
};

export interface HistogramOptions {
  /** The days the chart shows across its width, both included. */
  domain: TimeWindow;
  /** The time window: bars that share a day with it are `inside`. */
  window: TimeWindow;
  /** The days the band behind the bars covers (a window being drawn by a drag); the window by default. */
  band?: TimeWindow;
  /** The chart's size in px. */
  width: number;
  height: number;
}

/** One bar: the events of `days` days from `day`. Its exact part spans y from `exactY` to the chart's bottom, its possible part from `possibleY` to `exactY` (px, y down). */
export interface HistogramBar {
  day: Day;
  days: number;
  exact: number;
  possible: number;
  x: number;
  width: number;
  exactY: number;
  possibleY: number;
  inside: boolean;
}

export interface HistogramDrawing {
  /** Days per bar. */
  binSize: number;
  /** Events in the tallest bar, exact and possible together: the top of the y scale. */
  maxCount: number;
  bars: HistogramBar[];
  /** The band behind the bars, px. */
  band: { x: number; width: number };
  /** SVG path data, one path per part of the bars and side of the window. */
  paths: { exactInside: string; exactOutside: string; possibleInside: string; possibleOutside: string };
}

/**
 * The histogram under the time window, as numbers and SVG path data: events per day of `domain`, merged into bars at
 * least `barMinPx` wide, exact events solid at the bottom with the days an event with a range may have happened on
 * stacked above them. Heights follow the square root of the count, so that a day with one event still shows beside
 * the busiest one; the tallest bar reaches `headroom` px below the top.
 */
export function drawHistogram(daily: DailyCounts, options: HistogramOptions): HistogramDrawing {
  const { domain, window, width, height } = options;
  const scale = makeDayScale(domain, width);
  const span = domain.to - domain.from + 1;
  const binSize = Math.max(1, Math.ceil(span / (width / defaults.barMinPx)));
  const bins = rebin(histogram(daily, domain), binSize);
  const maxCount = Math.max(1, ...bins.map((b) => b.exact + b.possible));
  const y = scaleSqrt().domain([0, maxCount]).range([0, height - defaults.headroom]);
  const bars = bins.map((bin): HistogramBar => {
    const days = Math.min(binSize, domain.to + 1 - bin.day);
    return {
      ...bin,
      days,
      x: scale.x(bin.day),
      width: Math.max(1, scale.x(bin.day + days) - scale.x(bin.day) - defaults.gap),
      // Stacked by count, not by height: on a square-root scale y(a) + y(b) > y(a + b), which drew the busiest
      // bar above the chart. The bar's top is its whole count's height; the exact part is measured from the bottom.
      exactY: height - y(bin.exact),
      possibleY: height - y(bin.exact + bin.possible),
      inside: bin.day + days - 1 >= window.from && bin.day <= window.to,
    };
  });
  const band = options.band ?? window;
  const bandX = Math.max(0, scale.x(band.from));
  return {
    binSize,
    maxCount,
    bars,
    band: { x: round(bandX), width: round(Math.max(2, Math.min(width, scale.x(band.to + 1)) - bandX)) },
    paths: {
      exactInside: pathOf(bars, (b) => b.inside && b.exact > 0, (b) => [b.exactY, height]),
      exactOutside: pathOf(bars, (b) => !b.inside && b.exact > 0, (b) => [b.exactY, height]),
      possibleInside: pathOf(bars, (b) => b.inside && b.possible > 0, (b) => [b.possibleY, b.exactY]),
      possibleOutside: pathOf(bars, (b) => !b.inside && b.possible > 0, (b) => [b.possibleY, b.exactY]),
    },
  };
}

/** One rectangle per chosen bar, from `top` to `bottom` (px), as SVG path data with coordinates to 0.01 px. */
function pathOf(bars: readonly HistogramBar[], chosen: (bar: HistogramBar) => boolean, span: (bar: HistogramBar) => [top: number, bottom: number]): string {
  let d = '';
  for (const bar of bars) {
    if (!chosen(bar)) continue;
    const [top, bottom] = span(bar);
    d += `M${round(bar.x)},${round(top)}h${round(bar.width)}V${round(bottom)}h${round(-bar.width)}Z`;
  }
  return d;
}

function round(px: number): number {
  return Math.round(px * 100) / 100 + 0; // + 0 turns -0 into 0
}
