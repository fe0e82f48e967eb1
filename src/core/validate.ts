import distance from '@turf/distance';
import pointOnFeature from '@turf/point-on-feature';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import * as jsonc from 'jsonc-parser';
import * as v from 'valibot';
import { SUPPORTED_DAYS, formatDay, parseDay } from './day.ts';
import { formatProblem, type InputProblem } from './problem.ts';
import { CATEGORIES, ID_PATTERN, PLACE_KINDS, type Article, type MapEvent, type Place } from './model.ts';

/** The largest article text the ingest and the build read (bytes): a longer one is refused, not read for minutes. */
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;


export { formatProblem, type InputProblem };

export class InputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}


/** Field schemas shared by the files that name ids, days and texts (here, and the corrections file). */
export const ID = v.pipe(v.string(), v.regex(ID_PATTERN, 'must be lowercase kebab-case'));
export const ISO_DAY = v.pipe(
  v.string(),
  v.check((s) => parseDay(s) !== null, 'must be a real calendar day, YYYY-MM-DD'),
  v.check((s) => {
    const day = parseDay(s);
    return day === null || (day >= SUPPORTED_DAYS.start && day <= SUPPORTED_DAYS.end);
  }, `must lie between ${formatDay(SUPPORTED_DAYS.start)} and ${formatDay(SUPPORTED_DAYS.end)}`),
);
export const TEXT = v.pipe(v.string(), v.minLength(1, 'must not be empty'));

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

/**
 * A linear ring (RFC 7946 §3.1.6): four positions or more, the last equal to the first. An edge spanning more than
 * 180° of longitude crosses the antimeridian, which RFC 7946 §3.1.9 asks to be cut there; read as it stands, the
 * ring would go the long way round the globe.
 */
const RING = v.pipe(
  v.array(POSITION),
  v.minLength(4, 'a ring needs at least 4 positions'),
  v.check((ring) => ring.length < 4 || samePosition(ring[0], ring[ring.length - 1]), 'a ring must be closed: its last position must equal its first'),
  v.check((ring) => ring.every((p, i) => i === 0 || Math.abs(p[0] - ring[i - 1][0]) <= 180), 'crosses the antimeridian (an edge spans more than 180° of longitude): split it into a MultiPolygon at ±180'),
);
const POLYGON = v.pipe(v.array(RING), v.minLength(1, 'a Polygon needs at least one ring'));
const MULTI_POLYGON = v.pipe(v.array(POLYGON), v.minLength(1, 'a MultiPolygon needs at least one polygon'));

