import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/ingest/evaluate.ts';
import { scoreEvents, type GoldEvent, type GoldPlace } from '../../src/ingest/score.ts';
import type { EventRecord } from '../../src/core/model.ts';

const FLOORS = JSON.parse(readFileSync('test/corpus/floors.json', 'utf8')) as Record<string, Record<string, { f1: number; placesFound: number }>>;

describe('the pipeline on the development corpus (npm run eval)', () => {
  const { figures } = evaluate('test/corpus', ['tune', 'test']);
  for (const setting of ['out of the box', 'curated places']) {
    for (const half of ['tune', 'test']) {
      it(`keeps F1 and the places it finds at or above the recorded floor: ${setting}, ${half} half`, () => {
        expect(figures[setting][half].f1).toBeGreaterThanOrEqual(FLOORS[setting][half].f1);
        expect(figures[setting][half].placesFound).toBeGreaterThanOrEqual(FLOORS[setting][half].placesFound);
      });
    }
  }
});

describe('scoring events against gold', () => {
  const quote = 'Shells hit a house in Khan Younis, in the southern Gaza Strip, on Tuesday.';
  const gold = (place: string, required: boolean): GoldEvent => ({ article: 'a', quote, place, start: '2014-07-08', end: '2014-07-08', acceptable: { from: '2014-07-08', to: '2014-07-08' }, category: 'attack', required });
  const event = (place: string, start = '2014-07-08'): EventRecord => ({ id: `a#${place}`, article: 'a', place, start, end: start, category: 'attack', quote, quoteStart: 0, mentionStart: 0, mentionEnd: 1, dateBasis: 'stated', dateText: null });
  const places = new Map<string, GoldPlace>([
    ['khan-younis', { lngLat: [34.306, 31.346], radiusKm: null }],
    ['gaza-strip', { lngLat: [34.39, 31.42], radiusKm: 20 }],
  ]);

  it('pairs each found event with one gold event, required ones and the closest places first', () => {
    const one = scoreEvents([event('khan-younis')], [gold('gaza-strip', false), gold('khan-younis', true)], [], places, places);
    expect([one.truePositives, one.found, one.falsePositives]).toEqual([1, 1, 0]);
    const both = scoreEvents([event('gaza-strip'), event('khan-younis')], [gold('gaza-strip', false), gold('khan-younis', true)], [], places, places);
    expect([both.truePositives, both.found, both.falsePositives]).toEqual([2, 1, 0]);
  });

  it('counts an event outside the acceptable range as false, and says so', () => {
    const late = scoreEvents([event('khan-younis', '2014-07-09')], [gold('khan-younis', true)], [], places, places);
    expect([late.truePositives, late.found]).toEqual([0, 0]);
    expect(late.falseEvents[0].cause).toMatch(/^wrong date/);
  });
});
