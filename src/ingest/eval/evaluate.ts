import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../run/files.ts';
import { loadGazetteer } from '../gazetteer/gazetteer.ts';
import distance from '@turf/distance';
import type { Place } from '../../core/model.ts';
import type { Gazetteer } from '../gazetteer/gazetteer.ts';
import { corpusCountries, firstReading, runIngest, type ArticleReport, type ArticleWithText, type IngestResult } from '../run/pipeline.ts';
import { createPlaceFinder } from '../places/place-finder.ts';
import { ALL_BENCHMARKS, modelTrainedOn, readModelFile, type GeoparseModel } from '../geoparse/model-file.ts';
import { NO_EVENT, PLACE_TOLERANCE_KM, squash, f1, precision, recall, scoreEvents, sumScores, type GoldEvent, type GoldPlace, type GoldTrap, type Scored } from './score.ts';

/** What `npm run eval` measures: both halves, out of the box (gazetteer only) and with the corpus's curated places. */
export interface EvalFigures {
  [setting: string]: { [half: string]: { precision: number; recall: number; f1: number; tp: number; fp: number; found: number; required: number; placesFound: number; placesFoundLearned: number } };
}

/** A required gold event whose place the finder did not place in its sentence (named there, yet missed). */
export interface PlaceMiss {
  gold: GoldEvent;
  /** What the finder placed in the sentence instead, if anything. */
  found: string[];
}

/** The development corpus as the eval reads it: gold, stories, halves, and its two settings' inputs. */
export interface DevCorpus {
  gold: { events: GoldEvent[]; traps: GoldTrap[] };
  split: { stories: Record<string, string[]>; tune: string[]; test: string[] };
  storyOf: Map<string, string>;
  goldPlaces: Map<string, GoldPlace>;
  settings: Record<'out of the box' | 'curated places', { corpus: ArticleWithText[]; places: Place[] }>;
}

export function readDevCorpus(corpusDir: string): DevCorpus {
  const gold = JSON.parse(readFileSync(join(corpusDir, 'gold.json'), 'utf8')) as DevCorpus['gold'];
  const split = JSON.parse(readFileSync(join(corpusDir, 'split.json'), 'utf8')) as DevCorpus['split'];
  const storyOf = new Map(Object.entries(split.stories).flatMap(([story, ids]) => ids.map((id) => [id, story] as const)));
  const curated = readInputs({ articles: join(corpusDir, 'articles.json'), places: join(corpusDir, 'places.geojson') });
  const goldPlaces = new Map<string, GoldPlace>(curated.places.map((p) => [p.id, { lngLat: p.lngLat, radiusKm: p.radiusKm }]));
  const empty = readInputs({ articles: join(corpusDir, 'articles.json'), places: join(corpusDir, 'no-places.geojson') });
  return {
    gold,
    split,
    storyOf,
    goldPlaces,
    settings: {
      'out of the box': { corpus: empty.corpus, places: [] as Place[] },
      'curated places': { corpus: curated.corpus, places: curated.places },
    },
  };
}

/** The places an ingest result's events may use, by id: the corpus's curated ones and those it found. */
export function placesOf(result: IngestResult, goldPlaces: ReadonlyMap<string, GoldPlace>): Map<string, GoldPlace> {
  return new Map<string, GoldPlace>([...goldPlaces, ...result.places.map((f) => [f.id, { lngLat: f.geometry.coordinates as [number, number], radiusKm: f.properties.radiusKm ?? null }] as const)]);
}

/**
 * Of a story's required gold events whose place is named in their sentence: how many, how many the finder placed
 * there, and how many it placed there with the learned geoparser reading the rules' places again (see overrule in
 * place-finder.ts; a measurement: the map's finder uses the rules).
 */
export interface PlacesFound {
  named: number;
  found: number;
  learned: number;
}

