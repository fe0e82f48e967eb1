import { addMonths, partsOf, dayFromParts, lastOfMonth, type Day } from './day.ts';

/** A time window: both `from` and `to` are included; `from <= to`. */
export interface TimeWindow {
  from: Day;
  to: Day;
}

export interface Dated {
  start: Day;
  /** Inclusive. */
  end: Day;
}

/** An event shows when its range and the window share at least one day. */
export function overlaps(event: Dated, window: TimeWindow): boolean {
  return event.start <= window.to && event.end >= window.from;
}

/** Keeps a window inside `bounds` and ordered; a handle pushed past the other one stops there. */
export function clampWindow(window: TimeWindow, bounds: TimeWindow): TimeWindow {
  const from = Math.min(Math.max(window.from, bounds.from), bounds.to);
  const to = Math.min(Math.max(window.to, from), bounds.to);
  return { from, to };
}

/** Moves the whole window by `days`, keeping its width, stopping at the bounds. */
export function shiftWindow(window: TimeWindow, days: number, bounds: TimeWindow): TimeWindow {
  const width = window.to - window.from;
  const from = Math.min(Math.max(window.from + days, bounds.from), Math.max(bounds.from, bounds.to - width));
  return { from, to: Math.min(from + width, bounds.to) };
}

/** The same day of the month `months` away, or the month's last day when it is shorter (Jan 31 + 1 → Feb 28). */
export function addMonthsClamped(day: Day, months: number): Day {
  const target = addMonths(day, months);
  const { dayOfMonth } = partsOf(day);
  const { year, month } = partsOf(target);
  return dayFromParts(year, month, dayOfMonth) ?? lastOfMonth(target);
}

/** The first day in sorted `days` after `day` (or before it, for `direction` -1); null when there is none. */
export function stepToEventDay(days: readonly Day[], day: Day, direction: 1 | -1): Day | null {
  if (direction === 1) return days.find((d) => d > day) ?? null;
  for (let i = days.length - 1; i >= 0; i--) if (days[i] < day) return days[i];
  return null;
}
