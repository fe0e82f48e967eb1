import { describe, expect, it } from 'vitest';
import { WindowCounts, buildColumns, dailyCounts, startDays } from '../../src/core/event-columns.ts';
import { articleMask, categoryMask, confidenceMask, intersectMasks, maskCount, outletMask } from '../../src/core/event-mask.ts';
import { histogram } from '../../src/core/counts.ts';
import { CATEGORIES, type Category } from '../../src/core/model.ts';

// Every expected value here is worked out by hand from the fixture below. Events are given in start order, so an
// event's number is its index in the list.

const c = (category: Category) => CATEGORIES.indexOf(category);

/**
 * Six events at two places over days 1–9, from three articles: article 0 (outlet 1, "Reuters"), article 1 (outlet
 * 0, "AFP"), article 2 (no known outlet).
 *   #0 place 0, day 1,    attack,  article 0, confidence 0.9
 *   #1 place 0, day 2,    meeting, article 1, confidence 0.47
 *   #2 place 1, days 2–6, attack,  article 1 (a range), confidence 0.46
 *   #3 place 1, day 4,    capture, article 0, not judged
 *   #4 place 0, day 5,    attack,  article 2, confidence 0.1
 *   #5 place 1, day 9,    meeting, article 0, confidence 0
 */
function createColumns() {
  return buildColumns(
    [
      { place: 0, start: 1, end: 1, category: c('attack'), article: 0, confidence: 0.9 },
      { place: 0, start: 2, end: 2, category: c('meeting'), article: 1, confidence: 0.47 },
      { place: 1, start: 2, end: 6, category: c('attack'), article: 1, confidence: 0.46 },
      { place: 1, start: 4, end: 4, category: c('capture'), article: 0 },
      { place: 0, start: 5, end: 5, category: c('attack'), article: 2, confidence: 0.1 },
      { place: 1, start: 9, end: 9, category: c('meeting'), article: 0, confidence: 0 },
    ],
    2,
    [1, 0, -1],
  );
}

