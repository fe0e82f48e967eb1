import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDisagreements, type Disagreement } from '../../src/core/disagreements.ts';
import type { Category, MapEvent } from '../../src/core/model.ts';
import { createEvent } from '../ingest/helpers.ts';

const report = (id: string, article: string, category: Category, start: number, end = start, place = 'al-waleed') => createEvent({ id, article, category, start, end, place });

/** The definition, one pair at a time (the implementation before it sorted and bisected): the reference. */
function findDisagreementsByEveryPair(events: readonly MapEvent[]): Disagreement[] {
  const pairs: Disagreement[] = [];
  for (let i = 0; i < events.length; i++) {
    for (let j = i + 1; j < events.length; j++) {
      const a = events[i];
      const b = events[j];
      if (a.place !== b.place || a.article === b.article) continue;
      if (a.start > b.end || b.start > a.end) continue;
      if ((a.category === 'capture' && b.category === 'recapture') || (a.category === 'recapture' && b.category === 'capture')) pairs.push({ a, b });
    }
  }
  return pairs;
}

/** Reports over few places, articles and days, so that many overlap; a few end before they start. */
function arbitraryReports(options: { sorted: boolean }) {
  return fc
    .array(
      fc.record({
        place: fc.constantFrom('a', 'b', 'c'),
        article: fc.constantFrom('x', 'y', 'z', 'w'),
        category: fc.constantFrom<Category>('capture', 'recapture', 'attack'),
        start: fc.integer({ min: 0, max: 20 }),
        length: fc.integer({ min: -1, max: 8 }),
      }),
      { maxLength: 60 },
    )
    .map((raw) => {
      const events = raw.map((r, i) => report(`e${i}`, r.article, r.category, r.start, r.start + r.length, r.place));
      return options.sorted ? events.sort((p, q) => p.start - q.start) : events;
    });
}

/** The pairs as input positions, so that two reports alike are told apart. */
function positionsOf(events: readonly MapEvent[], pairs: readonly Disagreement[]): [number, number][] {
  return pairs.map(({ a, b }) => [events.indexOf(a), events.indexOf(b)]);
}

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

  it('finds nothing in no reports, or in one', () => {
    expect(findDisagreements([])).toEqual([]);
    expect(findDisagreements([report('a', 'x', 'capture', 5)])).toEqual([]);
  });

  it('gives every pair once, in input order: by the first report, then the second', () => {
    const events = [report('a', 'x', 'recapture', 3, 6), report('b', 'y', 'capture', 1, 9), report('c', 'z', 'capture', 4), report('d', 'x', 'capture', 5), report('e', 'w', 'recapture', 5)];
    expect(positionsOf(events, findDisagreements(events))).toEqual([
      [0, 1],
      [0, 2],
      [1, 4],
      [3, 4],
    ]);
  });

  it('finds the pairs of a report amid many from its own article', () => {
    const own = Array.from({ length: 6 }, (_, i) => report(`x${i}`, 'x', 'recapture', 5));
    const events = [report('a', 'x', 'capture', 5), ...own, report('b', 'y', 'recapture', 5), ...own.map((e) => ({ ...e, id: `${e.id}'` })), report('c', 'z', 'recapture', 5)];
    expect(positionsOf(events, findDisagreements(events))).toEqual([
      [0, 7],
      [0, 14],
    ]);
  });

  it('finds the same pairs, in the same order, as comparing every pair, for reports in date order', () => {
    fc.assert(
      fc.property(arbitraryReports({ sorted: true }), (events) => {
        expect(positionsOf(events, findDisagreements(events))).toEqual(positionsOf(events, findDisagreementsByEveryPair(events)));
      }),
      { numRuns: 1000 },
    );
  });

  it('finds the same pairs, in the same order, as comparing every pair, for reports in any order', () => {
    fc.assert(
      fc.property(arbitraryReports({ sorted: false }), (events) => {
        expect(positionsOf(events, findDisagreements(events))).toEqual(positionsOf(events, findDisagreementsByEveryPair(events)));
      }),
      { numRuns: 1000 },
    );
  });
});
