import type { Feature, Point } from 'geojson';
import type { Article, EventRecord, Place } from '../../core/model.ts';
import { MONTH_NAME_SOURCE, WEEKDAY_NAME_SOURCE } from '../../core/months.ts';
import { extractArticle, type Judging, type Rejection } from '../rules/extract.ts';
import type { Gazetteer, GazetteerEntry } from '../gazetteer/gazetteer.ts';
import { isGazetteerRef, refParts, type GazetteerRef } from '../gazetteer/place-ref.ts';
import { plainName } from '../gazetteer/normalize.ts';
import { describe } from '../gazetteer/resolve.ts';
import { CORE_LOCATIVE_PREPOSITIONS, alternation } from '../text/lexicon.ts';
import type { SpillWriter } from './event-spill.ts';
import { createPlaceFinder, overlapsAny, type ArticlePlaces, type ArticleScan, type PlaceFinder } from '../places/place-finder.ts';

export interface ArticleWithText {
  article: Article;
  text: string;
}

export interface IngestOptions {
  /** The embedded gazetteer, for the places the curated file lacks; null for the curated places only. */
  gazetteer?: Gazetteer | null;
  /** Names a person has said are not places in this corpus (the curated file's `notPlaces`). */
  notPlaces?: readonly string[];
  /** Report why each mention did not become an event (`--explain`): off, the report lists none. */
  explain?: boolean;
  /** How candidates become events: the rules alone (absent), the judge, or every candidate with its features (see extract.ts). */
  judging?: Judging;
}

/** A place the gazetteer found, in the curated file's shape (see CONTRACT.md), unreviewed. */
export type FoundPlace = Feature<Point, {
  id: string;
  name: string;
  aliases: string[];
  kind: Place['kind'];
  country: string;
  source: string;
  geonames?: number;
  radiusKm?: number;
  reviewed: false;
  candidates?: { ref: string; name: string; country: string; coordinates: [number, number] }[];
}> & { id: string };

/** What an ingest found in one article, for the report. */
export interface ArticleReport {
  article: string;
  events: number;
  /** Gazetteer names and how each was settled (chosen, with its evidence, or left out and why). */
  names: { name: string; place: string | null; reason: string; runnersUp: string[] }[];
  /** Capitalised names after "in", "at", "near"… that neither the curated places nor the gazetteer know. */
  unrecognised: string[];
  /** Mentions of places that did not become events, and why. */
  rejected: { name: string; place: string; reason: string; quote: string }[];
}

export interface IngestResult {
  events: EventRecord[];
  places: FoundPlace[];
  report: ArticleReport[];
  /** The judge's default threshold (events.json's top-level `threshold`), when the judge decided. */
  threshold?: number;
}

/**
 * All events of a corpus in the contract's order: by start day, then article id, then position in the
 * article, then place id; and the gazetteer places they use. Same inputs, same output.
 */
export function runIngest(corpus: readonly ArticleWithText[], places: readonly Place[], options: IngestOptions = {}): IngestResult {
  const finder = createPlaceFinder(places, options.gazetteer ?? null, { notPlaces: options.notPlaces ?? [] });
  const first = firstReading(finder, corpus);
  const parts = secondReading(finder, corpus, first.scans, corpusCountries([first]), { explain: options.explain ?? true, judging: options.judging });
  const result = assemble(parts, places);
  return options.judging && 'judge' in options.judging ? { ...result, threshold: options.judging.judge.threshold } : result;
}

/*
 * A corpus is read twice, and this is the one place that says how. The first reading learns which countries each
 * article is about; their count over the corpus (corpusCountries) is weak evidence for the second, which reads each
 * article whole. Every way of running the ingest (one thread, threads, the queue's coordinator and workers, eval)
 * does these steps, in this order, on its share of the corpus; only the count needs the whole of it.
 */

/**
 * The first reading of some articles: the countries each is about, and each one's scan, kept for the second
 * unless `keepScans` is false (null then: a large run scans again rather than hold every article's names, about
 * 4 kB an article, through the second reading). `onRead` is called after each article.
 */
