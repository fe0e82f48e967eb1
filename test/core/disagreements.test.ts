import { describe, expect, it } from 'vitest';
import { findDisagreements } from '../../src/core/disagreements.ts';
import type { Category, MapEvent } from '../../src/core/model.ts';

function createEvent(id: string, article: string, category: Category, start: number, end = start, place = 'al-waleed'): MapEvent {
  return { id, article, place, start, end, category, quote: id, quoteStart: 0, mentionStart: null, mentionEnd: null, dateBasis: 'stated', dateText: null };
}

describe('disagreements', () => {
  it('pairs a capture and a recapture of one place on one day from two articles', () => {
    const a = createEvent('a', 'x', 'capture', 5);
    const b = createEvent('b', 'y', 'recapture', 5);
    expect(findDisagreements([a, b])).toEqual([{ a, b }]);
  });

  it('does not pair reports from one article, on days apart, at other places, or that agree', () => {
    expect(findDisagreements([createEvent('a', 'x', 'capture', 5), createEvent('b', 'x', 'recapture', 5)])).toEqual([]);
    expect(findDisagreements([createEvent('a', 'x', 'capture', 5), createEvent('b', 'y', 'recapture', 6)])).toEqual([]);
    expect(findDisagreements([createEvent('a', 'x', 'capture', 5), createEvent('b', 'y', 'recapture', 5, 5, 'mosul')])).toEqual([]);
    expect(findDisagreements([createEvent('a', 'x', 'capture', 5), createEvent('b', 'y', 'capture', 5)])).toEqual([]);
  });

  it('pairs reports whose date ranges overlap', () => {
    expect(findDisagreements([createEvent('a', 'x', 'capture', 1, 5), createEvent('b', 'y', 'recapture', 5, 9)])).toHaveLength(1);
  });
});
