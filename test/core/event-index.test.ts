import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countByPlace, countInWindow } from '../reference-counts.ts';
import { EventIndex } from '../../src/core/event-index.ts';
import { CATEGORIES, type Category } from '../../src/core/model.ts';
import { createEvent } from '../ingest/helpers.ts';

const event = (place: string, start: number, end: number, category: Category) => createEvent({ place, start, end, category });

describe('the event index', () => {
  it('counts nothing for no events', () => {
    const index = new EventIndex([]);
    expect(index.total({ from: 0, to: 10 })).toBe(0);
    expect(index.countPlaces({ from: 0, to: 10 }).counts.length).toBe(0);
  });

  it('counts an event exactly on either bound, and a range that only touches the window', () => {
    const index = new EventIndex([event('a', 5, 5, 'attack'), event('a', 1, 3, 'meeting'), event('b', 10, 12, 'capture')]);
    expect(index.total({ from: 5, to: 5 })).toBe(1);
    expect(index.total({ from: 3, to: 10 })).toBe(3);
    expect(index.total({ from: 6, to: 9 })).toBe(0);
    const { counts, dominant } = index.countPlaces({ from: 3, to: 5 });
    expect([...counts]).toEqual([2, 0]);
    expect(CATEGORIES[dominant[0]]).toBe('meeting'); // a tie goes to the earlier category
    expect(dominant[1]).toBe(-1);
  });

  it('agrees with counting the events one by one, for any events and window', () => {
    const arbitraryEvent = fc.record({
      place: fc.constantFrom('a', 'b', 'c', 'd'),
      start: fc.integer({ min: 0, max: 60 }),
      length: fc.integer({ min: 0, max: 15 }),
      category: fc.constantFrom(...CATEGORIES),
    });
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { maxLength: 60 }), fc.integer({ min: -5, max: 80 }), fc.integer({ min: 0, max: 30 }), (raw, from, width) => {
        const events = raw.map((r) => event(r.place, r.start, r.start + r.length, r.category));
        const window = { from, to: from + width };
        const index = new EventIndex(events);
        const slow = countByPlace(events, window, CATEGORIES);
        const fast = index.countPlaces(window);
        expect(index.total(window)).toBe(countInWindow(events, window));
        index.places.forEach((place, p) => {
          expect(fast.counts[p]).toBe(slow.get(place)?.count ?? 0);
          expect(fast.uncertain[p]).toBe(slow.get(place)?.uncertain ?? 0);
          expect(fast.dominant[p] === -1 ? null : CATEGORIES[fast.dominant[p]]).toBe(slow.get(place)?.dominant ?? null);
        });
      }),
      { numRuns: 500 },
    );
  });
});
