import distance from '@turf/distance';
import pointOnFeature from '@turf/point-on-feature';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import * as v from 'valibot';
import { PLACE_KINDS, type Place } from '../model.ts';
import type { InputProblem } from '../problem.ts';
import { ID, InputError, TEXT } from './fields.ts';
import { issuesToProblems, parseJson } from './json.ts';

// The curated places file (places.geojson) and the places of events.json: GeoJSON features in the contract's shape.

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
