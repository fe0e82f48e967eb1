import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../src/core/day.ts';
import { DEFAULT_WINDOW_DAYS, addMonthsClamped, clampWindow, dragMovesWindow, handleKeyTarget, overlaps, shiftWindow, stepToEventDay, stepWindow, withBound } from '../../src/core/time-window.ts';
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

describe('a drag across the chart', () => {
  // The seed corpus's first open: the window is the whole extent, the axis three days wider either side.
  const extent = w('2014-06-09', '2016-07-21');
  const axis = { from: extent.from - 3, to: extent.to + 3 };
  const pxPerDay = 1352 / (axis.to - axis.from + 1);

  it('draws a new window when the window is the whole extent, though a little narrower than the axis', () => {
    expect(dragMovesWindow(d('2015-01-01'), extent, extent, axis, pxPerDay)).toBe(false);
  });

  it('draws a new window when the window is narrower than the extent by only a few pixels', () => {
    expect(dragMovesWindow(d('2015-01-01'), { from: extent.from + 2, to: extent.to }, extent, axis, pxPerDay)).toBe(false);
  });

  it('moves a window with room to move when it starts on it, on either bound included', () => {
    const window = w('2014-07-01', '2014-08-31');
    expect(dragMovesWindow(d('2014-08-01'), window, extent, axis, pxPerDay)).toBe(true);
    expect(dragMovesWindow(window.from, window, extent, axis, pxPerDay)).toBe(true);
    expect(dragMovesWindow(window.to, window, extent, axis, pxPerDay)).toBe(true);
  });

  it('draws a new window when it starts outside the window', () => {
    const window = w('2014-07-01', '2014-08-31');
    expect(dragMovesWindow(d('2014-06-30'), window, extent, axis, pxPerDay)).toBe(false);
    expect(dragMovesWindow(d('2014-09-01'), window, extent, axis, pxPerDay)).toBe(false);
  });

  it('draws a new window when the window covers (nearly) all of a zoomed-in axis', () => {
    const zoomed = w('2014-07-01', '2014-07-31');
    const zoomedPx = 1352 / 31;
    expect(dragMovesWindow(d('2014-07-10'), w('2014-06-20', '2014-08-10'), extent, zoomed, zoomedPx)).toBe(false);
    expect(dragMovesWindow(d('2014-07-10'), w('2014-07-01', '2014-07-30'), extent, zoomed, zoomedPx)).toBe(true);
  });
});

describe('"next/previous day with events"', () => {
  const extent = w('2014-06-09', '2016-07-21');
  const days = ['2014-06-09', '2014-06-23', '2014-12-05', '2016-07-20'].map(d);

  it('keeps the width of a 31-day window, starting it on the next day with events', () => {
    expect(stepWindow(w('2014-06-10', '2014-07-10'), extent, days, 1)).toEqual(w('2014-06-23', '2014-07-23'));
    expect(stepWindow(w('2014-06-23', '2014-07-23'), extent, days, -1)).toEqual(w('2014-06-09', '2014-07-09'));
  });

  it('keeps the width at the end of the extent, stopping there', () => {
    expect(stepWindow(w('2014-12-05', '2015-01-04'), extent, days, 1)).toEqual(w('2016-06-21', '2016-07-21'));
  });

  it('moves a week-wide window to the first day with events when the window is the whole extent', () => {
    expect(DEFAULT_WINDOW_DAYS).toBe(7);
    expect(stepWindow(extent, extent, days, 1)).toEqual(w('2014-06-09', '2014-06-15'));
  });

  it('moves a week-wide window to the last day with events, stopping at the end, going back from the whole extent', () => {
    expect(stepWindow(extent, extent, days, -1)).toEqual(w('2016-07-15', '2016-07-21'));
  });

  it('stays put when there is no day with events that way', () => {
    expect(stepWindow(w('2014-06-09', '2014-06-12'), extent, days, -1)).toBeNull();
    expect(stepWindow(w('2016-07-20', '2016-07-21'), extent, days, 1)).toBeNull();
    expect(stepWindow(extent, extent, [], 1)).toBeNull();
  });
});

