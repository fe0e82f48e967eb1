import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import area from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import polylabel from 'polylabel';
import { feature, merge, mesh } from 'topojson-client';
import { presimplify, simplify, type Triangle } from 'topojson-simplify';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import type { Plugin } from 'vite';
import { BASEMAP_FILES, type CountryLabel, type SeaLabel } from '../src/map/basemap.ts';
import { unwrapRing } from '../src/map/antimeridian.ts';
import { loadPlaceTiles } from './populated-places.ts';
import { readSeas, type Sea } from './seas.ts';

/**
 * The embedded basemap, prepared when the app is built. What every view loads: Natural Earth 1:50m countries
 * (world-atlas) turned into the GeoJSON files the style names (`BASEMAP_FILES`), and the seas' labels
 * (`basemap-data/seas.json`); MapLibre's worker fetches and parses them off the main thread. What loads by zoom:
 * the gazetteer's populated places as vector tiles (`vite/populated-places.ts`), fetched only for the view once
 * the map is zoomed in. `vite build` writes them all into the output folder; `vite` serves the same bytes from memory.
 */
export function datelinesBasemap(options: BasemapOptions = BASEMAP_DEFAULTS): Plugin {
  let files: Map<string, string | Uint8Array> | null = null;
  const current = () => (files ??= new Map<string, string | Uint8Array>([...createBasemapFiles(readCountries50m(), readSeas(), options), ...loadPlaceTiles()]));
  return {
    name: 'datelines-basemap',
    configureServer(server) {
      server.middlewares.use('/basemap/', (req, res, next) => {
        const name = `basemap/${(req.url ?? '').split('?')[0].replace(/^\//, '')}`;
        const source = current().get(name);
        if (source === undefined) return next();
        res.setHeader('Content-Type', name.endsWith('.pbf') ? 'application/x-protobuf' : 'application/geo+json');
        res.end(source);
      });
    },
    generateBundle() {
      for (const [fileName, source] of current()) this.emitFile({ type: 'asset', fileName, source });
    },
  };
}

export interface BasemapOptions {
  minWeight: number;
  minIslandKm2: number;
  keepWholeKm2: number;
  decimals: number;
}

export const BASEMAP_DEFAULTS: BasemapOptions = {
  minWeight: 0.01, // Visvalingam: a vertex goes when its triangle is smaller than this, in square degrees of Web Mercator (≈ 120 km² at the equator)
  minIslandKm2: 300, // polygons smaller than this are left out, except each country's largest
  keepWholeKm2: 5000, // a country's largest polygon smaller than this keeps every vertex, so no small country vanishes
  decimals: 2, // decimals of each coordinate in the files (2: within 0.6 km, finer than what the simplification moves)
};

type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;
type CountryGeometry = TopoPolygon<{ name: string }> | TopoMultiPolygon<{ name: string }>;

export function readCountries50m(): Countries {
  const path = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Countries;
}

/**
 * The basemap files every view loads, by file name: `land` (the countries merged into land polygons, rings across
 * the antimeridian unwrapped), `borders` (every arc between two countries, as one MultiLineString), `labels` (one
 * point per country inside its largest polygon, with that polygon's area in km² to rank labels) and `seas` (one
 * point per sea, with the zooms it shows at). Same input, same bytes.
 */
export function createBasemapFiles(topology: Countries, seas: readonly Sea[], options: BasemapOptions = BASEMAP_DEFAULTS): Map<string, string> {
  const countries = (topology.objects.countries.geometries as CountryGeometry[]).filter((g) => g.type === 'Polygon' || g.type === 'MultiPolygon');
  // Each country's polygons as arc lists, the small islands left out, and the polygon its label goes in.
  const kept = countries.map((country) => {
    const polygons = (country.type === 'Polygon' ? [country.arcs] : country.arcs).map((arcs) => ({ arcs, km2: polygonKm2(topology, arcs) }));
    const largest = polygons.reduce((best, p) => (p.km2 > best.km2 ? p : best));
    return { name: country.properties?.name ?? '', largest, polygons: polygons.filter((p) => p === largest || p.km2 >= options.minIslandKm2) };
  });

  const weighted = presimplify(topology, mercatorTriangleArea);
  for (const { largest } of kept) {
    if (largest.km2 >= options.keepWholeKm2) continue;
    for (const arc of largest.arcs.flat()) for (const point of weighted.arcs[arc < 0 ? ~arc : arc]) point[2] = Infinity;
  }
  const simplified = simplify(weighted, options.minWeight);

  const geometries: TopoMultiPolygon[] = kept.map(({ polygons }) => ({ type: 'MultiPolygon', arcs: polygons.map((p) => p.arcs) }));
  const land = merge(simplified, geometries);
  const borders = mesh(simplified, { type: 'GeometryCollection', geometries }, (a, b) => a !== b);

  const labels: Feature<Point, CountryLabel>[] = kept.map(({ name, largest }) => {
    const rings = (feature(simplified, { type: 'Polygon', arcs: largest.arcs }).geometry as Polygon).coordinates.map(unwrapClosedRing);
    const point: Point = { type: 'Point', coordinates: roundPosition(labelPoint(rings), options.decimals) };
    return { type: 'Feature', geometry: point, properties: { name, area: Math.round(largest.km2) } };
  });

  const landPolygons = land.coordinates.map((rings) => cleanPolygon(rings.map(unwrapRing), options.decimals)).filter((p) => p !== null);
  const borderLines = borders.coordinates.map((line) => cleanLine(unwrapRing(line), options.decimals)).filter((l) => l !== null);
  const files: Record<keyof typeof BASEMAP_FILES, FeatureCollection> = {
    land: collection<MultiPolygon>({ type: 'MultiPolygon', coordinates: landPolygons }),
    borders: collection<MultiLineString>({ type: 'MultiLineString', coordinates: borderLines }),
    labels: { type: 'FeatureCollection', features: labels },
    seas: { type: 'FeatureCollection', features: seas.map(seaLabel) },
  };
  return new Map(Object.entries(files).map(([key, data]) => [BASEMAP_FILES[key as keyof typeof BASEMAP_FILES], JSON.stringify(data)]));
}

