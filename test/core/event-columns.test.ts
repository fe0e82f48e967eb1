import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnsOf, countByPlace, countInWindow } from '../reference-counts.ts';
import { WindowCounts, countAtPlace, dailyCounts, decodeColumns, encodeColumns, placeTotals, startDays, totalInWindow } from '../../src/core/event-columns.ts';
import { histogram } from '../../src/core/counts.ts';
import { CATEGORIES, type Category, type MapEvent } from '../../src/core/model.ts';
import { createEvent } from '../ingest/helpers.ts';

const event = (place: string, start: number, end: number, category: Category, confidence?: number) =>
  createEvent({ place, start, end, category, ...(confidence === undefined ? {} : { confidence }) });

/** Events of four places, some with a confidence (in hundredths, as the judge writes it) and some without. */
const arbitraryEvents = fc.array(
  fc.record({
    place: fc.constantFrom('a', 'b', 'c', 'd'),
    start: fc.integer({ min: 0, max: 60 }),
    length: fc.integer({ min: 0, max: 15 }),
    category: fc.constantFrom(...CATEGORIES),
    confidence: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  }),
  { maxLength: 60 },
).map((raw) => raw.map((r) => event(r.place, r.start, r.start + r.length, r.category, r.confidence === undefined ? undefined : r.confidence / 100)));

const UNSURE_BELOW = 0.47; // the unsure line of the counts these tests make

const arbitraryWindow = fc.record({ from: fc.integer({ min: -10, max: 85 }), width: fc.integer({ min: 0, max: 40 }) }).map(({ from, width }) => ({ from, to: from + width }));

/** Checks every place's count, uncertain and unsure counts and commonest category against one pass over the events. */
function expectExact(counts: WindowCounts, places: string[], events: MapEvent[], window: { from: number; to: number }) {
  const slow = countByPlace(events, window, CATEGORIES, UNSURE_BELOW);
  expect(counts.total()).toBe(countInWindow(events, window));
  places.forEach((place, p) => {
    expect(counts.count(p)).toBe(slow.get(place)?.count ?? 0);
    expect(counts.uncertain(p)).toBe(slow.get(place)?.uncertain ?? 0);
    expect(counts.unsure(p)).toBe(slow.get(place)?.unsure ?? 0);
    expect(counts.dominant(p) === -1 ? null : CATEGORIES[counts.dominant(p)]).toBe(slow.get(place)?.dominant ?? null);
  });
}

