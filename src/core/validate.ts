import distance from '@turf/distance';
import pointOnFeature from '@turf/point-on-feature';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import * as jsonc from 'jsonc-parser';
import * as v from 'valibot';
import { parseDay } from './day.ts';
import { CATEGORIES, PLACE_KINDS, type Article, type MapEvent, type Place } from './model.ts';

/** The largest article text the ingest and the build read (bytes): a longer one is refused, not read for minutes. */
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

/** One problem with an input file: which file, which field (a JSON path such as `[2].published`), what is wrong. */
export interface InputProblem {
  file: string;
  field: string;
  message: string;
}

export class InputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export function formatProblem(p: InputProblem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}

const ID = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case'));
const ISO_DAY = v.pipe(v.string(), v.check((s) => parseDay(s) !== null, 'must be a real calendar day, YYYY-MM-DD'));
const TEXT = v.pipe(v.string(), v.minLength(1, 'must not be empty'));

const ArticleSchema = v.object({
  id: ID,
  file: v.pipe(TEXT, v.check((f) => !f.startsWith('/') && !f.split(/[\\/]/).includes('..'), 'must be a relative path inside the folder')),
  headline: v.nullable(TEXT),
  outlet: v.nullable(TEXT),
  published: ISO_DAY,
  url: v.nullable(v.pipe(v.string(), v.url('must be a URL or null'))),
});

const LONGITUDE = v.pipe(v.number('must be a number'), v.minValue(-180, 'longitude must be ≥ -180'), v.maxValue(180, 'longitude must be ≤ 180'));
const LATITUDE = v.pipe(v.number('must be a number'), v.minValue(-90, 'latitude must be ≥ -90'), v.maxValue(90, 'latitude must be ≤ 90'));

const POSITION = v.tupleWithRest([LONGITUDE, LATITUDE], v.number());

const PlaceSchema = v.object({
  type: v.literal('Feature'),
  id: ID,
  geometry: v.variant('type', [
    v.object({ type: v.literal('Point'), coordinates: POSITION }),
    v.object({ type: v.literal('Polygon'), coordinates: v.array(v.pipe(v.array(POSITION), v.minLength(4, 'a ring needs at least 4 positions'))) }),
    v.object({ type: v.literal('MultiPolygon'), coordinates: v.array(v.array(v.pipe(v.array(POSITION), v.minLength(4, 'a ring needs at least 4 positions')))) }),
  ], 'must be a Point, Polygon or MultiPolygon'),
  properties: v.object({
    id: ID,
    name: TEXT,
    aliases: v.array(TEXT),
    kind: v.picklist(PLACE_KINDS, `must be one of ${PLACE_KINDS.join(', ')}`),
    country: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')),
    source: TEXT,
    radiusKm: v.optional(v.pipe(v.number(), v.minValue(0))),
    within: v.optional(ID),
    geonames: v.optional(v.number()),
    reviewed: v.optional(v.boolean()),
    candidates: v.optional(v.array(v.object({ ref: TEXT, name: TEXT, country: v.string(), coordinates: POSITION }))),
  }),
});

const PlacesSchema = v.object({
  type: v.literal('FeatureCollection'),
  features: v.array(v.unknown()),
  // Ours (an RFC 7946 foreign member): names a person has said are not places in this corpus.
  notPlaces: v.optional(v.array(v.object({ name: TEXT, note: v.optional(v.string()) }))),
});

/** Parses the text of `articles.json`. Throws an InputError listing every problem found. */
export function parseArticles(json: string, file: string): Article[] {
  const data = parseJson(json, file);
  if (!Array.isArray(data)) throw new InputError([{ file, field: '(root)', message: 'must be an array of article records' }]);
  const problems: InputProblem[] = [];
  const articles: Article[] = [];
  const seen = new Set<string>();
  data.forEach((item, i) => {
    const result = v.safeParse(ArticleSchema, item);
    if (!result.success) return problems.push(...issuesToProblems(result.issues, file, `[${i}]`));
    const a = result.output;
    if (seen.has(a.id)) return problems.push({ file, field: `[${i}].id`, message: `duplicate id "${a.id}"` });
    seen.add(a.id);
    articles.push({ ...a, published: parseDay(a.published)! });
  });
  if (problems.length) throw new InputError(problems);
  return articles;
}

/** Parses the text of `places.geojson`. Throws an InputError listing every problem found. */
export function parsePlaces(json: string, file: string): Place[] {
  return parseCuratedPlaces(json, file).places;
}

/** The curated file whole: its places and the names a person has said are not places. */
export function parseCuratedPlaces(json: string, file: string): { places: Place[]; notPlaces: string[] } {
  const { places, notPlaces, problems } = readCuratedPlaces(json, file);
  if (problems.length) throw new InputError(problems);
  return { places, notPlaces };
}

