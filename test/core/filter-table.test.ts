import { describe, expect, it } from 'vitest';
import { FILTERS, NO_FILTERS, filterOfUrlKey, isFiltering, passesFilters, type EventFilters } from '../../src/core/event-filters.ts';
import { parseHash, serializeHash, urlFilters } from '../../src/core/url-state.ts';
import { createEvent } from '../ingest/helpers.ts';

const ON: EventFilters = { categories: ['capture', 'attack'], outlet: 'FRANCE 24 (AP & Reuters)', article: 'kerry-baghdad-2014-06-23', query: ' Tal Afar ' };

describe('the table of filters', () => {
  it('names each filter once, by its field and by its key in the hash', () => {
    expect(new Set(FILTERS.map((f) => f.key)).size).toBe(FILTERS.length);
    expect(new Set(FILTERS.map((f) => f.urlKey)).size).toBe(FILTERS.length);
    expect(Object.keys(NO_FILTERS).sort()).toEqual(FILTERS.map((f) => f.key).sort());
    expect(filterOfUrlKey('cat')?.key).toBe('categories');
    expect(filterOfUrlKey('from')).toBeUndefined();
  });

  it('holds every filter off in NO_FILTERS, and each filter keeps every event when off', () => {
    const event = createEvent({ place: 'p', start: 1, category: 'meeting', article: 'a', quote: 'Talks in Paris.' });
    for (const f of FILTERS) expect(f.isOn(NO_FILTERS[f.key] as never)).toBe(false);
    expect(isFiltering(NO_FILTERS)).toBe(false);
    expect(passesFilters(event, { outlet: null }, NO_FILTERS)).toBe(true);
  });

  it('reads back through the hash every filter it writes, one at a time and all together', () => {
    for (const f of FILTERS) {
      const one = { ...NO_FILTERS, [f.key]: ON[f.key] };
      expect(isFiltering(one)).toBe(true);
      expect(parseHash(serializeHash(urlFilters(one)))).toEqual(Object.fromEntries(Object.entries(urlFilters(one)).filter(([, v]) => v !== undefined)));
    }
    expect(serializeHash(urlFilters(ON))).toBe('#cat=capture,attack&outlet=FRANCE%2024%20(AP%20%26%20Reuters)&article=kerry-baghdad-2014-06-23&q=Tal%20Afar');
  });

  it('passes an event only when every filter that is on keeps it', () => {
    const event = createEvent({ place: 'tal-afar', start: 1, category: 'capture', article: 'kerry-baghdad-2014-06-23', quote: 'Militants seized Tal Afar.' });
    const france = { outlet: 'FRANCE 24 (AP & Reuters)' };
    expect(passesFilters(event, france, ON)).toBe(true);
    for (const f of FILTERS) {
      const other = { categories: ['meeting'], outlet: 'AFP', article: 'another-1', query: 'mosul' }[f.key];
      expect(passesFilters(event, france, { ...ON, [f.key]: other })).toBe(false);
    }
  });
});