function seaLabel({ name, lngLat, minZoom, maxZoom }: Sea): Feature<Point, SeaLabel> {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: lngLat }, properties: { name, minZoom, maxZoom } };
}

/**
 * Where a polygon's label goes: the centre of its bounding box when that lies inside it (where the labels have always
 * been), otherwise its pole of inaccessibility (polylabel) as the map draws it (Web Mercator), to within about 1 km.
 */
function labelPoint(rings: Position[][]): Position {
  const [west, south, east, north] = rings[0].reduce(([w, s, e, n], [lng, lat]) => [Math.min(w, lng), Math.min(s, lat), Math.max(e, lng), Math.max(n, lat)], [Infinity, Infinity, -Infinity, -Infinity]);
  const centre: Position = [(west + east) / 2, (south + north) / 2];
  if (booleanPointInPolygon(centre, { type: 'Polygon', coordinates: rings })) return [wrapLongitude(centre[0]), centre[1]];
  const projected = rings.map((ring) => ring.map(([lng, lat]): [number, number] => [lng, mercatorY(lat)]));
  const [x, y] = polylabel(projected, 0.01);
  return [wrapLongitude(x), (Math.atan(Math.sinh((y * Math.PI) / 180)) * 180) / Math.PI];
}

function collection<G extends MultiPolygon | MultiLineString>(geometry: G): FeatureCollection<G> {
  return { type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties: {} }] };
}

/** Area in km² of one polygon of the topology, given as its rings of arc indexes. */
function polygonKm2(topology: Countries, arcs: number[][]): number {
  const rings = (feature(topology, { type: 'Polygon', arcs }).geometry as Polygon).coordinates.map(unwrapClosedRing);
  return area({ type: 'Polygon', coordinates: rings }) / 1e6;
}

/** A ring unwrapped across the antimeridian, unless it goes round a pole (Antarctica), where unwrapping cannot close it. */
function unwrapClosedRing(ring: Position[]): Position[] {
  const unwrapped = unwrapRing(ring);
  return unwrapped[0][0] === unwrapped[unwrapped.length - 1][0] ? unwrapped : ring;
}

/** Visvalingam's weight measured as drawn: the triangle's area once latitudes are projected to Web Mercator. */
function mercatorTriangleArea([a, b, c]: Triangle): number {
  const ay = mercatorY(a[1]);
  const by = mercatorY(b[1]);
  const cy = mercatorY(c[1]);
  return Math.abs((b[0] - a[0]) * (cy - ay) - (c[0] - a[0]) * (by - ay)) / 2;
}

/** Latitude in degrees to Web Mercator y, in degrees of longitude (clamped at ±85°, where the map ends). */
function mercatorY(lat: number): number {
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return (Math.log(Math.tan(Math.PI / 4 + phi / 2)) * 180) / Math.PI;
}

function wrapLongitude(lng: number): number {
  return ((((lng + 180) % 360) + 360) % 360) - 180;
}

function roundPosition([lng, lat]: Position, decimals: number): Position {
  const k = 10 ** decimals;
  return [Math.round(lng * k) / k, Math.round(lat * k) / k];
}

/** Rounds a line's positions and drops repeats; null when fewer than two remain. */
function cleanLine(line: Position[], decimals: number): Position[] | null {
  const out: Position[] = [];
  for (const p of line) {
    const q = roundPosition(p, decimals);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out.length >= 2 ? out : null;
}

/** Rounds a polygon's rings; a ring left with fewer than four positions goes, and so does a polygon without its outer ring. */
function cleanPolygon(rings: Position[][], decimals: number): Position[][] | null {
  const cleaned = rings.map((ring) => {
    const line = cleanLine(ring, decimals);
    return line && line.length >= 4 ? line : null;
  });
  if (!cleaned[0]) return null;
  return cleaned.filter((ring) => ring !== null);
}
