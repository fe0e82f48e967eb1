import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/core/day.ts';
import { addMonthsClamped, clampWindow, overlaps, shiftWindow, stepToEventDay } from '../../src/core/time-window.ts';
import { startDays } from '../../src/core/event-columns.ts';
import { columnsOf } from '../reference-counts.ts';
import { createEvent } from '../ingest/helpers.ts';

const d = (text: string) => parseDay(text)!;
const w = (from: string, to: string) => ({ from: d(from), to: d(to) });

describe('time windows', () => {
  it('include both bounds: an event exactly on either bound shows', () => {
    const window = w('2014-06-20', '2014-06-30');
    expect(overlaps({ start: d('2014-06-20'), end: d('2014-06-20') }, window)).toBe(true);
    expect(overlaps({ start: d('2014-06-30'), end: d('2014-06-30') }, window)).toBe(true);
    expect(overlaps({ start: d('2014-06-19'), end: d('2014-06-19') }, window)).toBe(false);
    expect(overlaps({ start: d('2014-07-01'), end: d('2014-07-01') }, window)).toBe(false);
  });

  it('show an event with a range when the ranges share a single day', () => {
    const window = w('2014-06-22', '2014-06-22');
    expect(overlaps({ start: d('2014-06-21'), end: d('2014-06-22') }, window)).toBe(true);
    expect(overlaps({ start: d('2014-06-08'), end: d('2014-06-21') }, window)).toBe(false);
    expect(overlaps({ start: d('2014-06-01'), end: d('2014-07-01') }, window)).toBe(true);
  });

  it('stay inside their bounds and ordered when clamped', () => {
    expect(clampWindow({ from: 0, to: 100 }, { from: 10, to: 20 })).toEqual({ from: 10, to: 20 });
    expect(clampWindow({ from: 15, to: 12 }, { from: 10, to: 20 })).toEqual({ from: 15, to: 15 });
    expect(clampWindow({ from: 30, to: 40 }, { from: 10, to: 20 })).toEqual({ from: 20, to: 20 });
  });

  it('keep their width when shifted, stopping at the bounds', () => {
    expect(shiftWindow({ from: 10, to: 12 }, 5, { from: 0, to: 100 })).toEqual({ from: 15, to: 17 });
    expect(shiftWindow({ from: 10, to: 12 }, 500, { from: 0, to: 100 })).toEqual({ from: 98, to: 100 });
    expect(shiftWindow({ from: 10, to: 12 }, -500, { from: 0, to: 100 })).toEqual({ from: 0, to: 2 });
  });

  it('move a month to the same day, or the last day of a shorter month', () => {
    expect(addMonthsClamped(d('2014-01-31'), 1)).toBe(d('2014-02-28'));
    expect(addMonthsClamped(d('2016-01-31'), 1)).toBe(d('2016-02-29'));
    expect(addMonthsClamped(d('2014-12-15'), 1)).toBe(d('2015-01-15'));
    expect(addMonthsClamped(d('2015-01-15'), -1)).toBe(d('2014-12-15'));
  });

  it('step to the next and previous exact day or start of a range, not through every day of a range', () => {
    const days = startDays(columnsOf([createEvent({ place: 'a', start: 10 }), createEvent({ place: 'a', start: 20, end: 140 }), createEvent({ place: 'b', start: 30 })]).columns);
    expect(days).toEqual([10, 20, 30]);
    expect(stepToEventDay(days, 10, 1)).toBe(20);
    expect(stepToEventDay(days, 21, -1)).toBe(20);
    expect(stepToEventDay(days, 21, 1)).toBe(30);
    expect(stepToEventDay(days, 30, 1)).toBeNull();
    expect(stepToEventDay(days, 10, -1)).toBeNull();
  });
});