describe('the event columns', () => {
  it('count nothing for no events', () => {
    const { columns } = columnsOf([]);
    expect(totalInWindow(columns, { from: 0, to: 10 })).toBe(0);
    const counts = new WindowCounts(columns);
    counts.moveTo({ from: 0, to: 10 });
    expect(counts.total()).toBe(0);
    expect(startDays(columns)).toEqual([]);
  });

  it('count an event exactly on either bound, and a range that only touches the window', () => {
    const { columns } = columnsOf([event('a', 5, 5, 'attack'), event('a', 1, 3, 'meeting'), event('b', 10, 12, 'capture')]);
    expect(totalInWindow(columns, { from: 5, to: 5 })).toBe(1);
    expect(totalInWindow(columns, { from: 3, to: 10 })).toBe(3);
    expect(totalInWindow(columns, { from: 6, to: 9 })).toBe(0);
    expect(totalInWindow(columns, { from: -100, to: 100 })).toBe(3);
    const counts = new WindowCounts(columns);
    counts.moveTo({ from: 3, to: 5 });
    expect([counts.count(0), counts.count(1)]).toEqual([2, 0]);
    expect(CATEGORIES[counts.dominant(0)]).toBe('meeting'); // a tie goes to the earlier category
    expect(counts.dominant(1)).toBe(-1);
    expect(counts.uncertain(0)).toBe(1);
  });

  it('stay exact through any sequence of windows, and name every place whose count changed', () => {
    fc.assert(
      fc.property(arbitraryEvents, fc.array(arbitraryWindow, { minLength: 1, maxLength: 8 }), (events, windows) => {
        const { columns, places } = columnsOf(events);
        const counts = new WindowCounts(columns, 47);
        let before = places.map(() => 0);
        for (const window of windows) {
          const touched = counts.moveTo(window);
          expectExact(counts, places, events, window);
          expect(totalInWindow(columns, window)).toBe(counts.total());
          const after = places.map((_, p) => counts.count(p));
          if (touched) {
            const named = new Set(touched);
            after.forEach((n, p) => {
              if (n !== before[p]) expect(named.has(p)).toBe(true);
            });
          }
          before = after;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('stay exact under any mask, through windows and changes of mask, as if the masked events were not there', () => {
    fc.assert(
      fc.property(arbitraryEvents, fc.array(fc.record({ window: arbitraryWindow, seed: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 8 }), (unsorted, steps) => {
        // In start order, so that an event's number is its index (see EventColumns).
        const events = [...unsorted].sort((a, b) => a.start - b.start);
        const { columns, places } = columnsOf(events);
        const counts = new WindowCounts(columns, 47);
        for (const { window, seed } of steps) {
          // seed 0: no mask; otherwise keep every event whose index is not a multiple of seed + 1
          const mask = seed === 0 ? null : Uint8Array.from(events, (_, i) => (i % (seed + 1) === 0 ? 0 : 1));
          counts.setMask(mask);
          counts.moveTo(window);
          const kept = mask ? events.filter((_, i) => mask[i]) : events;
          expectExact(counts, places, kept, window);
          const daily = dailyCounts(columns, mask);
          const reference = dailyCounts(columnsOf(kept).columns);
          expect(histogram({ firstDay: columns.firstDay, ...daily }, window)).toEqual(histogram({ firstDay: columnsOf(kept).columns.firstDay, ...reference }, window));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('take a one-day step by touching only the places with events on the days that enter or leave', () => {
    const events = [event('a', 1, 1, 'attack'), event('b', 5, 5, 'attack'), event('c', 9, 9, 'attack'), event('d', 2, 20, 'attack')];
    const { columns, places } = columnsOf(events);
    const counts = new WindowCounts(columns);
    counts.moveTo({ from: 0, to: 4 });
    const touched = counts.moveTo({ from: 1, to: 5 });
    expect([...touched!].map((p) => places[p])).toEqual(['b']);
  });

  it('give totals per place, daily counts and the days events start on', () => {
    const events = [event('a', 2, 2, 'attack'), event('a', 3, 5, 'attack'), event('b', 4, 4, 'meeting')];
    const { columns } = columnsOf(events);
    expect([...placeTotals(columns)]).toEqual([2, 1]);
    const daily = dailyCounts(columns);
    expect(histogram({ firstDay: columns.firstDay, ...daily }, { from: 1, to: 6 })).toEqual([
      { day: 1, exact: 0, possible: 0 },
      { day: 2, exact: 1, possible: 0 },
      { day: 3, exact: 0, possible: 1 },
      { day: 4, exact: 1, possible: 1 },
      { day: 5, exact: 0, possible: 1 },
      { day: 6, exact: 0, possible: 0 },
    ]);
    expect(startDays(columns)).toEqual([2, 3, 4]);
  });

  it('count one place\'s events, all dates, under any mask, as if the masked events were not there', () => {
    fc.assert(
      fc.property(arbitraryEvents, fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (events, keep) => {
        const { columns, places } = columnsOf(events);
        const ordered = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i).map(({ e }) => e); // event numbers: start order, stable
        const mask = Uint8Array.from(ordered.map((_, i) => (keep[i] ? 1 : 0)));
        places.forEach((place, p) => {
          expect(countAtPlace(columns, p, null)).toBe(ordered.filter((e) => e.place === place).length);
          expect(countAtPlace(columns, p, mask)).toBe(ordered.filter((e, i) => e.place === place && keep[i]).length);
        });
      }),
    );
  });

  it('count apart the events under the unsure line, an event exactly on it not among them, and none without a line', () => {
    const events = [event('a', 1, 1, 'attack', 0.46), event('a', 2, 2, 'attack', 0.47), event('a', 3, 3, 'attack'), event('b', 2, 4, 'meeting', 0.1)];
    const { columns } = columnsOf(events);
    expect([...columns.confidence]).toEqual([46, 47, 10, 255]); // in start order; 255: not judged
    const counts = new WindowCounts(columns, 47);
    counts.moveTo({ from: 0, to: 9 });
    expect([counts.unsure(0), counts.unsure(1)]).toEqual([1, 1]);
    counts.moveTo({ from: 2, to: 3 });
    expect([counts.unsure(0), counts.unsure(1)]).toEqual([0, 1]);
    const plain = new WindowCounts(columns);
    plain.moveTo({ from: 0, to: 9 });
    expect([plain.unsure(0), plain.unsure(1)]).toEqual([0, 0]);
  });

  it('read back what they write, and refuse a file that is not theirs', () => {
    fc.assert(
      fc.property(arbitraryEvents, (events) => {
        const { columns } = columnsOf(events);
        const bytes = encodeColumns(columns);
        const decoded = decodeColumns(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
        expect(decoded).toEqual(columns);
      }),
      { numRuns: 100 },
    );
    const bytes = encodeColumns(columnsOf([event('a', 1, 1, 'attack')]).columns);
    expect(() => decodeColumns(new ArrayBuffer(8))).toThrow(/not a Datelines columns file/);
    expect(() => decodeColumns(bytes.buffer.slice(0, bytes.byteLength - 4) as ArrayBuffer)).toThrow(/truncated/);
  });
});