export interface FirstReading {
  scans: ArticleScan[] | null;
  countries: string[][];
}

export function firstReading(finder: PlaceFinder, corpus: readonly ArticleWithText[], { keepScans = true, onRead }: { keepScans?: boolean; onRead?: () => void } = {}): FirstReading {
  const scans: ArticleScan[] = [];
  const countries = corpus.map(({ text }) => {
    const scan = finder.scan(text);
    if (keepScans) scans.push(scan);
    const found = finder.gazetteer ? finder.resolve(text, scan, new Map()).countries : [];
    onRead?.();
    return found;
  });
  return { scans: keepScans ? scans : null, countries };
}

/** In how many articles of the corpus (the readings of all its shares, in any order) each country occurs. */
export function corpusCountries(readings: readonly Pick<FirstReading, 'countries'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const reading of readings) for (const countries of reading.countries) for (const c of countries) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

export interface SecondReadingOptions {
  explain: boolean;
  judging?: Judging;
  /** Called after each article. */
  onRead?: () => void;
  /** Where each article's events go as soon as it is read (its part then holds none: see event-spill.ts); absent, they stay in the part. */
  spill?: SpillWriter;
}

/** The second reading: each article's part, in order. `scans` are the first reading's (absent: scanned again). */
export function secondReading(finder: PlaceFinder, corpus: readonly ArticleWithText[], scans: readonly ArticleScan[] | null, counts: ReadonlyMap<string, number>, options: SecondReadingOptions): ArticlePart[] {
  return corpus.map(({ article, text }, i) => {
    const part = readArticle(finder, article, text, scans ? scans[i] : finder.scan(text), counts, options.explain, options.judging);
    if (options.spill) {
      for (const event of part.events) options.spill.add(event);
      part.events = [];
    }
    options.onRead?.();
    return part;
  });
}

/** The shape of an ArticlePart, in the queue's keys: change it with any change to the part (results kept in Redis are of one shape). */
export const PART_FORMAT = 'article-part 2';

/** What one article contributes: its events (gazetteer places still by ref), its report, how it spells each place. */
export interface ArticlePart {
  /** Empty when they were spilled (SecondReadingOptions.spill). */
  events: EventRecord[];
  /** The gazetteer places its events are at (by ref), spilled or not. */
  refs: GazetteerRef[];
  report: ArticleReport;
  /** [ref, the spelling as written], once per mention. */
  spellings: [string, string][];
  /** [ref, a runner-up's ref]. */
  runnersUp: [string, string][];
  /** The gazetteer entries the refs above name. */
  entries: GazetteerEntry[];
}

function readArticle(finder: PlaceFinder, article: Article, text: string, scan: ArticleScan, corpusCountries: ReadonlyMap<string, number>, explain: boolean, judging?: Judging): ArticlePart {
  const found = finder.resolve(text, scan, corpusCountries);
  const rejected: Rejection[] = [];
  const events = extractArticle(article, text, found, finder, explain ? rejected : undefined, judging);
  const spellings: [string, string][] = [];
  const runnersUp: [string, string][] = [];
  const entries = new Map<string, GazetteerEntry>();
  for (const r of found.resolutions) {
    if (r.entry === null || !finder.gazetteer) continue;
    const e = finder.gazetteer.entry(r.entry);
    entries.set(e.ref, e);
    spellings.push([e.ref, text.slice(r.span.start, r.span.end).normalize('NFKC')]); // 'Ｍｏｓｕｌ' in fullwidth is named 'Mosul'
    for (const i of r.runnersUp) {
      const other = finder.gazetteer.entry(i);
      entries.set(other.ref, other);
      runnersUp.push([e.ref, other.ref]);
    }
  }
  const refs = [...new Set(events.map((e) => e.place).filter(isGazetteerRef))];
  return { events, refs, report: reportOf(article, text, events.length, found, rejected, finder), spellings, runnersUp, entries: [...entries.values()] };
}

