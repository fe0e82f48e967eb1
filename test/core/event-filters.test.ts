import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildColumns } from '../../src/core/event-columns.ts';
import { NO_FILTERS, categoryFilter, isFiltering, passesFilters, type EventFilters } from '../../src/core/event-filters.ts';
import { articleMask, categoryMask, intersectMasks, outletMask } from '../../src/core/event-mask.ts';
import { CATEGORIES, type Category } from '../../src/core/model.ts';
import { quoteMask, readQuoteIndex, searchTerms, writeQuoteLines } from '../../src/core/quote-search.ts';
import { createEvent } from '../ingest/helpers.ts';

const ARTICLES = [
  { id: 'a-1', outlet: 'Reuters' },
  { id: 'a-2', outlet: 'AFP' },
  { id: 'a-3', outlet: null },
];
const OUTLETS = ['AFP', 'Reuters'];

describe('the filters', () => {
  it('keep every event when empty, and treat every category or none as no category filter', () => {
    expect(isFiltering(NO_FILTERS)).toBe(false);
    expect(isFiltering({ ...NO_FILTERS, query: '   ' })).toBe(false);
    expect(isFiltering({ ...NO_FILTERS, query: 'x' })).toBe(true);
    expect(categoryFilter([])).toBeNull();
    expect(categoryFilter(CATEGORIES)).toBeNull();
    expect(categoryFilter(['attack', 'capture', 'attack'])).toEqual(['capture', 'attack']); // CATEGORIES order, each once
  });

  it('pass an event that meets every filter given, and no other', () => {
    const event = createEvent({ place: 'tal-afar', start: 1, category: 'capture', article: 'a-1', quote: 'Militants seized Tal Afar.' });
    const reuters = { outlet: 'Reuters' };
    const f = (filters: Partial<EventFilters>) => passesFilters(event, reuters, { ...NO_FILTERS, ...filters });
    expect(f({})).toBe(true);
    expect(f({ categories: ['attack', 'capture'] })).toBe(true);
    expect(f({ categories: ['attack'] })).toBe(false);
    expect(f({ outlet: 'Reuters', article: 'a-1', query: 'TAL seized' })).toBe(true);
    expect(f({ outlet: 'AFP' })).toBe(false);
    expect(f({ article: 'a-2' })).toBe(false);
    expect(f({ query: 'mosul' })).toBe(false);
  });

  it('keep in the Sources panel exactly the events the masks keep on the map, for any events and filters', () => {
    const arbitraryEvent = fc.record({
      start: fc.integer({ min: 0, max: 20 }),
      category: fc.constantFrom(...CATEGORIES),
      article: fc.integer({ min: 0, max: 2 }),
      quote: fc.array(fc.constantFrom('Tal', 'Afar', 'mosul', 'Baghdad', 'seized', 'é'), { maxLength: 5 }).map((w) => w.join(' ')),
    });
    const arbitraryFilters = fc.record({
      categories: fc.option(fc.subarray([...CATEGORIES] as Category[], { minLength: 1 })),
      outlet: fc.option(fc.constantFrom(...OUTLETS)),
      article: fc.option(fc.constantFrom('a-1', 'a-2', 'a-3')),
      query: fc.constantFrom('', 'tal', 'afar tal', 'E', 'nowhere'),
    });
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { maxLength: 20 }), arbitraryFilters, (raw, given) => {
        const sorted = [...raw].sort((a, b) => a.start - b.start);
        const events = sorted.map((e, i) => createEvent({ place: 'p', start: e.start, category: e.category, article: ARTICLES[e.article].id, quote: e.quote, id: `e${i}` }));
        const filters: EventFilters = { ...given, categories: categoryFilter(given.categories) };
        const columns = buildColumns(
          sorted.map((e) => ({ place: 0, start: e.start, end: e.start, category: CATEGORIES.indexOf(e.category), article: e.article })),
          1,
          ARTICLES.map((a) => (a.outlet === null ? -1 : OUTLETS.indexOf(a.outlet))),
        );
        const terms = searchTerms(filters.query);
        const mask = intersectMasks([
          filters.categories ? categoryMask(columns, [...filters.categories].map((c) => CATEGORIES.indexOf(c))) : null,
          filters.outlet ? outletMask(columns, OUTLETS.indexOf(filters.outlet)) : null,
          filters.article ? articleMask(columns, ARTICLES.findIndex((a) => a.id === filters.article)) : null,
          terms.length ? quoteMask(readQuoteIndex(writeQuoteLines(events.map((e) => e.quote)), events.length), terms) : null,
        ]);
        const kept = events.map((e) => (passesFilters(e, ARTICLES.find((a) => a.id === e.article), filters) ? 1 : 0));
        expect(mask ? [...mask] : events.map(() => 1)).toEqual(kept);
      }),
      { numRuns: 500 },
    );
  });
});