function samePosition(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const PlaceSchema = v.object({
  type: v.literal('Feature'),
  id: ID,
  geometry: v.variant('type', [
    v.object({ type: v.literal('Point'), coordinates: POSITION }),
    v.object({ type: v.literal('Polygon'), coordinates: POLYGON }),
    v.object({ type: v.literal('MultiPolygon'), coordinates: MULTI_POLYGON }),
  ], 'must be a Point, Polygon or MultiPolygon'),
  properties: v.object({
    id: ID,
    name: TEXT,
    aliases: v.array(TEXT),
    kind: v.picklist(PLACE_KINDS, `must be one of ${PLACE_KINDS.join(', ')}`),
    country: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')),
    source: TEXT,
    radiusKm: v.optional(v.pipe(v.number(), v.finite('must be a finite number'), v.minValue(0))),
    within: v.optional(ID),
    geonames: v.optional(v.pipe(v.number(), v.integer('must be a whole number'))),
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
      if (owner && owner !== f.id) problems.push({ file, field: `${at}.properties.aliases`, message: `${JSON.stringify(alias)} is already a name of "${owner}"` });
      aliasOwner.set(alias, f.id);
    }
    const point = pointOf(f.geometry);
    if (typeof point === 'string') return problems.push({ file, field: `${at}.geometry`, message: point });
    const { lngLat, radiusKm } = point;
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
 * Polygon by a point inside it, with the distance to its farthest vertex. A geometry Turf cannot place (the schema
 * lets none through that we know of) gives the problem to report instead of a stack trace.
 */
function pointOf(geometry: Point | Polygon | MultiPolygon): { lngLat: [number, number]; radiusKm: number | null } | string {
  if (geometry.type === 'Point') return { lngLat: [geometry.coordinates[0], geometry.coordinates[1]], radiusKm: null };
  try {
    const inside = pointOnFeature({ type: 'Feature', geometry, properties: {} }).geometry.coordinates as [number, number];
    const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
    let radiusKm = 0;
    for (const ring of rings) for (const position of ring) radiusKm = Math.max(radiusKm, distance(inside, position, { units: 'kilometers' }));
    if (!inside.every(Number.isFinite) || !Number.isFinite(radiusKm)) return 'has no point inside it that can be found';
    return { lngLat: inside, radiusKm: Math.ceil(radiusKm) };
  } catch (error) {
    return `has no point inside it that can be found (${(error as Error).message})`;
  }
}

/** How deep arrays and objects may nest in the files (the deepest they need is 8: a MultiPolygon's positions in places.geojson). */
const MAX_JSON_DEPTH = 64;

/**
 * The value of a file's JSON text, strictly: a leading byte-order mark is allowed (editors on Windows write one);
 * nesting deeper than MAX_JSON_DEPTH and a key given twice in one object are refused (JSON.parse would keep the last
 * without a word). Errors carry the line and column, found by jsonc-parser (Node 20's message has none).
 */
function parseJson(text: string, file: string): unknown {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { deepAt, duplicateKey } = scanJson(json);
  if (deepAt >= 0) throw new InputError([{ file, field: '(json)', message: `nested more than ${MAX_JSON_DEPTH} levels deep (${lineAndColumn(json, deepAt)})` }]);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const errors: jsonc.ParseError[] = [];
    jsonc.parse(json, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const message = first ? `${lineAndColumn(json, first.offset)}: ${jsonc.printParseErrorCode(first.error)}` : (error as Error).message;
    throw new InputError([{ file, field: '(json)', message: `invalid JSON: ${message}` }]);
  }
  if (duplicateKey) {
    throw new InputError(duplicateKeys(json).map(({ path, times }) => ({ file, field: fieldOf('', path), message: `duplicate key: it is given ${times} times, and JSON would keep only the last` })));
  }
  return value;
}

/**
 * One pass over JSON text: the offset at which it first nests deeper than MAX_JSON_DEPTH (-1 if it does not), and
 * whether an object gives a key twice (meaningful for valid JSON only). By hand, and before any parser runs:
 * parsers recurse once a level (100,000 levels overflow jsonc-parser's stack with a RangeError), and JSON.parse keeps
 * the last of two keys without a word. Linear, a string at a time, so a 100 MB events.json costs little more.
 */
function scanJson(json: string): { deepAt: number; duplicateKey: boolean } {
  const open: (Set<string> | null)[] = []; // for each array (null) or object (its keys so far) being read
  const structural = /["[\]{}]/g; // the characters that matter here, found by the regular expression engine
  const colon = /[ \t\n\r]*:/y;
  let duplicateKey = false;
  for (let m = structural.exec(json); m !== null; m = structural.exec(json)) {
    const i = m.index;
    const c = json.charCodeAt(i);
    if (c === 0x22) {
      const end = closingQuote(json, i);
      if (end < 0) break; // an unterminated string: JSON.parse will say where
      const keys = open[open.length - 1];
      colon.lastIndex = end + 1;
      if (keys && colon.test(json)) {
        const raw = json.slice(i + 1, end);
        const key = raw.includes('\\') ? unescapeKey(raw) : raw;
        if (keys.has(key)) duplicateKey = true;
        keys.add(key);
      }
      structural.lastIndex = end + 1;
    } else if (c === 0x7b || c === 0x5b) {
      open.push(c === 0x7b ? new Set() : null);
      if (open.length > MAX_JSON_DEPTH) return { deepAt: i, duplicateKey };
    } else open.pop();
  }
  return { deepAt: -1, duplicateKey };
}

/** A key's escapes read ("\\u0061" is "a"); in JSON that is not valid, as it stands. */
function unescapeKey(raw: string): string {
  try {
    return String(JSON.parse(`"${raw}"`));
  } catch {
    return raw;
  }
}

/** The offset of the quote that closes the string opening at `start`, or -1. */
function closingQuote(json: string, start: number): number {
  for (let at = json.indexOf('"', start + 1); at >= 0; at = json.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (json.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

/** The keys given more than once in one object of valid JSON: their paths, and how many times each is given. */
function duplicateKeys(json: string): { path: jsonc.JSONPath; times: number }[] {
  const open: Map<string, number>[] = []; // for each object being read, its keys so far and how often each came
  const found = new Map<string, { path: jsonc.JSONPath; times: number }>();
  jsonc.visit(json, {
    onObjectBegin: () => void open.push(new Map()),
    onObjectEnd: () => void open.pop(),
    onObjectProperty: (key, _offset, _length, _line, _column, pathSupplier) => {
      const keys = open[open.length - 1];
      const times = (keys.get(key) ?? 0) + 1;
      keys.set(key, times);
      if (times < 2) return;
      const path = [...pathSupplier(), key];
      const id = JSON.stringify(path);
      found.set(id, { path: found.get(id)?.path ?? path, times });
    },
  });
  return [...found.values()];
}

function lineAndColumn(json: string, offset: number): string {
  const lines = json.slice(0, offset).split('\n');
  return `line ${lines.length}, column ${lines[lines.length - 1].length + 1}`;
}

/** A JSON path as the problems name it: `[2].published`, `features[0].geometry`; `(root)` for the whole. */
function fieldOf(prefix: string, keys: readonly PropertyKey[]): string {
  // A key that is not a plain name (a space, a line break, a dot in it) is quoted, so a problem stays one line.
  const path = keys.map((key) => (typeof key === 'number' ? `[${key}]` : /^[\w$-]+$/.test(String(key)) ? `.${String(key)}` : `[${JSON.stringify(String(key))}]`)).join('');
  return `${prefix}${path}`.replace(/^\./, '') || '(root)';
}

/**
 * A JSON file's text read as strictly as every other file here (see parseJson) and checked against `schema`, with
 * one problem per issue naming the field; for files this module has no parser of its own for.
 */
export function parseJsonWith<T extends v.GenericSchema>(text: string, file: string, schema: T): v.InferOutput<T> {
  const result = v.safeParse(schema, parseJson(text, file));
  if (!result.success) throw new InputError(issuesToProblems(result.issues, file, ''));
  return result.output;
}

function issuesToProblems(issues: readonly v.BaseIssue<unknown>[], file: string, prefix: string): InputProblem[] {
  return issues.map((issue) => {
    const field = fieldOf(prefix, (issue.path ?? []).map((p) => p.key as PropertyKey));
    const message = issue.kind === 'schema' && issue.received === 'undefined' ? 'is missing' : issue.message;
    return { file, field, message };
  });
}

const DATE_BASES = ['stated', 'context', 'published', 'reported'] as const;

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
  // Files written before these fields existed are still read.
  dateBasis: v.optional(v.picklist(DATE_BASES), 'stated'),
  dateText: v.optional(v.nullable(v.string()), null),
  // The judge's (docs/judge.md): absent in files the rules alone wrote.
  confidence: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  reasons: v.optional(v.array(v.string())),
  // A person confirmed or corrected it (corrections.json, docs/corrections.md).
  checked: v.optional(v.literal(true)),
});

/** An event as the contract has it, every field present: what the ingest writes. */
const WrittenEventSchema = v.object({
  ...EventSchema.entries,
  dateBasis: v.picklist(DATE_BASES, `must be one of ${DATE_BASES.join(', ')}`),
  dateText: v.nullable(v.string()),
});

const THRESHOLD = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const EventsFileSchema = v.object({ threshold: v.optional(THRESHOLD), events: v.array(v.unknown()), places: v.optional(v.array(v.unknown())) });

/**
 * Parses `events.json` for the app. Unlike the pipeline's inputs, a bad record does not reject the file: it is
 * left out and reported, so a dataset with a few broken events still shows the good ones.
 */
export function parseEvents(
  json: string,
  file: string,
  known: { places: ReadonlySet<string>; articles: ReadonlySet<string> },
): { events: MapEvent[]; problems: InputProblem[]; places: Place[]; threshold: number | null } {
  const list = v.safeParse(EventsFileSchema, parseJson(json, file));
  if (!list.success) throw new InputError(issuesToProblems(list.issues, file, ''));
  const { events, problems, places } = readEvents(list.output.events, list.output.places ?? [], file, known, EventSchema);
  return { events: events.map((e) => e.event), problems, places: places.map((p) => p.place), threshold: list.output.threshold ?? null };
}

/**
 * The ingest's output checked against the contract (CONTRACT.md, "Event"), before it is written: every event and
 * gazetteer place in its shape and no field more, every event's place curated or found, its quote verbatim at
 * `quoteStart` in its article's text and its mention inside its quote, the events in the contract's order, every
 * found place unreviewed and used. Returns every problem found (each names `file` and the field); none when it holds.
 */
export function checkEventsOutput(
  output: { events: readonly unknown[]; places: readonly unknown[] },
  file: string,
  inputs: { places: ReadonlySet<string>; texts: ReadonlyMap<string, string> },
): InputProblem[] {
  const known = { places: inputs.places, articles: new Set(inputs.texts.keys()) };
  const { events, problems, places } = readEvents(output.events, output.places, file, known, WrittenEventSchema);
  const problem = (field: string, message: string) => problems.push({ file, field, message });
  output.events.forEach((item, i) => {
    if (typeof item !== 'object' || item === null) return;
    for (const key of Object.keys(item)) if (!(key in WrittenEventSchema.entries)) problem(`events[${i}].${key}`, 'is not a field of an event');
  });
  let previous: EventRecordOrder | null = null;
  for (const { event: e, index } of events) {
    const at = `events[${index}]`;
    const text = inputs.texts.get(e.article)!;
    const quoteEnd = e.quoteStart + e.quote.length;
    if (text.slice(e.quoteStart, quoteEnd) !== e.quote) problem(`${at}.quote`, `is not the text at quoteStart ${e.quoteStart} of article "${e.article}"`);
    else if (e.mentionStart !== null && (e.mentionStart < e.quoteStart || e.mentionEnd! > quoteEnd)) problem(`${at}.mentionStart`, `the mention ${e.mentionStart}..${e.mentionEnd} lies outside its quote`);
    if (previous && compareEvents(previous, e) > 0) problem(`${at}.start`, 'out of order: events are sorted by start, then article, then quoteStart');
    previous = e;
  }
  const used = new Set(events.map(({ event }) => event.place));
  for (const { place, index } of places) {
    const reviewed = (output.places[index] as { properties?: { reviewed?: unknown } }).properties?.reviewed;
    if (reviewed !== false) problem(`places[${index}].properties.reviewed`, 'must be false: a place from the gazetteer awaits review');
    else if (!used.has(place.id)) problem(`places[${index}].id`, `"${place.id}" is used by no event`);
  }
  return problems.sort((a, b) => compareFields(a.field, b.field));
}

type EventRecordOrder = Pick<MapEvent, 'start' | 'article' | 'quoteStart'>;

/** The contract's order: by start, then article, then quoteStart. */
function compareEvents(a: EventRecordOrder, b: EventRecordOrder): number {
  return a.start - b.start || (a.article < b.article ? -1 : a.article > b.article ? 1 : 0) || a.quoteStart - b.quoteStart;
}

/** Problems of the same record together, records in file order: `events[2]` before `events[10]`, then places. */
function compareFields(a: string, b: string): number {
  const key = (field: string) => /^(events|places)\[(\d+)\]/.exec(field);
  const [ka, kb] = [key(a), key(b)];
  if (!ka || !kb) return 0;
  return (ka[1] === kb[1] ? 0 : ka[1] === 'events' ? -1 : 1) || Number(ka[2]) - Number(kb[2]);
}

/**
 * The records of an events file: the valid events and found places, each with its index in the file, and a
 * problem for each record left out (its first only: one line a record).
 */
function readEvents(
  items: readonly unknown[],
  placeItems: readonly unknown[],
  file: string,
  known: { places: ReadonlySet<string>; articles: ReadonlySet<string> },
  schema: typeof EventSchema | typeof WrittenEventSchema,
): { events: { event: MapEvent; index: number }[]; problems: InputProblem[]; places: { place: Place; index: number }[] } {
  const events: { event: MapEvent; index: number }[] = [];
  const problems: InputProblem[] = [];
  // The places the gazetteer found: a bad one is left out (with its events), like a bad event.
  const places: { place: Place; index: number }[] = [];
  placeItems.forEach((item, i) => {
    try {
      const [place] = parsePlaceFeatures([item], file, `places[${i}]`);
      if (known.places.has(place.id) || places.some((p) => p.place.id === place.id)) problems.push({ file, field: `places[${i}].id`, message: `duplicate id "${place.id}"` });
      else places.push({ place, index: i });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems.map((p) => ({ ...p, field: p.field.replace('places[0]', `places[${i}]`) })).slice(0, 1));
    }
  });
  const placeIds = new Set([...known.places, ...places.map((p) => p.place.id)]);
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const at = `events[${i}]`;
    const result = v.safeParse(schema, item);
    if (!result.success) return problems.push(...issuesToProblems(result.issues, file, at).slice(0, 1));
    const e = result.output;
    const start = parseDay(e.start)!;
    const end = parseDay(e.end)!;
    const problem = (field: string, message: string) => problems.push({ file, field: `${at}.${field}`, message });
    if (seen.has(e.id)) return problem('id', `duplicate id ${JSON.stringify(e.id)}`);
    if (!placeIds.has(e.place)) return problem('place', `unknown place "${e.place}"`);
    if (!known.articles.has(e.article)) return problem('article', `unknown article "${e.article}"`);
    if (end < start) return problem('end', 'is before start');
    if ((e.mentionStart === null) !== (e.mentionEnd === null) || (e.mentionStart !== null && e.mentionEnd! <= e.mentionStart)) {
      return problem('mentionEnd', 'must follow mentionStart, or both be null');
    }
    seen.add(e.id);
    events.push({ event: { ...e, start, end }, index: i });
  });
  return { events, problems, places };
}

/**
 * As `checkEventsOutput`, for the ingest: throws an InputError when the output breaks the contract. Its inputs
 * passed their checks, so each problem is the ingest's own fault and is said to be; nothing is written.
 */
export function refuseInvalidOutput(
  output: { events: readonly unknown[]; places: readonly unknown[] },
  file: string,
  inputs: { places: ReadonlySet<string>; texts: ReadonlyMap<string, string> },
): void {
  const problems = checkEventsOutput(output, file, inputs);
  if (problems.length) throw new InputError(problems.map((p) => ({ ...p, message: `${p.message} (an internal error: the ingest made an output the contract forbids, and did not write it)` })));
}
