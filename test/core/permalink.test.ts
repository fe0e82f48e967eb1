import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/core/day.ts';
import { placePermalink, today } from '../../src/core/permalink.ts';

describe('permalinks of exported events', () => {
  it('keeps the window and the filters, opens the event’s place, and leaves the map’s view out', () => {
    const state = { from: parseDay('2014-06-20')!, to: parseDay('2014-06-30')!, place: 'mosul', categories: ['capture' as const], query: 'a & b', view: { zoom: 6, lat: 35.1, lng: 41.2 } };
    expect(placePermalink('https://datelines.example/app/', state, 'tal-afar')).toBe('https://datelines.example/app/#from=2014-06-20&to=2014-06-30&place=tal-afar&cat=capture&q=a%20%26%20b');
  });

  it('gives a bare address a hash with only the place', () => {
    expect(placePermalink('http://127.0.0.1:5173/', {}, 'mosul')).toBe('http://127.0.0.1:5173/#place=mosul');
  });
});

describe('today', () => {
  it('is the UTC calendar day, also a second before midnight', () => {
    expect(today(Date.UTC(2026, 11, 7, 23, 59, 59))).toBe(parseDay('2026-12-07'));
    expect(today(Date.UTC(2026, 11, 8, 0, 0, 0))).toBe(parseDay('2026-12-08'));
  });
});