/**
 * The curated file read as far as it can be: the valid places, and the problems of the others, so that a caller
 * can check the valid ones further and report every problem at once. Throws only when the file is not a
 * FeatureCollection at all.
 */
export function readCuratedPlaces(json: string, file: string): { places: Place[]; notPlaces: string[]; problems: InputProblem[] } {
  const data = parseJson(json, file);
  const collection = v.safeParse(PlacesSchema, data);
  if (!collection.success) throw new InputError(issuesToProblems(collection.issues, file, ''));
  return { ...readPlaceFeatures(collection.output.features, file, 'features'), notPlaces: (collection.output.notPlaces ?? []).map((n) => n.name) };
}

/** Place features (of the curated file, or the `places` of events.json) into places; every problem at once. */
export function parsePlaceFeatures(features: readonly unknown[], file: string, path: string): Place[] {
  const { places, problems } = readPlaceFeatures(features, file, path);
  if (problems.length) throw new InputError(problems);
  return places;
}

function readPlaceFeatures(features: readonly unknown[], file: string, path: string): { places: Place[]; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const places: Place[] = [];
  const featureIndex = new Map<Place, number>();
  // Ids of every feature, valid or not, so that one bad feature does not also make its `within` children fail.
  const allIds = new Set(features.map((f) => (f as { id?: unknown })?.id).filter((id) => typeof id === 'string'));
  const aliasOwner = new Map<string, string>();
  const idCount = new Map<unknown, number>();
  for (const f of features) idCount.set((f as { id?: unknown })?.id, (idCount.get((f as { id?: unknown })?.id) ?? 0) + 1);
  /** A feature is named by its id where it has one of its own (`place "tal-afar"`), else by its index. */
  const nameOf = (item: unknown, i: number) => {
    const id = (item as { id?: unknown })?.id;
    return typeof id === 'string' && idCount.get(id) === 1 ? `place "${id}"` : `${path}[${i}]`;
  };
  features.forEach((item, i) => {
    const at = nameOf(item, i);
    const result = v.safeParse(PlaceSchema, item);
    if (!result.success) return problems.push(...issuesToProblems(result.issues, file, at));
    const f = result.output;
    if (f.properties.id !== f.id) return problems.push({ file, field: `${at}.properties.id`, message: `must equal the feature id "${f.id}"` });
    if (places.some((p) => p.id === f.id)) return problems.push({ file, field: `${at}.id`, message: `duplicate id "${f.id}"` });
    for (const alias of new Set([f.properties.name, ...f.properties.aliases])) {
      const owner = aliasOwner.get(alias);
      if (owner && owner !== f.id) problems.push({ file, field: `${at}.properties.aliases`, message: `"${alias}" is already a name of "${owner}"` });
      aliasOwner.set(alias, f.id);
    }
    const { lngLat, radiusKm } = pointOf(f.geometry);
    const place: Place = {
      id: f.id,
      name: f.properties.name,
      aliases: f.properties.aliases,
      kind: f.properties.kind,
      country: f.properties.country,
      lngLat,
      radiusKm: f.properties.radiusKm ?? radiusKm,
      within: f.properties.within ?? null,
      source: f.properties.source,
      geonames: f.properties.geonames ?? null,
      reviewed: f.properties.reviewed ?? true,
      candidates: (f.properties.candidates ?? []).map(({ ref, name, country, coordinates }) => ({ ref, name, country, lngLat: [coordinates[0], coordinates[1]] as [number, number] })),
    };
    places.push(place);
    featureIndex.set(place, i);
  });
  for (const p of places) {
    if (p.within && !allIds.has(p.within)) {
      problems.push({ file, field: `${nameOf(features[featureIndex.get(p)!], featureIndex.get(p)!)}.properties.within`, message: `unknown place "${p.within}"` });
    }
  }
  // `within` is a tree: a place inside itself, or inside a place inside it, would send every walk up it round forever.
  const byId = new Map(places.map((p) => [p.id, p]));
  for (const p of places) {
    const seen = new Set<string>([p.id]);
    for (let up = p.within ? byId.get(p.within) : undefined; up; up = up.within ? byId.get(up.within) : undefined) {
      if (seen.has(up.id)) {
        problems.push({ file, field: `${nameOf(features[featureIndex.get(p)!], featureIndex.get(p)!)}.properties.within`, message: `"${p.id}" lies within itself: ${[...seen, up.id].join(' → ')}` });
        p.within = null; // cut the loop, so that nothing reading these places can hang
        break;
      }
      seen.add(up.id);
    }
  }
  return { places, problems };
}

/**
 * The point that stands for a place, and for an area how far from it the place may lie (km): a Point as it is; a
 * Polygon by a point inside it, with the distance to its farthest vertex.
 */
