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

const WEEK = 7; // days

/**
 * Where a date handle goes for a key, kept within `range` (the days it may reach): ArrowLeft/ArrowDown a day back,
 * ArrowRight/ArrowUp a day on, a week with Shift; PageDown/PageUp a month (the same day of the month, see
 * addMonthsClamped); Home/End the ends of `range`. Null for any other key.
 */
export function handleKeyTarget(key: string, shift: boolean, value: Day, range: TimeWindow): Day | null {
  const arrow = shift ? WEEK : 1;
  const targets: Record<string, () => Day> = {
    ArrowLeft: () => value - arrow,
    ArrowDown: () => value - arrow,
    ArrowRight: () => value + arrow,
    ArrowUp: () => value + arrow,
    PageDown: () => addMonthsClamped(value, -1),
    PageUp: () => addMonthsClamped(value, 1),
    Home: () => range.from,
    End: () => range.to,
  };
  const target = targets[key];
  return target ? Math.min(range.to, Math.max(range.from, target())) : null;
}

/**
 * The window with one bound typed in (a date field): `day` is kept, inside `extent`, and the other bound moves with it
 * when it would otherwise cross it (a start typed after the end makes a one-day window on it).
 */
export function withBound(window: TimeWindow, bound: 'from' | 'to', day: Day, extent: TimeWindow): TimeWindow {
  const d = Math.min(extent.to, Math.max(extent.from, day));
  return bound === 'from' ? { from: d, to: Math.max(d, window.to) } : { from: Math.min(d, window.from), to: d };
}

/** The first day in sorted `days` after `day` (or before it, for `direction` -1); null when there is none. */
export function stepToEventDay(days: readonly Day[], day: Day, direction: 1 | -1): Day | null {
  if (direction === 1) return days.find((d) => d > day) ?? null;
  for (let i = days.length - 1; i >= 0; i--) if (days[i] < day) return days[i];
  return null;
}

/** Days in the window that "next/previous day with events" and Play start from the whole extent: a week. */
export const DEFAULT_WINDOW_DAYS = 7;

const MOVE_ROOM_PX = 8; // a window with less room than this to move in is drawn anew by a drag, not moved

/**
 * Whether a drag across the chart that starts on `day` moves `window` (true) or draws a new one (false), on an axis
 * showing the days `axis` at `pxPerDay`. It moves the window only when it starts on it (either bound included) and
 * the window has room to move: narrower by more than MOVE_ROOM_PX than both the axis and `extent`, the days it may
 * move over. So a drag on the whole extent, or on a window that fills a zoomed-in axis, draws a new window.
 */
export function dragMovesWindow(day: Day, window: TimeWindow, extent: TimeWindow, axis: TimeWindow, pxPerDay: number): boolean {
  if (day < window.from || day > window.to) return false;
  const width = window.to - window.from;
  const room = Math.min(extent.to - extent.from - width, axis.to - axis.from - width);
  return room * pxPerDay > MOVE_ROOM_PX;
}

/**
 * The window moved to start on the next day with events after its start (`direction` 1) or the previous one before
 * it (-1), as wide as it was, stopping at the end of `extent` (where the day it went to stays inside it). From the
 * whole extent, which has nowhere to move, a window of DEFAULT_WINDOW_DAYS starts on the first day with events (1)
 * or the last (-1). Null when there is no such day.
 */
export function stepWindow(window: TimeWindow, extent: TimeWindow, eventDays: readonly Day[], direction: 1 | -1): TimeWindow | null {
  const whole = window.from <= extent.from && window.to >= extent.to;
  const from = whole ? (direction === 1 ? extent.from - 1 : extent.to + 1) : window.from;
  const target = stepToEventDay(eventDays, from, direction);
  if (target === null) return null;
  const width = whole ? DEFAULT_WINDOW_DAYS - 1 : window.to - window.from;
  return shiftWindow({ from: target, to: target + width }, 0, extent);
}
