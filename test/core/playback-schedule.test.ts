import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../src/core/day.ts';
import { dailyCounts, startDays } from '../../src/core/event-columns.ts';
import { PLAYBACK_SPEEDS, firstPlaybackStep, holdFor, nextPlaybackStep, playbackWidth, type PlaybackData } from '../../src/core/playback-schedule.ts';
import type { TimeWindow } from '../../src/core/time-window.ts';
import { createEvent } from '../ingest/helpers.ts';
import { columnsOf } from '../reference-counts.ts';

const d = (text: string) => parseDay(text)!;
const w = (from: string, to: string): TimeWindow => ({ from: d(from), to: d(to) });
const show = (window: TimeWindow) => `${formatDay(window.from)}..${formatDay(window.to)}`;
const NORMAL = PLAYBACK_SPEEDS.normal;
const STEP = 1000 / NORMAL; // ms

/** The data as the app reads it (columns, daily counts, start days) from events given as [start, end] days. */
function createData(ranges: readonly (readonly [string, string])[]): PlaybackData {
  const { columns } = columnsOf(ranges.map(([start, end], i) => createEvent({ place: `p${i % 3}`, start: d(start), end: d(end) })));
  return {
    extent: { from: columns.firstDay, to: columns.firstDay + columns.days - 1 },
    eventDays: startDays(columns),
    daily: { firstDay: columns.firstDay, ...dailyCounts(columns) },
  };
}

/**
 * Shaped like the seed corpus (data/events.json): a range from 9 June 2014, the busy days of 21 to 23 June (23 June
 * the busiest, ten exact events and three possible), a long range in the autumn, a quiet year, the end in July 2016.
 */
function createSeedLikeData(): PlaybackData {
  const exact = (day: string, n: number) => Array.from({ length: n }, () => [day, day] as const);
  return createData([
    ['2014-06-09', '2014-06-24'],
    ...Array.from({ length: 3 }, () => ['2014-06-21', '2014-06-22'] as const),
    ...exact('2014-06-22', 1),
    ...Array.from({ length: 2 }, () => ['2014-06-22', '2014-06-23'] as const),
    ...exact('2014-06-23', 10),
    ['2014-08-08', '2014-12-03'],
    ...exact('2014-12-03', 3),
    ['2015-01-01', '2015-01-22'],
    ...exact('2015-01-22', 1),
    ['2016-07-01', '2016-07-21'],
    ['2016-07-16', '2016-07-17'],
    ...exact('2016-07-21', 1),
  ]);
}

/** Every window playback shows from `window` to the end, with its hold. */
function playAll(window: TimeWindow, data: PlaybackData, daysPerSecond: number = NORMAL) {
  const steps = [firstPlaybackStep(window, data, daysPerSecond)];
  for (let next = nextPlaybackStep(steps[0].window, data, daysPerSecond); next; next = nextPlaybackStep(next.window, data, daysPerSecond)) steps.push(next);
  return steps;
}

