import { describe, expect, it } from 'vitest';
import { histogram } from '../../src/core/counts.ts';
import { columnsOf, countByPlace, countInWindow } from '../reference-counts.ts';
import { dailyCounts } from '../../src/core/event-columns.ts';
import { CATEGORIES, type Category } from '../../src/core/model.ts';
import { createEvent } from '../ingest/helpers.ts';

const event = (place: string, start: number, end: number, category: Category = 'attack') => createEvent({ place, start, end, category });

describe('counts', () => {
  it('count nothing for no events', () => {
    expect(countByPlace([], { from: 0, to: 10 }, CATEGORIES).size).toBe(0);
    expect(countInWindow([], { from: 0, to: 10 })).toBe(0);
  });

  it('count events per place inside the window, with the commonest category', () => {
    const events = [event('a', 1, 1, 'meeting'), event('a', 2, 2, 'attack'), event('a', 3, 3, 'attack'), event('b', 50, 50)];
    const counts = countByPlace(events, { from: 0, to: 10 }, CATEGORIES);
    expect(counts.get('a')).toEqual({ count: 3, dominant: 'attack', uncertain: 0 });
    expect(counts.has('b')).toBe(false);
  });

  it('break category ties in CATEGORIES order, and count ranged events as uncertain', () => {
    const counts = countByPlace([event('a', 1, 3, 'attack'), event('a', 2, 2, 'meeting')], { from: 0, to: 10 }, CATEGORIES);
    expect(counts.get('a')).toEqual({ count: 2, dominant: 'meeting', uncertain: 1 });
  });

  it('never lowers a count when the window widens', () => {
    const events = [event('a', 3, 8), event('b', 5, 5), event('c', 12, 14)];
    let previous = 0;
    for (let to = 0; to <= 20; to++) {
      const n = countInWindow(events, { from: 0, to });
      expect(n).toBeGreaterThanOrEqual(previous);
      previous = n;
    }
    expect(previous).toBe(3);
  });

  it('spread a ranged event over its days as possible, and an exact one on its day', () => {
    const { columns } = columnsOf([event('a', 2, 2), event('a', 3, 5)]);
    const bins = histogram({ firstDay: columns.firstDay, ...dailyCounts(columns) }, { from: 1, to: 4 });
    expect(bins).toEqual([
      { day: 1, exact: 0, possible: 0 },
      { day: 2, exact: 1, possible: 0 },
      { day: 3, exact: 0, possible: 1 },
      { day: 4, exact: 0, possible: 1 },
    ]);
  });
});
