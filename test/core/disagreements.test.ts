import { describe, expect, it } from 'vitest';
import { findDisagreements } from '../../src/core/disagreements.ts';
import type { Category } from '../../src/core/model.ts';
import { createEvent } from '../ingest/helpers.ts';

const report = (id: string, article: string, category: Category, start: number, end = start, place = 'al-waleed') => createEvent({ id, article, category, start, end, place });

describe('disagreements', () => {
  it('pairs a capture and a recapture of one place on one day from two articles', () => {
    const a = report('a', 'x', 'capture', 5);
    const b = report('b', 'y', 'recapture', 5);
    expect(findDisagreements([a, b])).toEqual([{ a, b }]);
  });

  it('does not pair reports from one article, on days apart, at other places, or that agree', () => {
    expect(findDisagreements([report('a', 'x', 'capture', 5), report('b', 'x', 'recapture', 5)])).toEqual([]);
    expect(findDisagreements([report('a', 'x', 'capture', 5), report('b', 'y', 'recapture', 6)])).toEqual([]);
    expect(findDisagreements([report('a', 'x', 'capture', 5), report('b', 'y', 'recapture', 5, 5, 'mosul')])).toEqual([]);
    expect(findDisagreements([report('a', 'x', 'capture', 5), report('b', 'y', 'capture', 5)])).toEqual([]);
  });

  it('pairs reports whose date ranges overlap', () => {
    expect(findDisagreements([report('a', 'x', 'capture', 1, 5), report('b', 'y', 'recapture', 5, 9)])).toHaveLength(1);
  });
});