describe('a playback step', () => {
  it('moves the window a whole day on, as wide as it was', () => {
    const data = createSeedLikeData();
    expect(nextPlaybackStep(w('2014-06-10', '2014-06-20'), data, NORMAL)!.window).toEqual(w('2014-06-11', '2014-06-21'));
    expect(nextPlaybackStep(w('2014-06-23', '2014-06-23'), data, NORMAL)!.window).toEqual(w('2014-06-24', '2014-06-24'));
  });

  it('holds one step, 1000 / speed ms, on a day on which no event starts', () => {
    const data = createSeedLikeData();
    expect(holdFor(w('2014-06-11', '2014-06-17'), data, NORMAL)).toBe(STEP);
    expect(holdFor(w('2014-06-11', '2014-06-17'), data, PLAYBACK_SPEEDS.fast)).toBeCloseTo(1000 / PLAYBACK_SPEEDS.fast, 9);
  });

  it('holds longer on a day with events, in proportion to them: 23 June 2014, the busiest day, for over a second at normal speed', () => {
    const data = createSeedLikeData();
    const busiest = holdFor(w('2014-06-17', '2014-06-23'), data, NORMAL); // 10 exact and 3 possible events
    const busy = holdFor(w('2014-06-16', '2014-06-22'), data, NORMAL); // 1 exact and 6 possible
    const quiet = holdFor(w('2015-01-16', '2015-01-22'), data, NORMAL); // 1 exact and 1 possible
    expect(busiest).toBe(STEP * (1 + 13 * 0.5));
    expect(busiest).toBeGreaterThanOrEqual(1000);
    expect(busy).toBe(STEP * (1 + 7 * 0.5));
    expect(quiet).toBe(STEP * (1 + 2 * 0.5));
    expect(busiest).toBeGreaterThan(busy);
    expect(busy).toBeGreaterThan(quiet);
    expect(quiet).toBeGreaterThan(STEP);
  });

  it('holds a very busy day no longer than ten steps more', () => {
    const busy: [string, string][] = Array.from({ length: 500 }, () => ['2020-01-05', '2020-01-05']);
    const data = createData([...busy, ['2020-01-01', '2020-01-10']]);
    expect(holdFor(w('2020-01-05', '2020-01-05'), data, NORMAL)).toBe(STEP * 11);
  });

  it('holds in proportion to the speed: a slow day lasts longer than a normal one, a fast one shorter', () => {
    const data = createSeedLikeData();
    const at = (speed: number) => holdFor(w('2014-06-17', '2014-06-23'), data, speed);
    expect(at(PLAYBACK_SPEEDS.slow)).toBeGreaterThan(at(PLAYBACK_SPEEDS.normal));
    expect(at(PLAYBACK_SPEEDS.normal)).toBeGreaterThan(at(PLAYBACK_SPEEDS.fast));
    expect(at(PLAYBACK_SPEEDS.slow) * PLAYBACK_SPEEDS.slow).toBeCloseTo(at(PLAYBACK_SPEEDS.fast) * PLAYBACK_SPEEDS.fast, 9);
  });

  it('goes on day by day while the window holds a day on which an event starts, though the next one is far', () => {
    const data = createSeedLikeData();
    expect(nextPlaybackStep(w('2014-06-23', '2014-06-29'), data, NORMAL)!.window).toEqual(w('2014-06-24', '2014-06-30'));
  });

  it('jumps in one step from a window without a day of events to the next such day, as wide as it was', () => {
    const data = createSeedLikeData();
    const next = nextPlaybackStep(w('2014-06-24', '2014-06-30'), data, NORMAL)!;
    expect(next.window).toEqual(w('2014-08-02', '2014-08-08'));
    expect(next.hold).toBe(holdFor(next.window, data, NORMAL));
  });

  it('jumps to the end of the timeline when no event starts after an empty window', () => {
    const data = createData([['2020-01-01', '2020-01-01'], ['2020-01-02', '2020-01-30']]);
    expect(nextPlaybackStep(w('2020-01-03', '2020-01-05'), data, NORMAL)!.window).toEqual(w('2020-01-28', '2020-01-30'));
  });

  it('ends once the window reaches the end of the timeline', () => {
    const data = createSeedLikeData();
    expect(nextPlaybackStep(w('2016-07-15', '2016-07-21'), data, NORMAL)).toBeNull();
    expect(nextPlaybackStep(data.extent, data, NORMAL)).toBeNull();
  });
});

describe('the first playback step', () => {
  it('keeps the window as it is', () => {
    const data = createSeedLikeData();
    expect(firstPlaybackStep(w('2014-06-10', '2014-07-10'), data, NORMAL).window).toEqual(w('2014-06-10', '2014-07-10'));
  });

  it('starts from the whole timeline with a week at its start, which has room to move', () => {
    const data = createSeedLikeData();
    expect(playbackWidth(data.extent)).toBe(7);
    expect(firstPlaybackStep(data.extent, data, NORMAL).window).toEqual(w('2014-06-09', '2014-06-15'));
  });

  it('starts from the whole timeline at the first day an event shown starts, not at a hidden range that begins earlier', () => {
    // The events shown (the mask's days) start on 9 June; a range under the minimum confidence runs from 1 April.
    const data = { ...createData([['2014-04-01', '2014-06-23'], ['2014-06-09', '2014-06-09'], ['2014-07-01', '2014-07-01']]), eventDays: [d('2014-06-09'), d('2014-07-01')] };
    expect(firstPlaybackStep(data.extent, data, NORMAL).window).toEqual(w('2014-06-09', '2014-06-15'));
  });

  it('starts from a short whole timeline with a quarter of it, and from a one-day timeline with that day', () => {
    expect(playbackWidth(w('2020-01-01', '2020-01-12'))).toBe(3);
    const oneDay = createData([['2020-01-01', '2020-01-01']]);
    expect(firstPlaybackStep(oneDay.extent, oneDay, NORMAL).window).toEqual(oneDay.extent);
    expect(nextPlaybackStep(oneDay.extent, oneDay, NORMAL)).toBeNull();
  });

  it('starts again from the beginning, as wide, from the end of the timeline', () => {
    const data = createSeedLikeData();
    expect(firstPlaybackStep(w('2016-06-22', '2016-07-21'), data, NORMAL).window).toEqual(w('2014-06-09', '2014-07-08'));
  });
});

