import { scaleLinear } from 'd3-scale';
import type { DayBin } from './counts.ts';
import type { Day } from './day.ts';
import type { TimeWindow } from './time-window.ts';

export const MIN_AXIS_DAYS = 7;

/**
 * Zooms the visible axis around `anchor` (a day that stays under the pointer): factor < 1 zooms in, > 1 out.
 * The result keeps at least MIN_AXIS_DAYS, never leaves `bounds`, and keeps `anchor` at the same relative place.
 */
export function zoomDomain(domain: TimeWindow, anchor: Day, factor: number, bounds: TimeWindow): TimeWindow {
  const span = domain.to - domain.from + 1;
  const maxSpan = bounds.to - bounds.from + 1;
  const next = Math.round(Math.min(maxSpan, Math.max(MIN_AXIS_DAYS, span * factor)));
  const t = span > 1 ? (anchor - domain.from) / (span - 1) : 0.5;
  const from = Math.round(anchor - t * (next - 1));
  return fitInside({ from, to: from + next - 1 }, bounds);
}

/** Moves the visible axis by `days` without changing its span, stopping at the bounds. */
export function panDomain(domain: TimeWindow, days: number, bounds: TimeWindow): TimeWindow {
  return fitInside({ from: domain.from + days, to: domain.to + days }, bounds);
}

/** The visible axis that frames a window with some room either side (a quarter of its width, at least 3 days). */
export function domainAround(window: TimeWindow, bounds: TimeWindow): TimeWindow {
  const pad = Math.max(3, Math.round((window.to - window.from + 1) / 4));
  const wanted = { from: window.from - pad, to: window.to + pad };
  if (wanted.to - wanted.from + 1 < MIN_AXIS_DAYS) wanted.to = wanted.from + MIN_AXIS_DAYS - 1;
  return fitInside(wanted, bounds);
}

/**
 * The visible axis `domain` laid across `width` px: day `d` covers [x(d), x(d + 1)). `dayAt` is the day under a px,
 * clamped to the axis; `pxPerDay` is a day's width.
 */
export function makeDayScale(domain: TimeWindow, width: number) {
  const scale = scaleLinear().domain([domain.from, domain.to + 1]).range([0, width]);
  return {
    x: (day: Day) => scale(day),
    dayAt: (px: number) => Math.min(domain.to, Math.max(domain.from, Math.floor(scale.invert(px)))),
    pxPerDay: width / (domain.to - domain.from + 1),
  };
}

/** Shifts `domain` into `bounds` (or shrinks it to them). */
export function fitInside(domain: TimeWindow, bounds: TimeWindow): TimeWindow {
  const span = Math.min(domain.to - domain.from, bounds.to - bounds.from);
  const from = Math.min(Math.max(domain.from, bounds.from), bounds.to - span);
  return { from, to: from + span };
}

/** Merges daily bins into bins of `size` days, starting at the first bin's day. */
export function rebin(bins: readonly DayBin[], size: number): DayBin[] {
  if (size <= 1) return [...bins];
  const out: DayBin[] = [];
  for (let i = 0; i < bins.length; i += size) {
    const group = bins.slice(i, i + size);
    out.push({ day: group[0].day, exact: sum(group, 'exact'), possible: sum(group, 'possible') });
  }
  return out;
}

function sum(bins: readonly DayBin[], key: 'exact' | 'possible'): number {
  let total = 0;
  for (const b of bins) total += b[key];
  return total;
}
