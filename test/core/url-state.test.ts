import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/core/day.ts';
import { formatSure, formatView, parseHash, serializeHash } from '../../src/core/url-state.ts';

describe('the URL hash', () => {
  it('reads the contract example', () => {
    expect(parseHash('#from=2014-06-20&to=2014-06-30&place=tal-afar&map=6/35.1/41.2')).toEqual({
      from: parseDay('2014-06-20'),
      to: parseDay('2014-06-30'),
      place: 'tal-afar',
      view: { zoom: 6, lat: 35.1, lng: 41.2 },
    });
  });

  it('round-trips a state', () => {
    const state = { from: parseDay('2014-06-20')!, to: parseDay('2014-06-30')!, place: 'tal-afar', view: { zoom: 6, lat: 35.1, lng: 41.2 } };
    expect(parseHash(serializeHash(state))).toEqual(state);
    expect(serializeHash({})).toBe('');
  });

  it('drops each part it cannot read and keeps the rest', () => {
    expect(parseHash('#from=2014-02-30&to=2014-06-30&place=<script>&map=99/1/1')).toEqual({ to: parseDay('2014-06-30'), unreadDays: [{ key: 'from', text: '2014-02-30' }] });
    expect(parseHash('#place=%E0%A4%A&map=6/91/0')).toEqual({});
    expect(parseHash('from&=&&to=&map=6/abc/1')).toEqual({});
  });

  it('keeps a from or to that is no day, as the link wrote it (cut at 40 characters), for the app to say it ignored', () => {
    expect(parseHash('#from=banana&to=2014-13-45').unreadDays).toEqual([{ key: 'from', text: 'banana' }, { key: 'to', text: '2014-13-45' }]);
    expect(parseHash(`#from=${'9'.repeat(60)}`).unreadDays).toEqual([{ key: 'from', text: `${'9'.repeat(40)}…` }]);
    expect(serializeHash(parseHash('#from=banana&to=2014-06-30'))).toBe('#to=2014-06-30');
  });

  it('reads and writes which list shows: list=events, and nothing for the list of places', () => {
    expect(parseHash('#list=events&place=baghdad')).toEqual({ list: 'events', place: 'baghdad' });
    expect(parseHash('#list=nonsense')).toEqual({});
    expect(serializeHash({ list: 'events', from: parseDay('2014-06-20')! })).toBe('#from=2014-06-20&list=events');
    expect(serializeHash({ list: 'places' })).toBe('');
  });

  it('swaps a window given backwards', () => {
    expect(parseHash('#from=2014-06-30&to=2014-06-20')).toEqual({ from: parseDay('2014-06-20'), to: parseDay('2014-06-30') });
  });

  it('reads and writes the filters: categories, outlet, article and the text search', () => {
    const hash = '#from=2014-06-20&cat=capture,attack&outlet=FRANCE%2024%20(AP%20%26%20Reuters)&article=kerry-baghdad-2014-06-23&q=Tal%20Afar%20%C3%A9';
    const state = parseHash(hash);
    expect(state).toEqual({ from: parseDay('2014-06-20'), categories: ['capture', 'attack'], outlet: 'FRANCE 24 (AP & Reuters)', article: 'kerry-baghdad-2014-06-23', query: 'Tal Afar é' });
    expect(serializeHash(state)).toBe(hash);
  });

  it('writes the categories in their own order, each once, and keeps the known ones of a list', () => {
    expect(parseHash('#cat=other,attack,attack,nonsense,')).toEqual({ categories: ['attack', 'other'] });
    expect(serializeHash({ categories: ['attack', 'other'] })).toBe('#cat=attack,other');
  });

  it('ignores a filter it cannot read: no known category, a blank or overlong query, an article id with markup, a lone surrogate', () => {
    expect(parseHash('#cat=bombing,%3Cb%3E&q=%20%20&article=%3Cscript%3E&outlet=')).toEqual({});
    expect(parseHash(`#q=${'x'.repeat(201)}&to=2014-06-30`)).toEqual({ to: parseDay('2014-06-30') });
    expect(parseHash('#q=%20Mosul%20')).toEqual({ query: 'Mosul' });
    expect(parseHash('#outlet=\uD800x&q=a\uDC00')).toEqual({});
  });

  it('reads and writes the minimum confidence, 0–1 to two decimals, after the text search', () => {
    expect(parseHash('#q=Mosul&sure=0.3')).toEqual({ query: 'Mosul', sure: 0.3 });
    expect(['0', '0.05', '.5', '1', '1.0', '1.00', '0.47'].map((v) => parseHash(`#sure=${v}`).sure)).toEqual([0, 0.05, 0.5, 1, 1, 1, 0.47]);
    expect(serializeHash({ query: 'Mosul', sure: 0.3, list: 'events' })).toBe('#q=Mosul&sure=0.3&list=events');
    expect(serializeHash({ sure: 0 })).toBe('#sure=0');
    expect(serializeHash({ sure: 1 })).toBe('#sure=1');
    expect(formatSure(0.4700000001)).toBe('0.47');
  });

  it('ignores a minimum confidence it cannot read: out of 0–1, three decimals, a sign, a word', () => {
    for (const value of ['1.01', '2', '-0.1', '0.475', '+0.3', 'high', '', '0.', '1e-1', '%200.3']) expect(parseHash(`#sure=${value}`)).toEqual({});
  });

  it('writes the view with the precision MapLibre uses', () => {
    expect(formatView({ zoom: 6.123, lat: 35.123456, lng: 41.987654 })).toBe('6.12/35.123/41.988');
    expect(formatView({ zoom: 1, lat: 35.123456, lng: 41.987654 })).toBe('1/35.1/42');
  });

  it('never throws, and always yields a state it can write and read back (any string)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const state = parseHash(text);
        expect(parseHash(serializeHash(state))).toEqual(state);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back any query and outlet it writes', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).map((t) => t.trim()).filter((t) => t.length > 0);
    fc.assert(
      fc.property(text, text, (query, outlet) => {
        const state = { query, outlet };
        expect(parseHash(serializeHash(state))).toEqual(state);
      }),
    );
  });

  it('reads back any valid state it writes', () => {
    const day = fc.integer({ min: parseDay('1900-01-01')!, max: parseDay('2100-12-31')! });
    fc.assert(
      fc.property(day, day, fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/), (a, b, place) => {
        const state = { from: Math.min(a, b), to: Math.max(a, b), place: place.slice(0, 100).replace(/-$/, '') || 'x' };
        expect(parseHash(serializeHash(state))).toEqual(state);
      }),
    );
  });
});

describe('a story step in the hash', () => {
  it('reads story=<id>&step=<n> and writes them back after the view', () => {
    const state = parseHash('#from=2014-06-23&to=2014-06-23&place=baghdad&story=kerry-week&step=2');
    expect(state).toMatchObject({ place: 'baghdad', story: 'kerry-week', step: 2 });
    expect(serializeHash(state)).toBe('#from=2014-06-23&to=2014-06-23&place=baghdad&story=kerry-week&step=2');
  });

  it('ignores a story that is no id and a step that is no positive whole number', () => {
    expect(parseHash('#story=Kerry%20Week&step=0')).toEqual({});
    expect(parseHash('#story=kerry-week&step=-1').step).toBeUndefined();
    expect(parseHash('#story=kerry-week&step=2.5').step).toBeUndefined();
  });
});
