import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildColumns, type ColumnEvent } from '../../src/core/event-columns.ts';
import { WindowEvents } from '../../src/core/window-events.ts';

/** The rows a window should have, worked out the slow way: every event overlapping it that the mask keeps, by start. */
function expectedRows(events: readonly ColumnEvent[], from: number, to: number, mask: Uint8Array | null): number[] {
  // Event numbers are positions in a stable sort by start day (buildColumns).
  const numbered = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i);
  const rows: number[] = [];
  numbered.forEach(({ e }, number) => {
    if (e.start <= to && e.end >= from && (!mask || mask[number])) rows.push(number);
  });
  return rows;
}

const anyEvent = fc.record({
  place: fc.integer({ min: 0, max: 3 }),
  start: fc.integer({ min: 0, max: 40 }),
  length: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 15 })),
  category: fc.integer({ min: 0, max: 5 }),
});

describe('the events of a window, as rows', () => {
  it('lists what overlaps the window, in start order, ranged events that began before it first', () => {
    // Day 10: #0 (days 3–12, began before), #1 day 8 (ended before), #2 day 10, #3 day 11, #4 days 12–20, #5 day 30.
    const columns = buildColumns(
      [
        { place: 0, start: 3, end: 12, category: 0 },
        { place: 1, start: 8, end: 8, category: 1 },
        { place: 1, start: 10, end: 10, category: 2 },
        { place: 0, start: 11, end: 11, category: 0 },
        { place: 2, start: 12, end: 20, category: 3 },
        { place: 2, start: 30, end: 30, category: 3 },
      ],
      3,
    );
    const list = new WindowEvents(columns);
    const rows = list.rows({ from: 10, to: 12 });
    expect(Array.from({ length: rows.length }, (_, k) => rows.numberAt(k))).toEqual([0, 2, 3, 4]);
    expect(list.event(0)).toEqual({ number: 0, place: 0, category: 0, start: 3, end: 12, confidence: null });
    expect(list.event(4)).toEqual({ number: 4, place: 2, category: 3, start: 12, end: 20, confidence: null });
    expect(list.event(5)).toEqual({ number: 5, place: 2, category: 3, start: 30, end: 30, confidence: null });
    expect(rows.rowOf(3)).toBe(2);
    expect(rows.rowOf(1)).toBe(-1); // ended before the window
    expect(rows.rowOf(5)).toBe(-1); // after it

    list.setMask(Uint8Array.from([0, 1, 1, 0, 1, 1]));
    const masked = list.rows({ from: 10, to: 12 });
    expect(Array.from({ length: masked.length }, (_, k) => masked.numberAt(k))).toEqual([2, 4]);
    expect(masked.rowOf(4)).toBe(1);
    expect(masked.rowOf(0)).toBe(-1); // in the window, but the mask leaves it out
  });

  it('reads each event\'s confidence in hundredths, and null for one the judge did not score', () => {
    const list = new WindowEvents(
      buildColumns(
        [
          { place: 0, start: 5, end: 5, category: 0, confidence: 0.47 },
          { place: 0, start: 6, end: 6, category: 0 },
          { place: 0, start: 7, end: 7, category: 0, confidence: 1 },
          { place: 0, start: 8, end: 8, category: 0, confidence: 0 },
        ],
        1,
      ),
    );
    expect([0, 1, 2, 3].map((n) => list.event(n).confidence)).toEqual([0.47, null, 1, 0]);
  });

  it('refuses a mask of another length', () => {
    const list = new WindowEvents(buildColumns([{ place: 0, start: 5, end: 5, category: 0 }], 1));
    expect(() => list.setMask(new Uint8Array(2))).toThrow('a mask of 2 events for 1');
  });

  it('finds a long range that began well before the window, and ignores ranges that ended before it', () => {
    // #0 days 0–100 (long), #1 days 10–12, #2 days 50–52; window 60–61.
    const columns = buildColumns(
      [
        { place: 0, start: 0, end: 100, category: 0 },
        { place: 0, start: 10, end: 12, category: 0 },
        { place: 0, start: 50, end: 52, category: 0 },
        { place: 0, start: 61, end: 61, category: 0 },
      ],
      1,
    );
    const rows = new WindowEvents(columns).rows({ from: 60, to: 61 });
    expect(Array.from({ length: rows.length }, (_, k) => rows.numberAt(k))).toEqual([0, 3]);
  });

  it('has no rows for a window outside the events or an empty dataset', () => {
    const list = new WindowEvents(buildColumns([{ place: 0, start: 5, end: 5, category: 0 }], 1));
    expect(list.rows({ from: 6, to: 9 }).length).toBe(0);
    expect(list.rows({ from: 0, to: 4 }).length).toBe(0);
    expect(new WindowEvents(buildColumns([], 0)).rows({ from: 0, to: 9 }).length).toBe(0);
  });

  it('agrees with a plain filter of the events for any events, window and mask', () => {
    fc.assert(
      fc.property(
        fc.array(anyEvent, { maxLength: 60 }),
        fc.integer({ min: -5, max: 60 }),
        fc.integer({ min: 0, max: 30 }),
        fc.option(fc.array(fc.boolean(), { minLength: 60, maxLength: 60 })),
        (generated, from, width, keep) => {
          const events: ColumnEvent[] = generated.map((g) => ({ place: g.place, start: g.start, end: g.start + g.length, category: g.category }));
          const columns = buildColumns(events, 4);
          const mask = keep ? Uint8Array.from(keep.slice(0, events.length), Number) : null;
          const list = new WindowEvents(columns);
          list.setMask(mask);
          const rows = list.rows({ from, to: from + width });
          const got = Array.from({ length: rows.length }, (_, k) => rows.numberAt(k));
          const want = expectedRows(events, from, from + width, mask);
          expect(got).toEqual(want);
          want.forEach((number, k) => expect(rows.rowOf(number)).toBe(k));
          // Any other number has no row; the first row from any number is the first listed number at least it.
          for (let number = 0; number < events.length; number++) {
            if (!want.includes(number)) expect(rows.rowOf(number)).toBe(-1);
            const from = want.findIndex((n) => n >= number);
            expect(rows.rowFrom(number)).toBe(from === -1 ? want.length : from);
          }
          // Each row's days and place are the event's own.
          const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i);
          for (const number of got) {
            const e = sorted[number].e;
            expect(list.event(number)).toEqual({ number, place: e.place, category: e.category, start: e.start, end: e.end, confidence: null });
          }
        },
      ),
    );
  });
});