/** The articles' parts, in corpus order, into the result: ids for gazetteer places, events in the contract's order. */
export function assemble(parts: readonly ArticlePart[], places: readonly Place[]): IngestResult {
  const { ids, found } = assemblePlaces(parts, places);
  const events = parts.flatMap((p) => p.events);
  for (const e of events) e.place = ids.get(e.place) ?? e.place;
  sortInContractOrder(events);
  return { events, places: found, report: parts.map((p) => p.report) };
}

/** The gazetteer places the parts' events are at, each with its id (the map from ref), in the order of their ids. */
export function assemblePlaces(parts: readonly ArticlePart[], places: readonly Place[]): { ids: Map<string, string>; found: FoundPlace[] } {
  const spellings = new Map<string, Map<string, number>>(); // ref → spelling as written → times
  const runnersUp = new Map<string, Set<string>>();
  const entries = new Map<string, GazetteerEntry>();
  for (const part of parts) {
    for (const e of part.entries) entries.set(e.ref, e);
    for (const [ref, spelled] of part.spellings) {
      if (!spellings.has(ref)) spellings.set(ref, new Map());
      spellings.get(ref)!.set(spelled, (spellings.get(ref)!.get(spelled) ?? 0) + 1);
    }
    for (const [ref, other] of part.runnersUp) (runnersUp.get(ref) ?? runnersUp.set(ref, new Set()).get(ref)!).add(other);
  }
  const used = [...new Set(parts.flatMap((p) => p.refs))].sort();
  const ids = assignIds(used, places, spellings);
  const found = used.map((ref) => foundPlace(entries.get(ref)!, ids.get(ref)!, spellings.get(ref)!, [...(runnersUp.get(ref) ?? [])].map((r) => entries.get(r)!)));
  found.sort((a, b) => compare(a.id, b.id));
  return { ids, found };
}

/** Events in the contract's order, in place: by start day, then article id, then position in the article, then place id. */
export function sortInContractOrder(events: EventRecord[]): EventRecord[] {
  return events.sort((a, b) => compare(a.start, b.start) || compare(a.article, b.article) || a.quoteStart - b.quoteStart || compare(a.place, b.place));
}

/** The bytes of `data/events.json`. */
export function serializeEvents(result: Pick<IngestResult, 'events' | 'places' | 'threshold'>): string {
  return [...serializedChunks(result)].join('');
}

/**
 * The same bytes as `JSON.stringify({ threshold, events, places }, null, 2) + "\n"` (threshold only when the judge
 * decided), a record at a time, so that a large output is written without one string of all of it. The events may
 * be given as a sequence read as it is written (with their count): see files.ts, finishSpilledRun.
 */
export function* serializedChunks(result: { events: readonly unknown[] | { count: number; records: Iterable<unknown> }; places: readonly unknown[]; threshold?: number }): Generator<string> {
  yield '{\n';
  if (result.threshold !== undefined) yield `  "threshold": ${result.threshold},\n`;
  yield* list('events', 'count' in result.events ? result.events : { count: result.events.length, records: result.events }, ',\n');
  yield* list('places', { count: result.places.length, records: result.places }, '\n');
  yield '}\n';
  function* list(name: string, items: { count: number; records: Iterable<unknown> }, after: string): Generator<string> {
    if (items.count === 0) return yield `  "${name}": []${after}`;
    yield `  "${name}": [\n`;
    let i = 0;
    for (const item of items.records) yield `    ${JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')}${++i < items.count ? ',' : ''}\n`;
    if (i !== items.count) throw new Error(`${name}: ${i} records written of ${items.count}`);
    yield `  ]${after}`;
  }
}

