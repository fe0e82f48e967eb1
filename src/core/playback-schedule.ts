import { firstIndex } from './bisect.ts';
import type { DailyCounts } from './counts.ts';
import type { Day } from './day.ts';
import { DEFAULT_WINDOW_DAYS, shiftWindow, type TimeWindow } from './time-window.ts';

/**
 * Playback, as a schedule: which window shows next and for how long. The window moves forward a whole day per step,
 * as wide as it was, at a steady cadence of `daysPerSecond`; it holds longer on a day with events, in proportion to
 * how many; a window with no day of events in it jumps, in one step, to the next day that has some. The window's
 * end is the day being played: the day that has just come into view.
 */

/** Playback speeds a person chooses from, in days per second (one step of a day each 1000 / speed ms). */
export const PLAYBACK_SPEEDS = {
  slow: 2, // days per second
  normal: 5, // days per second
  fast: 15, // days per second
} as const;

export type PlaybackSpeed = keyof typeof PLAYBACK_SPEEDS;

const DWELL_STEPS_PER_EVENT = 0.5; // steps the window holds for each event on the day it reaches
const MAX_DWELL_STEPS = 10; // the longest hold on one day, in steps, however busy it is (2 s at normal speed)

/** What the schedule reads of the data: its days, the days on which events start, and the events per day. */
export interface PlaybackData {
  extent: TimeWindow;
  /** The days on which events start, sorted ascending. */
  eventDays: readonly Day[];
  daily: DailyCounts;
}

export interface PlaybackStep {
  window: TimeWindow;
  /** How long this window shows before the next step, in ms. */
  hold: number;
}

/**
 * How wide the window is when playback starts from the whole timeline, which has nowhere to move: a week, as
 * "Next day with events" chooses from there, so the two ways out of the whole timeline agree; and short enough that
 * what the map shows is the news of the days the label names, each day's events on it for a week of steps (1.4 s at
 * normal speed, longer with the holds), not a month of them at once. A quarter of the timeline when that is shorter,
 * so the window still has room to move.
 */
export function playbackWidth(extent: TimeWindow): number {
  return Math.max(1, Math.min(DEFAULT_WINDOW_DAYS, Math.floor((extent.to - extent.from + 1) / 4)));
}

/**
 * The first window Play shows: the window as it is; from the whole timeline, a window of playbackWidth days from
 * its first day on which an event shown starts (a range under the minimum confidence may stretch the timeline back
 * over days with nothing shown); from the end of the timeline, the same width again from there.
 */
export function firstPlaybackStep(window: TimeWindow, data: PlaybackData, daysPerSecond: number): PlaybackStep {
  const { extent, eventDays } = data;
  const whole = window.from <= extent.from && window.to >= extent.to;
  const width = whole ? playbackWidth(extent) : window.to - window.from + 1;
  const start = Math.max(extent.from, eventDays[0] ?? extent.from);
  const first = whole || window.to >= extent.to ? shiftWindow({ from: start, to: start + width - 1 }, 0, extent) : window;
  return { window: first, hold: holdFor(first, data, daysPerSecond) };
}

/**
 * The window after `window`: a day later, or, when `window` holds no day on which an event starts, ending on the next
 * day that does (the end of the timeline when there is none); as wide as `window`. Null when `window` already
 * reaches the end of the timeline: playback is over.
 */
export function nextPlaybackStep(window: TimeWindow, data: PlaybackData, daysPerSecond: number): PlaybackStep | null {
  const { extent, eventDays } = data;
  if (window.to >= extent.to) return null;
  const inside = firstAtOrAfter(eventDays, window.from);
  const empty = inside === eventDays.length || eventDays[inside] > window.to;
  const ahead = firstAtOrAfter(eventDays, window.to + 1);
  const to = empty ? (ahead < eventDays.length ? eventDays[ahead] : extent.to) : window.to + 1;
  const next = shiftWindow(window, to - window.to, extent);
  return { window: next, hold: holdFor(next, data, daysPerSecond) };
}

/**
 * How long `window` shows, in ms: one step (1000 / daysPerSecond), and when its end is a day on which events start,
 * DWELL_STEPS_PER_EVENT more steps for each event known or possible on that day, up to MAX_DWELL_STEPS.
 */
export function holdFor(window: TimeWindow, data: PlaybackData, daysPerSecond: number): number {
  const step = 1000 / daysPerSecond;
  const i = firstAtOrAfter(data.eventDays, window.to);
  if (data.eventDays[i] !== window.to) return step;
  return step * (1 + Math.min(MAX_DWELL_STEPS, eventsOn(data.daily, window.to) * DWELL_STEPS_PER_EVENT));
}

/** Events known to have happened on `day`, and events whose range includes it. */
function eventsOn(daily: DailyCounts, day: Day): number {
  const i = day - daily.firstDay;
  return i >= 0 && i < daily.exact.length ? daily.exact[i] + daily.possible[i] : 0;
}

/** The index of the first of sorted `days` on or after `day`; `days.length` when there is none. */
function firstAtOrAfter(days: readonly Day[], day: Day): number {
  return firstIndex(0, days.length, (i) => days[i] < day);
}
