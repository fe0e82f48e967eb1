import { describe, expect, it } from 'vitest';
import { countByPlace, countInWindow, histogram } from '../../src/core/counts.ts';
import { CATEGORIES, type Category, type MapEvent } from '../../src/core/model.ts';

function createEvent(place: string, start: number, end: number, category: Category = 'attack'): MapEvent {
  return { id: `${place}#${start}`, article: 'a', place, start, end, category, quote: 'q', quoteStart: 0, mentionStart: null, mentionEnd: null, dateBasis: 'stated', dateText: null };
}

describe('counts', () => {
  it('count nothing for no events', () => {
    expect(countByPlace([], { from: 0, to: 10 }, CATEGORIES).size).toBe(0);
    expect(countInWindow([], { from: 0, to: 10 })).toBe(0);
  });

  it('count events per place inside the window, with the commonest category', () => {
    const events = [createEvent('a', 1, 1, 'meeting'), createEvent('a', 2, 2, 'attack'), createEvent('a', 3, 3, 'attack'), createEvent('b', 50, 50)];
    const counts = countByPlace(events, { from: 0, to: 10 }, CATEGORIES);
    expect(counts.get('a')).toEqual({ count: 3, dominant: 'attack', uncertain: 0 });
    expect(counts.has('b')).toBe(false);
  });

  it('break category ties in CATEGORIES order, and count ranged events as uncertain', () => {
    const counts = countByPlace([createEvent('a', 1, 3, 'attack'), createEvent('a', 2, 2, 'meeting')], { from: 0, to: 10 }, CATEGORIES);
    expect(counts.get('a')).toEqual({ count: 2, dominant: 'meeting', uncertain: 1 });
  });

  it('never lowers a count when the window widens', () => {
    const events = [createEvent('a', 3, 8), createEvent('b', 5, 5), createEvent('c', 12, 14)];
    let previous = 0;
    for (let to = 0; to <= 20; to++) {
      const n = countInWindow(events, { from: 0, to });
      expect(n).toBeGreaterThanOrEqual(previous);
      previous = n;
    }
    expect(previous).toBe(3);
  });

  it('spread a ranged event over its days as possible, and an exact one on its day', () => {
    const bins = histogram([createEvent('a', 2, 2), createEvent('a', 3, 5)], { from: 1, to: 4 });
    expect(bins).toEqual([
      { day: 1, exact: 0, possible: 0 },
      { day: 2, exact: 1, possible: 0 },
      { day: 3, exact: 0, possible: 1 },
      { day: 4, exact: 0, possible: 1 },
    ]);
  });
});