export function evaluate(corpusDir: string, halves: readonly string[], options: { gazetteer?: boolean } = {}): { figures: EvalFigures; details: Map<string, Map<string, Map<string, Scored>>>; placeMisses: Map<string, Map<string, PlaceMiss[]>>; placesByStory: Map<string, Map<string, Map<string, PlacesFound>>> } {
  const { gold, split, storyOf, goldPlaces, settings } = readDevCorpus(corpusDir);
  const gazetteer = options.gazetteer === false ? null : loadGazetteer();
  const figures: EvalFigures = {};
  const details = new Map<string, Map<string, Map<string, Scored>>>();
  const placeMisses = new Map<string, Map<string, PlaceMiss[]>>();
  const placesByStory = new Map<string, Map<string, Map<string, PlacesFound>>>();
  for (const [setting, { corpus, places: known }] of Object.entries(settings)) {
    const result = runIngest(corpus, known, { gazetteer, explain: true });
    const rejectedBy = new Map(result.report.map((r) => [r.article, r.rejected]));
    const placed = placesBySentence(corpus, known, gazetteer, gold.events, null);
    const placedLearned = placesBySentence(corpus, known, gazetteer, gold.events, gazetteer ? modelTrainedOn(readModelFile(), ALL_BENCHMARKS) : null);
    const places = placesOf(result, goldPlaces);
    figures[setting] = {};
    details.set(setting, new Map());
    placeMisses.set(setting, new Map());
    placesByStory.set(setting, new Map());
    for (const half of halves) {
      const ids = new Set(half === 'all' ? [...split.tune, ...split.test] : split[half as 'tune' | 'test']);
      const perStory = new Map<string, Scored>();
      for (const story of Object.keys(split.stories)) {
        const inStory = (article: string) => ids.has(article) && storyOf.get(article) === story;
        const scored = scoreEvents(result.events.filter((e) => inStory(e.article)), gold.events.filter((g) => inStory(g.article)), gold.traps.filter((t) => inStory(t.article)), goldPlaces, places);
        for (const miss of scored.misses) if (miss.cause === NO_EVENT) miss.cause = whyMissed(miss.gold, rejectedBy.get(miss.gold.article) ?? [], places, goldPlaces);
        perStory.set(story, scored);
      }
      const total = sumScores([...perStory.values()]);
      perStory.set('(all)', total);
      details.get(setting)!.set(half, perStory);
      // The places alone: of the required gold events whose place is named in their sentence, how many the finder placed there.
      const named = gold.events.filter((g) => g.required && ids.has(g.article) && placed.has(g));
      const misses = named.filter((g) => !placed.get(g)!.some((p) => near(p, goldPlaces.get(g.place)!)));
      placeMisses.get(setting)!.set(half, misses.map((g) => ({ gold: g, found: placed.get(g)!.map((p) => p.name) })));
      const missed = new Set(misses);
      const foundLearned = new Set(named.filter((g) => (placedLearned.get(g) ?? []).some((p) => near(p, goldPlaces.get(g.place)!))));
      const byStory = new Map<string, PlacesFound>();
      for (const story of [...Object.keys(split.stories), '(all)']) {
        const inStory = named.filter((g) => story === '(all)' || storyOf.get(g.article) === story);
        byStory.set(story, { named: inStory.length, found: inStory.filter((g) => !missed.has(g)).length, learned: inStory.filter((g) => foundLearned.has(g)).length });
      }
      placesByStory.get(setting)!.set(half, byStory);
      figures[setting][half] = { precision: round(precision(total)), recall: round(recall(total)), f1: round(f1(total)), tp: total.truePositives, fp: total.falsePositives, found: total.found, required: total.required, placesFound: round(named.length ? (named.length - misses.length) / named.length : 1), placesFoundLearned: round(named.length ? foundLearned.size / named.length : 1) };
    }
  }
  return { figures, details, placeMisses, placesByStory };
}

/**
 * For each gold event whose sentence is found in its article: the places the finder puts in that sentence
 * (curated and gazetteer, before any event rule). Gold events whose sentence is missing are left out.
 */
function placesBySentence(corpus: readonly ArticleWithText[], known: readonly Place[], gazetteer: Gazetteer | null, events: readonly GoldEvent[], learned: GeoparseModel | null): Map<GoldEvent, { name: string; lngLat: [number, number]; radiusKm: number | null }[]> {
  const finder = createPlaceFinder(known, gazetteer, undefined, learned);
  const texts = new Map(corpus.map((c) => [c.article.id, c.text]));
  const first = firstReading(finder, corpus);
  const counts = corpusCountries([first]);
  const found = new Map(corpus.map((c, i) => [c.article.id, finder.resolve(c.text, first.scans?.[i] ?? finder.scan(c.text), counts)]));
  const placed = new Map<GoldEvent, { name: string; lngLat: [number, number]; radiusKm: number | null }[]>();
  for (const g of events) {
    const text = texts.get(g.article);
    const start = text?.indexOf(g.quote) ?? -1;
    if (!text || start < 0) continue;
    const end = start + g.quote.length;
    const mentions = found.get(g.article)!.mentions.filter((m) => m.start >= start && m.end <= end);
    placed.set(g, mentions.map((m) => finder.place(m.place)!).map((p) => ({ name: `${p.name} (${p.country})`, lngLat: p.lngLat, radiusKm: p.radiusKm })));
  }
  return placed;
}

/** The reason the ingest gave for not making an event of a missed gold event's place in its sentence, if it saw the place there. */
function whyMissed(gold: GoldEvent, rejected: ArticleReport['rejected'], places: ReadonlyMap<string, GoldPlace>, goldPlaces: ReadonlyMap<string, GoldPlace>): string {
  const here = goldPlaces.get(gold.place)!;
  const squashed = squash(gold.quote);
  const reasons = rejected.filter((r) => squashed.startsWith(squash(r.quote)) && places.has(r.place) && near(places.get(r.place)!, here)).map((r) => r.reason);
  return reasons.length ? `${NO_EVENT}: ${[...new Set(reasons)].join(', ')}` : NO_EVENT;
}

function near(a: GoldPlace, b: GoldPlace): boolean {
  return distance(a.lngLat, b.lngLat) <= PLACE_TOLERANCE_KM + (a.radiusKm ?? 0) + (b.radiusKm ?? 0);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
