import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, readDevCorpus } from '../../src/ingest/eval/evaluate.ts';
import { loadGazetteer } from '../../src/ingest/gazetteer/gazetteer.ts';
import { evaluateCategory } from '../../src/ingest/judge/category.ts';
import { evaluateJudge } from '../../src/ingest/judge/train.ts';
import { f1, precision, scoreEvents, type GoldEvent, type GoldPlace } from '../../src/ingest/eval/score.ts';
import type { EventRecord } from '../../src/core/model.ts';

const FLOORS = JSON.parse(readFileSync('test/corpus/floors.json', 'utf8')) as {
  judge: Record<string, { precision: number; f1: number }> & { calibrationWithin: number };
  category: { used: number; rules: number };
  rules: Record<string, Record<string, { f1: number; placesFound: number }>>;
};
const SETTINGS = ['out of the box', 'curated places'];

describe('the rules alone on the development corpus (npm run eval)', () => {
  const { figures, placesByStory } = evaluate('test/corpus', ['tune', 'test']);
  it("report the places found story by story, the stories adding up to the half's share", () => {
    for (const setting of SETTINGS) {
      for (const half of ['tune', 'test']) {
        const byStory = placesByStory.get(setting)!.get(half)!;
        const stories = [...byStory].filter(([story]) => story !== '(all)').map(([, p]) => p);
        expect(stories.length).toBeGreaterThan(20);
        const all = byStory.get('(all)')!;
        expect(stories.reduce((n, p) => n + p.named, 0)).toBe(all.named);
        expect(stories.reduce((n, p) => n + p.found, 0)).toBe(all.found);
        expect(Math.round((all.found / all.named) * 1000) / 1000).toBe(figures[setting][half].placesFound);
        expect(stories.some((p) => p.found < p.named)).toBe(true);
      }
    }
  });
  for (const setting of SETTINGS) {
    for (const half of ['tune', 'test']) {
      it(`keep F1 and the places they find at or above the recorded floor: ${setting}, ${half} half`, () => {
        expect(figures[setting][half].f1).toBeGreaterThanOrEqual(FLOORS.rules[setting][half].f1);
        expect(figures[setting][half].placesFound).toBeGreaterThanOrEqual(FLOORS.rules[setting][half].placesFound);
      });
    }
  }
});

describe('the judge on the development corpus, leave one story out (npm run eval)', () => {
  const judged = evaluateJudge(readDevCorpus('test/corpus'), loadGazetteer());
  for (const setting of SETTINGS) {
    it(`keeps precision and F1 at or above the recorded floor at its default threshold: ${setting}`, () => {
      const all = judged.scores.get(setting)!.get('(all)')!;
      expect(precision(all)).toBeGreaterThanOrEqual(FLOORS.judge[setting].precision);
      expect(f1(all)).toBeGreaterThanOrEqual(FLOORS.judge[setting].f1);
    });
  }

  it('says how sure it is as often as it is right: within the recorded margin in every band of 20 events or more', () => {
    const bands = judged.calibration.filter((b) => b.count >= 20);
    expect(bands.length).toBeGreaterThanOrEqual(4);
    for (const b of bands) expect(Math.abs(b.predicted - b.observed), `${b.from}–${b.to}`).toBeLessThanOrEqual(FLOORS.judge.calibrationWithin);
  });
});

describe('the kind of event on the development corpus, leave one story out (npm run eval)', () => {
  it('is right at least as often as the recorded floor, and more often as the ingest gives it than by the rules alone', { timeout: 120_000 }, () => {
    const kinds = evaluateCategory(readDevCorpus('test/corpus'));
    expect(kinds.examples).toBeGreaterThanOrEqual(900);
    expect(kinds.used).toBeGreaterThanOrEqual(FLOORS.category.used);
    expect(kinds.rules).toBeGreaterThanOrEqual(FLOORS.category.rules);
    expect(kinds.used).toBeGreaterThan(kinds.rules);
  });
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