describe('event masks', () => {
  it('keep the events of some categories', () => {
    const columns = createColumns();
    expect([...categoryMask(columns, [c('attack')])]).toEqual([1, 0, 1, 0, 1, 0]);
    expect([...categoryMask(columns, [c('meeting'), c('capture')])]).toEqual([0, 1, 0, 1, 0, 1]);
    expect([...categoryMask(columns, [])]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('keep the events of one article, or of the articles of one outlet (an article without outlet is in none)', () => {
    const columns = createColumns();
    expect([...articleMask(columns, 1)]).toEqual([0, 1, 1, 0, 0, 0]);
    expect([...outletMask(columns, 1)]).toEqual([1, 0, 0, 1, 0, 1]);
    expect([...outletMask(columns, 0)]).toEqual([0, 1, 1, 0, 0, 0]);
    expect(maskCount(outletMask(columns, 7))).toBe(0);
  });

  it('keep the events at or above a confidence (hundredths), and every event the judge did not score', () => {
    const columns = createColumns();
    expect([...confidenceMask(columns, 47)!]).toEqual([1, 1, 0, 1, 0, 0]);
    expect([...confidenceMask(columns, 46)!]).toEqual([1, 1, 1, 1, 0, 0]);
    expect([...confidenceMask(columns, 100)!]).toEqual([0, 0, 0, 1, 0, 0]);
    expect(confidenceMask(columns, 0)).toBeNull(); // nothing is under 0: every event, no mask
  });

  it('intersect, with no mask standing for every event', () => {
    const columns = createColumns();
    const attacks = categoryMask(columns, [c('attack')]);
    expect(intersectMasks([])).toBeNull();
    expect(intersectMasks([null, attacks, null])).toBe(attacks);
    expect([...intersectMasks([attacks, outletMask(columns, 0)])!]).toEqual([0, 0, 1, 0, 0, 0]);
    expect([...attacks]).toEqual([1, 0, 1, 0, 1, 0]); // unchanged
  });
});

describe('counts under a mask', () => {
  it('count only the events the mask keeps, per place, with their commonest category', () => {
    const columns = createColumns();
    const counts = new WindowCounts(columns);
    counts.setMask(categoryMask(columns, [c('attack'), c('capture')])); // #0 #2 #3 #4
    counts.moveTo({ from: 1, to: 5 });
    expect(counts.total()).toBe(4);
    expect([counts.count(0), counts.count(1)]).toEqual([2, 2]);
    expect([CATEGORIES[counts.dominant(0)], CATEGORIES[counts.dominant(1)]]).toEqual(['attack', 'capture']); // a tie at place 1 goes to the earlier
    expect([counts.uncertain(0), counts.uncertain(1)]).toEqual([0, 1]);
  });

  it('recount the same window when the mask changes, and again without one', () => {
    const columns = createColumns();
    const counts = new WindowCounts(columns);
    counts.moveTo({ from: 2, to: 4 }); // #1 #2 #3
    expect(counts.total()).toBe(3);
    counts.setMask(outletMask(columns, 1)); // Reuters: #0 #3 #5
    expect(counts.total()).toBe(1);
    expect([counts.count(0), counts.count(1)]).toEqual([0, 1]);
    counts.setMask(null);
    expect(counts.total()).toBe(3);
    expect([counts.count(0), counts.count(1)]).toEqual([1, 2]);
  });

  it('move step by step under a mask, an event with a range leaving when its end leaves the window', () => {
    const columns = createColumns();
    const counts = new WindowCounts(columns);
    counts.setMask(categoryMask(columns, [c('attack')])); // #0 (1), #2 (2–6), #4 (5)
    const totals: number[] = [];
    const placeOne: number[] = [];
    for (let from = 0; from <= 8; from++) {
      counts.moveTo({ from, to: from + 1 });
      totals.push(counts.total());
      placeOne.push(counts.count(1));
    }
    // windows [0,1] [1,2] [2,3] [3,4] [4,5] [5,6] [6,7] [7,8] [8,9]
    expect(totals).toEqual([1, 2, 1, 1, 2, 2, 1, 0, 0]);
    expect(placeOne).toEqual([0, 1, 1, 1, 1, 1, 1, 0, 0]);
  });

  it('count under a confidence mask like any other, and say how many of those shown are under the unsure line', () => {
    const columns = createColumns();
    const counts = new WindowCounts(columns, 47);
    counts.moveTo({ from: 1, to: 9 });
    expect([counts.unsure(0), counts.unsure(1)]).toEqual([1, 2]); // #4; #2 and #5
    counts.setMask(confidenceMask(columns, 10)); // #5 (0) hidden
    expect(counts.total()).toBe(5);
    expect([counts.unsure(0), counts.unsure(1)]).toEqual([1, 1]);
    counts.setMask(intersectMasks([confidenceMask(columns, 47), categoryMask(columns, [c('attack')])])); // #0
    expect([counts.count(0), counts.count(1), counts.unsure(0), counts.unsure(1)]).toEqual([1, 0, 0, 0]);
  });

  it('refuse a mask of another length', () => {
    const counts = new WindowCounts(createColumns());
    expect(() => counts.setMask(new Uint8Array(3))).toThrow(/3 events for 6/);
  });

  it('give the histogram and the event days of the events a mask keeps', () => {
    const columns = createColumns();
    const attacks = categoryMask(columns, [c('attack')]);
    expect(histogram({ firstDay: columns.firstDay, ...dailyCounts(columns, attacks) }, { from: 1, to: 7 })).toEqual([
      { day: 1, exact: 1, possible: 0 },
      { day: 2, exact: 0, possible: 1 },
      { day: 3, exact: 0, possible: 1 },
      { day: 4, exact: 0, possible: 1 },
      { day: 5, exact: 1, possible: 1 },
      { day: 6, exact: 0, possible: 1 },
      { day: 7, exact: 0, possible: 0 },
    ]);
    expect(startDays(columns, attacks)).toEqual([1, 2, 5]);
    expect(startDays(columns, outletMask(columns, 0))).toEqual([2]);
    expect(startDays(columns)).toEqual([1, 2, 4, 5, 9]);
  });
});