/** Ids for gazetteer places: the spelling the articles use most, kebab-cased; a country code, then the ref, when taken. */
function assignIds(refs: readonly GazetteerRef[], curated: readonly Place[], spellings: ReadonlyMap<string, ReadonlyMap<string, number>>): Map<string, string> {
  const taken = new Set(curated.map((p) => p.id));
  const ids = new Map<string, string>();
  for (const ref of refs) {
    const slug = kebab(display(spellings.get(ref)!)) || 'place';
    for (const id of [slug, `${slug}-${kebab(refParts(ref).code)}`]) {
      if (!taken.has(id)) {
        taken.add(id);
        ids.set(ref, id);
        break;
      }
    }
  }
  return ids;
}

function foundPlace(e: GazetteerEntry, id: string, spelled: ReadonlyMap<string, number>, runnersUp: readonly GazetteerEntry[]): FoundPlace {
  const { scheme, code } = refParts(e.ref);
  const source =
    scheme === 'geonames'
      ? `GeoNames ${code} (${e.name})`
      : scheme === 'admin1'
        ? `GeoNames first-level region ${code} (${e.name}); point: its seat, radius: the towns it holds`
        : `ISO 3166-1 ${code} (${e.name}, CLDR English name); point: inside its Natural Earth outline`;
  const candidates = runnersUp.map((c) => ({ ref: c.ref, name: c.name, country: c.country, coordinates: c.lngLat }));
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: e.lngLat },
    properties: {
      id,
      name: display(spelled),
      aliases: [...spelled.keys()].sort(),
      kind: e.kind,
      country: e.country,
      source,
      ...(scheme === 'geonames' ? { geonames: Number(code) } : {}),
      ...(e.radiusKm !== null ? { radiusKm: e.radiusKm } : {}),
      reviewed: false,
      ...(candidates.length ? { candidates } : {}),
    },
  };
}

/** A capitalised name right after a common locative preposition: one the report calls unrecognised when no place or name covers it. */
const AFTER_PREPOSITION = new RegExp(String.raw`\b(?:${alternation(CORE_LOCATIVE_PREPOSITIONS)}) (?:the )?(\p{Lu}[\p{L}’'-]+(?: \p{Lu}[\p{L}’'-]+)*)`, 'gu');

/** A name that starts with a weekday or a month ("in June"): a date, not a place the report should call unrecognised. */
const DAY_OR_MONTH = new RegExp(String.raw`^(?:${WEEKDAY_NAME_SOURCE}|${MONTH_NAME_SOURCE})\b`);

function reportOf(article: Article, text: string, events: number, found: ArticlePlaces, rejected: readonly Rejection[], finder: PlaceFinder): ArticleReport {
  const entry = (i: number) => finder.gazetteer!.entry(i);
  const names = new Map<string, ArticleReport['names'][number]>();
  for (const r of found.resolutions) {
    const name = text.slice(r.span.start, r.span.end);
    if (names.has(name)) continue;
    names.set(name, { name, place: r.entry === null ? null : entry(r.entry).ref, reason: r.reason, runnersUp: r.runnersUp.map((i) => describe(entry(i))) });
  }
  for (const site of found.sites) if (!names.has(site.name)) names.set(site.name, { name: site.name, place: site.city, reason: site.reason, runnersUp: [] });
  const unrecognised = new Set<string>();
  const inMention = overlapsAny(found.mentions);
  const inName = overlapsAny(found.resolutions.map((r) => r.span));
  for (const m of text.matchAll(AFTER_PREPOSITION)) {
    const start = m.index + m[0].length - m[1].length;
    const known = inMention(start, start + m[1].length) || inName(start, start + m[1].length);
    if (!known && !DAY_OR_MONTH.test(m[1])) unrecognised.add(m[1]);
  }
  return {
    article: article.id,
    events,
    names: [...names.values()],
    unrecognised: [...unrecognised],
    rejected: rejected.map((r) => ({ name: text.slice(r.start, r.end), place: r.place, reason: r.reason, quote: text.slice(r.quoteStart, r.quoteStart + 120) })),
  };
}

/** The spelling the articles use most (ties: the first in code-point order). */
function display(spelled: ReadonlyMap<string, number>): string {
  return [...spelled].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))[0][0];
}

function kebab(name: string): string {
  return plainName(name).replace(/[’'‘ʻ`]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
