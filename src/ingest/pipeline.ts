import type { Feature, Point } from 'geojson';
import type { Article, EventRecord, Place } from '../core/model.ts';
import { extractArticle, type Rejection } from './extract.ts';
import type { Gazetteer } from './gazetteer/gazetteer.ts';
import { describe } from './gazetteer/resolve.ts';
import { createPlaceFinder, type ArticlePlaces, type PlaceFinder } from './place-finder.ts';

export interface ArticleWithText {
  article: Article;
  text: string;
}

export interface IngestOptions {
  /** The embedded gazetteer, for the places the curated file lacks; null for the curated places only. */
  gazetteer?: Gazetteer | null;
  /** Names a person has said are not places in this corpus (the curated file's `notPlaces`). */
  notPlaces?: readonly string[];
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
}

/**
 * All events of a corpus in the contract's order: by start day, then article id, then position in the
 * article, then place id; and the gazetteer places they use. Same inputs, same output.
 */
export function runIngest(corpus: readonly ArticleWithText[], places: readonly Place[], options: IngestOptions = {}): IngestResult {
  const finder = createPlaceFinder(places, options.gazetteer ?? null, { notPlaces: options.notPlaces ?? [] });
  // Two readings: the first learns which countries the corpus is about, the second uses that as weak evidence.
  const corpusCountries = new Map<string, number>();
  if (finder.gazetteer) {
    for (const { text } of corpus) for (const c of finder.find(text, new Map()).countries) corpusCountries.set(c, (corpusCountries.get(c) ?? 0) + 1);
  }
  const events: EventRecord[] = [];
  const report: ArticleReport[] = [];
  const spellings = new Map<string, Map<string, number>>(); // ref → spelling as written → times
  const runnersUp = new Map<string, Set<string>>();
  for (const { article, text } of corpus) {
    const found = finder.find(text, corpusCountries);
    const rejected: Rejection[] = [];
    const own = extractArticle(article, text, found, finder, rejected);
    events.push(...own);
    for (const r of found.resolutions) {
      if (r.entry === null || !finder.gazetteer) continue;
      const ref = finder.gazetteer.entries[r.entry].ref;
      const spelled = text.slice(r.span.start, r.span.end);
      if (!spellings.has(ref)) spellings.set(ref, new Map());
      spellings.get(ref)!.set(spelled, (spellings.get(ref)!.get(spelled) ?? 0) + 1);
      for (const i of r.runnersUp) (runnersUp.get(ref) ?? runnersUp.set(ref, new Set()).get(ref)!).add(finder.gazetteer.entries[i].ref);
    }
    report.push(reportOf(article, text, own.length, found, rejected, finder));
  }

  const used = [...new Set(events.map((e) => e.place).filter((p) => p.includes(':')))].sort();
  const ids = assignIds(used, places, spellings);
  const found = used.map((ref) => foundPlace(ref, ids.get(ref)!, spellings.get(ref)!, [...(runnersUp.get(ref) ?? [])], finder));
  for (const e of events) e.place = ids.get(e.place) ?? e.place;
  events.sort((a, b) => compare(a.start, b.start) || compare(a.article, b.article) || a.quoteStart - b.quoteStart || compare(a.place, b.place));
  found.sort((a, b) => compare(a.id, b.id));
  return { events, places: found, report };
}

/** The bytes of `data/events.json`. */
export function serializeEvents(result: Pick<IngestResult, 'events' | 'places'>): string {
  return `${JSON.stringify({ events: result.events, places: result.places }, null, 2)}\n`;
}

/** Ids for gazetteer places: the spelling the articles use most, kebab-cased; a country code, then the ref, when taken. */
function assignIds(refs: readonly string[], curated: readonly Place[], spellings: ReadonlyMap<string, ReadonlyMap<string, number>>): Map<string, string> {
  const taken = new Set(curated.map((p) => p.id));
  const ids = new Map<string, string>();
  for (const ref of refs) {
    const slug = kebab(display(spellings.get(ref)!)) || 'place';
    for (const id of [slug, `${slug}-${kebab(ref.split(':')[1])}`]) {
      if (!taken.has(id)) {
        taken.add(id);
        ids.set(ref, id);
        break;
      }
    }
  }
  return ids;
}

function foundPlace(ref: string, id: string, spelled: ReadonlyMap<string, number>, runnersUp: readonly string[], finder: PlaceFinder): FoundPlace {
  const e = finder.entry(ref)!;
  const [scheme, code] = ref.split(':');
  const source =
    scheme === 'geonames'
      ? `GeoNames ${code} (${e.name})`
      : scheme === 'admin1'
        ? `GeoNames first-level region ${code} (${e.name}); point: its seat, radius: the towns it holds`
        : `ISO 3166-1 ${code} (${e.name}, CLDR English name); point: inside its Natural Earth outline`;
  const candidates = runnersUp.map((r) => finder.entry(r)!).map((c) => ({ ref: c.ref, name: c.name, country: c.country, coordinates: c.lngLat }));
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

function reportOf(article: Article, text: string, events: number, found: ArticlePlaces, rejected: readonly Rejection[], finder: PlaceFinder): ArticleReport {
  const entries = finder.gazetteer?.entries ?? [];
  const names = new Map<string, ArticleReport['names'][number]>();
  for (const r of found.resolutions) {
    const name = text.slice(r.span.start, r.span.end);
    if (names.has(name)) continue;
    names.set(name, { name, place: r.entry === null ? null : entries[r.entry].ref, reason: r.reason, runnersUp: r.runnersUp.map((i) => describe(entries[i])) });
  }
  const unrecognised = new Set<string>();
  for (const m of text.matchAll(/\b(?:in|at|near|into|outside|across) (?:the )?(\p{Lu}[\p{L}’'-]+(?: \p{Lu}[\p{L}’'-]+)*)/gu)) {
    const start = m.index + m[0].length - m[1].length;
    const known = found.mentions.some((x) => x.start < start + m[1].length && start < x.end) || found.resolutions.some((r) => r.span.start < start + m[1].length && start < r.span.end);
    if (!known && !/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(m[1])) unrecognised.add(m[1]);
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
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’'‘ʻ`]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
