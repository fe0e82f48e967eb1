import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDay, weekdayOf } from '../../src/core/day.ts';
import { countByPlace } from '../reference-counts.ts';
import { CATEGORIES, type MapEvent } from '../../src/core/model.ts';
import { createEvent } from './helpers.ts';
import { overlaps } from '../../src/core/time-window.ts';
import { periodRange, weekdayNear, weekendRange } from '../../src/ingest/text/dates.ts';

const anyDay = fc.integer({ min: parseDay('1990-01-01')!, max: parseDay('2040-12-31')! });

describe('date rules, for any publication day', () => {
  it('put a past weekday in the 7 days up to publication, a future one in the 7 days from it, on that weekday', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 6 }), (published, weekday) => {
        const past = weekdayNear(published, weekday, false);
        const future = weekdayNear(published, weekday, true);
        expect(weekdayOf(past)).toBe(weekday);
        expect(weekdayOf(future)).toBe(weekday);
        expect(published - past).toBeGreaterThanOrEqual(0);
        expect(published - past).toBeLessThan(7);
        expect(future - published).toBeGreaterThanOrEqual(0);
        expect(future - published).toBeLessThan(7);
      }),
    );
  });

  it('make a weekend a Saturday and the Sunday after it, not after publication unless in the future', () => {
    fc.assert(
      fc.property(anyDay, fc.boolean(), (published, future) => {
        const { start, end } = weekendRange(published, future);
        expect(weekdayOf(start)).toBe(6);
        expect(end).toBe(start + 1);
        if (future) expect(start).toBeGreaterThanOrEqual(published);
        else expect(end).toBeLessThanOrEqual(published);
      }),
    );
  });

  it('make every period an ordered range, past ones ending by publication', () => {
    const past = ['last week', 'this week', 'earlier this week', 'this month', 'earlier this month', 'last month'];
    fc.assert(
      fc.property(anyDay, fc.constantFrom(...past), (published, phrase) => {
        const range = periodRange(phrase, published)!;
        expect(range.start).toBeLessThanOrEqual(range.end);
        expect(range.end).toBeLessThanOrEqual(published);
        expect(published - range.start).toBeLessThan(62);
      }),
    );
  });
});

describe('window arithmetic, for any events and window', () => {
  const event = fc.record({ place: fc.constantFrom('a', 'b', 'c'), start: fc.integer({ min: 0, max: 100 }), length: fc.integer({ min: 0, max: 20 }) });
  const toEvents = (raw: { place: string; start: number; length: number }[]): MapEvent[] =>
    raw.map((r, i) => createEvent({ id: String(i), place: r.place, start: r.start, end: r.start + r.length }));

  it('count exactly the events that share a day with the window, per place', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), fc.integer({ min: 0, max: 130 }), fc.integer({ min: 0, max: 50 }), (raw, from, width) => {
        const events = toEvents(raw);
        const window = { from, to: from + width };
        const counts = countByPlace(events, window, CATEGORIES);
        for (const place of ['a', 'b', 'c']) {
          const expected = events.filter((e) => e.place === place && e.start <= window.to && e.end >= window.from).length;
          expect(counts.get(place)?.count ?? 0).toBe(expected);
        }
        for (const e of events) if (overlaps(e, window)) expect(e.start <= window.to && e.end >= window.from).toBe(true);
      }),
    );
  });

  it('never lower a count when the window widens', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (raw, from, width, more) => {
        const events = toEvents(raw);
        const narrow = countByPlace(events, { from, to: from + width }, CATEGORIES);
        const wide = countByPlace(events, { from: from - more, to: from + width + more }, CATEGORIES);
        for (const [place, c] of narrow) expect(wide.get(place)!.count).toBeGreaterThanOrEqual(c.count);
      }),
    );
  });
});