describe('a date handle moved by a key', () => {
  // The start handle of the window 1-31 December 2014 on the seed corpus's days: it may reach from the first day
  // of the data to the window's end.
  const range = w('2014-06-09', '2014-12-31');
  const at = (key: string, value: string, shift = false) => {
    const day = handleKeyTarget(key, shift, d(value), range);
    return day === null ? null : formatDay(day);
  };

  it('moves a day with the arrows, left and down back, right and up on', () => {
    expect(at('ArrowLeft', '2014-12-01')).toBe('2014-11-30');
    expect(at('ArrowDown', '2014-12-01')).toBe('2014-11-30');
    expect(at('ArrowRight', '2014-12-01')).toBe('2014-12-02');
    expect(at('ArrowUp', '2014-12-01')).toBe('2014-12-02');
  });

  it('moves a week with Shift and an arrow', () => {
    expect(at('ArrowLeft', '2014-12-01', true)).toBe('2014-11-24');
    expect(at('ArrowDown', '2014-12-01', true)).toBe('2014-11-24');
    expect(at('ArrowRight', '2014-12-01', true)).toBe('2014-12-08');
    expect(at('ArrowUp', '2014-12-01', true)).toBe('2014-12-08');
  });

  it('moves a month with PageUp and PageDown, to the same day or the last of a shorter month', () => {
    expect(at('PageDown', '2014-12-01')).toBe('2014-11-01');
    expect(at('PageUp', '2014-11-01')).toBe('2014-12-01');
    expect(at('PageDown', '2014-07-31')).toBe('2014-06-30');
  });

  it('goes to the ends it may reach with Home and End', () => {
    expect(at('Home', '2014-12-01')).toBe('2014-06-09');
    expect(at('End', '2014-07-01')).toBe('2014-12-31');
  });

  it('stops at the ends it may reach, a week or a month short of them included', () => {
    expect(at('ArrowLeft', '2014-06-09')).toBe('2014-06-09');
    expect(at('ArrowLeft', '2014-06-12', true)).toBe('2014-06-09');
    expect(at('PageDown', '2014-06-20')).toBe('2014-06-09');
    expect(at('PageUp', '2014-12-15')).toBe('2014-12-31');
    expect(at('ArrowRight', '2014-12-28', true)).toBe('2014-12-31');
  });

  it('ignores any other key', () => {
    expect(at('a', '2014-12-01')).toBeNull();
    expect(at('Enter', '2014-12-01')).toBeNull();
    expect(at('Tab', '2014-12-01', true)).toBeNull();
  });

  it('takes the start handle from the first day, 9 June 2014, to 1 December in eight keys', () => {
    // six PageUps (9 December), a Shift+ArrowLeft (2 December), an ArrowLeft
    let start = d('2014-06-09');
    for (const [key, shift] of [['PageUp', false], ['PageUp', false], ['PageUp', false], ['PageUp', false], ['PageUp', false], ['PageUp', false], ['ArrowLeft', true], ['ArrowLeft', false]] as const) {
      start = handleKeyTarget(key, shift, start, w('2014-06-09', '2016-07-21'))!;
    }
    expect(formatDay(start)).toBe('2014-12-01');
  });
});

describe('a date typed into a date field', () => {
  const extent = w('2014-06-09', '2016-07-21');

  it('sets that bound and keeps the other', () => {
    expect(withBound(w('2014-06-09', '2016-07-21'), 'from', d('2014-12-01'), extent)).toEqual(w('2014-12-01', '2016-07-21'));
    expect(withBound(w('2014-12-01', '2016-07-21'), 'to', d('2014-12-31'), extent)).toEqual(w('2014-12-01', '2014-12-31'));
  });

  it('moves the other bound along when it would cross it: a one-day window on the typed day', () => {
    expect(withBound(w('2014-12-01', '2014-12-31'), 'from', d('2015-02-01'), extent)).toEqual(w('2015-02-01', '2015-02-01'));
    expect(withBound(w('2014-12-01', '2014-12-31'), 'to', d('2014-07-01'), extent)).toEqual(w('2014-07-01', '2014-07-01'));
  });

  it('keeps a day outside the data to its ends', () => {
    expect(withBound(w('2014-12-01', '2014-12-31'), 'from', d('2001-01-01'), extent)).toEqual(w('2014-06-09', '2014-12-31'));
    expect(withBound(w('2014-12-01', '2014-12-31'), 'to', d('2099-01-01'), extent)).toEqual(w('2014-12-01', '2016-07-21'));
  });
});