describe('a whole playback', () => {
  it('plays the seed-like data from the whole timeline as the windows and holds written here', () => {
    const steps = playAll(createSeedLikeData().extent, createSeedLikeData());
    const seen = steps.map((s) => `${show(s.window)} ${Math.round(s.hold)}`);
    expect(seen).toEqual([
      '2014-06-09..2014-06-15 200', // a week from the start; no event starts on its last day
      '2014-06-10..2014-06-16 200',
      '2014-06-15..2014-06-21 600', // nothing starts within 10-16 June: a jump to 21 June (3 ranges start, 1 goes on)
      '2014-06-16..2014-06-22 900', // 1 exact, 6 possible
      '2014-06-17..2014-06-23 1500', // the busiest day: 10 exact, 3 possible
      '2014-06-18..2014-06-24 200',
      '2014-06-19..2014-06-25 200',
      '2014-06-20..2014-06-26 200',
      '2014-06-21..2014-06-27 200',
      '2014-06-22..2014-06-28 200',
      '2014-06-23..2014-06-29 200',
      '2014-06-24..2014-06-30 200',
      '2014-08-02..2014-08-08 300', // a range starts
      '2014-08-03..2014-08-09 200',
      '2014-08-04..2014-08-10 200',
      '2014-08-05..2014-08-11 200',
      '2014-08-06..2014-08-12 200',
      '2014-08-07..2014-08-13 200',
      '2014-08-08..2014-08-14 200',
      '2014-08-09..2014-08-15 200',
      '2014-11-27..2014-12-03 600', // 3 exact, the range's last day
      '2014-11-28..2014-12-04 200',
      '2014-11-29..2014-12-05 200',
      '2014-11-30..2014-12-06 200',
      '2014-12-01..2014-12-07 200',
      '2014-12-02..2014-12-08 200',
      '2014-12-03..2014-12-09 200',
      '2014-12-04..2014-12-10 200',
      '2014-12-26..2015-01-01 300',
      '2014-12-27..2015-01-02 200',
      '2014-12-28..2015-01-03 200',
      '2014-12-29..2015-01-04 200',
      '2014-12-30..2015-01-05 200',
      '2014-12-31..2015-01-06 200',
      '2015-01-01..2015-01-07 200',
      '2015-01-02..2015-01-08 200',
      '2015-01-16..2015-01-22 400',
      '2015-01-17..2015-01-23 200',
      '2015-01-18..2015-01-24 200',
      '2015-01-19..2015-01-25 200',
      '2015-01-20..2015-01-26 200',
      '2015-01-21..2015-01-27 200',
      '2015-01-22..2015-01-28 200',
      '2015-01-23..2015-01-29 200',
      '2016-06-25..2016-07-01 300', // a quiet year and a half crossed in one step
      '2016-06-26..2016-07-02 200',
      '2016-06-27..2016-07-03 200',
      '2016-06-28..2016-07-04 200',
      '2016-06-29..2016-07-05 200',
      '2016-06-30..2016-07-06 200',
      '2016-07-01..2016-07-07 200',
      '2016-07-02..2016-07-08 200',
      '2016-07-10..2016-07-16 400',
      '2016-07-11..2016-07-17 200',
      '2016-07-12..2016-07-18 200',
      '2016-07-13..2016-07-19 200',
      '2016-07-14..2016-07-20 200',
      '2016-07-15..2016-07-21 400', // the end of the timeline: playback stops
    ]);
  });

  it('keeps its width and moves in whole days, a day at a time unless the window it leaves holds no day of events', () => {
    const data = createSeedLikeData();
    const steps = playAll(w('2014-06-12', '2014-07-11'), data);
    for (let i = 1; i < steps.length; i++) {
      const [before, after] = [steps[i - 1].window, steps[i].window];
      expect(after.to - after.from).toBe(before.to - before.from);
      expect(Number.isInteger(after.from)).toBe(true);
      const holdsEvents = data.eventDays.some((day) => day >= before.from && day <= before.to);
      if (holdsEvents) expect(after.from - before.from).toBe(1);
      else expect(after.from - before.from).toBeGreaterThanOrEqual(1);
    }
    expect(steps.at(-1)!.window.to).toBe(data.extent.to);
  });

  it('never holds a window shorter than a step, nor longer than eleven', () => {
    for (const speed of Object.values(PLAYBACK_SPEEDS)) {
      for (const step of playAll(createSeedLikeData().extent, createSeedLikeData(), speed)) {
        expect(step.hold).toBeGreaterThanOrEqual(1000 / speed);
        expect(step.hold).toBeLessThanOrEqual((11 * 1000) / speed);
      }
    }
  });
});