function pointOf(geometry: Point | Polygon | MultiPolygon): { lngLat: [number, number]; radiusKm: number | null } {
  if (geometry.type === 'Point') return { lngLat: [geometry.coordinates[0], geometry.coordinates[1]], radiusKm: null };
  const inside = pointOnFeature({ type: 'Feature', geometry, properties: {} }).geometry.coordinates as [number, number];
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  let radiusKm = 0;
  for (const ring of rings) for (const position of ring) radiusKm = Math.max(radiusKm, distance(inside, position, { units: 'kilometers' }));
  return { lngLat: inside, radiusKm: Math.ceil(radiusKm) };
}

/** JSON.parse, with the line and column of the first error found by jsonc-parser (Node 20's message has none). */
function parseJson(json: string, file: string): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    const errors: jsonc.ParseError[] = [];
    jsonc.parse(json, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const where = first ? json.slice(0, first.offset).split('\n') : null;
    const message = first
      ? `line ${where!.length}, column ${where![where!.length - 1].length + 1}: ${jsonc.printParseErrorCode(first.error)}`
      : (error as Error).message;
    throw new InputError([{ file, field: '(json)', message: `invalid JSON: ${message}` }]);
  }
}

function issuesToProblems(issues: readonly v.BaseIssue<unknown>[], file: string, prefix: string): InputProblem[] {
  return issues.map((issue) => {
    const path = (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('');
    const field = `${prefix}${path}`.replace(/^\./, '') || '(root)';
    const message = issue.kind === 'schema' && issue.received === 'undefined' ? 'is missing' : issue.message;
    return { file, field, message };
  });
}

const EventSchema = v.object({
  id: TEXT,
  article: ID,
  place: ID,
  start: ISO_DAY,
  end: ISO_DAY,
  category: v.picklist(CATEGORIES, `must be one of ${CATEGORIES.join(', ')}`),
  quote: TEXT,
  quoteStart: v.pipe(v.number(), v.integer(), v.minValue(0)),
  mentionStart: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  mentionEnd: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  dateBasis: v.optional(v.picklist(['stated', 'context', 'published', 'reported']), 'stated'),
  dateText: v.optional(v.nullable(v.string()), null),
});

/**
 * Parses `events.json` for the app. Unlike the pipeline's inputs, a bad record does not reject the file: it is
 * left out and reported, so a dataset with a few broken events still shows the good ones.
 */
export function parseEvents(
  json: string,
  file: string,
  known: { places: ReadonlySet<string>; articles: ReadonlySet<string> },
): { events: MapEvent[]; problems: InputProblem[]; places: Place[] } {
  const data = parseJson(json, file);
  const list = v.safeParse(v.object({ events: v.array(v.unknown()), places: v.optional(v.array(v.unknown())) }), data);
  if (!list.success) throw new InputError(issuesToProblems(list.issues, file, ''));
  const events: MapEvent[] = [];
  const problems: InputProblem[] = [];
  // The places the gazetteer found: a bad one is left out (with its events), like a bad event.
  const places: Place[] = [];
  (list.output.places ?? []).forEach((item, i) => {
    try {
      const [place] = parsePlaceFeatures([item], file, `places[${i}]`);
      if (known.places.has(place.id) || places.some((p) => p.id === place.id)) problems.push({ file, field: `places[${i}].id`, message: `duplicate id "${place.id}"` });
      else places.push(place);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems.map((p) => ({ ...p, field: p.field.replace('places[0]', `places[${i}]`) })).slice(0, 1));
    }
  });
  const placeIds = new Set([...known.places, ...places.map((p) => p.id)]);
  const seen = new Set<string>();
  list.output.events.forEach((item, i) => {
    const at = `events[${i}]`;
    const result = v.safeParse(EventSchema, item);
    if (!result.success) return problems.push(...issuesToProblems(result.issues, file, at).slice(0, 1));
    const e = result.output;
    const start = parseDay(e.start)!;
    const end = parseDay(e.end)!;
    const problem = (field: string, message: string) => problems.push({ file, field: `${at}.${field}`, message });
    if (seen.has(e.id)) return problem('id', `duplicate id "${e.id}"`);
    if (!placeIds.has(e.place)) return problem('place', `unknown place "${e.place}"`);
    if (!known.articles.has(e.article)) return problem('article', `unknown article "${e.article}"`);
    if (end < start) return problem('end', 'is before start');
    if ((e.mentionStart === null) !== (e.mentionEnd === null) || (e.mentionStart !== null && e.mentionEnd! <= e.mentionStart)) {
      return problem('mentionEnd', 'must follow mentionStart, or both be null');
    }
    seen.add(e.id);
    events.push({ ...e, start, end });
  });
  return { events, problems, places };
}
