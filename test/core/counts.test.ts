import { describe, expect, it } from 'vitest';
import { histogram } from '../../src/core/counts.ts';
import { WindowCounts, buildColumns, dailyCounts, totalInWindow } from '../../src/core/event-columns.ts';
import { CATEGORIES, type Category } from '../../src/core/model.ts';

// Every expected value here is counted by hand. WindowCounts is checked against a one-pass count over random events
// and windows in event-columns.test.ts (the oracle in test/reference-counts.ts).

/** Columns of events given as [place number, start day, end day, category]; `places` places in all. */
function createColumns(events: [number, number, number, Category][], places = 2) {
  return buildColumns(
    events.map(([place, start, end, category]) => ({ place, start, end, category: CATEGORIES.indexOf(category) })),
    places,
  );
}

/** A place's count, events with a range and commonest category (null for none) in a window. */
function countsIn(columns: ReturnType<typeof createColumns>, window: { from: number; to: number }) {
  const counts = new WindowCounts(columns);
  counts.moveTo(window);
  return (place: number) => ({ count: counts.count(place), uncertain: counts.uncertain(place), dominant: counts.dominant(place) === -1 ? null : CATEGORIES[counts.dominant(place)] });
}

describe('counts', () => {
  it('count nothing for no events', () => {
    const columns = createColumns([], 1);
    expect(totalInWindow(columns, { from: 0, to: 10 })).toBe(0);
    expect(countsIn(columns, { from: 0, to: 10 })(0)).toEqual({ count: 0, uncertain: 0, dominant: null });
  });

  it('count events per place inside the window, with the commonest category', () => {
    const columns = createColumns([
      [0, 1, 1, 'meeting'],
      [0, 2, 2, 'attack'],
      [0, 3, 3, 'attack'],
      [1, 50, 50, 'attack'],
    ]);
    const placeCounts = countsIn(columns, { from: 0, to: 10 });
    expect(placeCounts(0)).toEqual({ count: 3, uncertain: 0, dominant: 'attack' });
    expect(placeCounts(1)).toEqual({ count: 0, uncertain: 0, dominant: null });
    expect(totalInWindow(columns, { from: 0, to: 10 })).toBe(3);
  });

  it('break category ties in CATEGORIES order, and count ranged events as uncertain', () => {
    const columns = createColumns([
      [0, 1, 3, 'attack'],
      [0, 2, 2, 'meeting'],
    ]);
    expect(countsIn(columns, { from: 0, to: 10 })(0)).toEqual({ count: 2, uncertain: 1, dominant: 'meeting' });
  });

  it('count a ranged event in every window it overlaps, even by its first or last day alone', () => {
    const columns = createColumns([[0, 3, 8, 'attack']]);
    expect([totalInWindow(columns, { from: 0, to: 2 }), totalInWindow(columns, { from: 0, to: 3 }), totalInWindow(columns, { from: 8, to: 9 }), totalInWindow(columns, { from: 9, to: 9 })]).toEqual([0, 1, 1, 0]);
  });

  it('never lowers a count when the window widens', () => {
    const columns = createColumns(
      [
        [0, 3, 8, 'attack'],
        [1, 5, 5, 'attack'],
        [2, 12, 14, 'attack'],
      ],
      3,
    );
    const totals = Array.from({ length: 21 }, (_, to) => totalInWindow(columns, { from: 0, to }));
    expect(totals).toEqual([0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
  });

  it('spread a ranged event over its days as possible, and an exact one on its day', () => {
    const columns = createColumns([
      [0, 2, 2, 'attack'],
      [0, 3, 5, 'attack'],
    ]);
    const bins = histogram({ firstDay: columns.firstDay, ...dailyCounts(columns) }, { from: 1, to: 4 });
    expect(bins).toEqual([
      { day: 1, exact: 0, possible: 0 },
      { day: 2, exact: 1, possible: 0 },
      { day: 3, exact: 0, possible: 1 },
      { day: 4, exact: 0, possible: 1 },
    ]);
  });

  it('give empty bins for days outside the events, and for no events', () => {
    const columns = createColumns([[0, 2, 2, 'attack']]);
    expect(histogram({ firstDay: columns.firstDay, ...dailyCounts(columns) }, { from: 3, to: 4 })).toEqual([
      { day: 3, exact: 0, possible: 0 },
      { day: 4, exact: 0, possible: 0 },
    ]);
    const none = createColumns([], 0);
    expect(histogram({ firstDay: none.firstDay, ...dailyCounts(none) }, { from: 0, to: 1 })).toEqual([
      { day: 0, exact: 0, possible: 0 },
      { day: 1, exact: 0, possible: 0 },
    ]);
  });
});
