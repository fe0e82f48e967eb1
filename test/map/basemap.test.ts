import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { FeatureCollection, MultiLineString, MultiPolygon, Point, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { BASEMAP_FILES, createBasemapStyle, type CountryLabel, type SeaLabel } from '../../src/map/basemap.ts';
import { createBasemapFiles, readCountries50m } from '../../vite/basemap-plugin.ts';
import { readSeas } from '../../vite/seas.ts';

const MAX_GZIP_KB = 150; // the files every view loads, together, gzip, 1 kB = 1024 bytes
const MAX_BORDER_KM = 2; // how far the Iraq–Syria border may lie from a border crossing

/** The files the build emits, parsed back. */
function createBasemap() {
  const files = createBasemapFiles(readCountries50m(), readSeas());
  const read = <T>(name: string) => JSON.parse(files.get(name)!) as T;
  return {
    files,
    land: read<FeatureCollection<MultiPolygon>>(BASEMAP_FILES.land).features[0].geometry,
    borders: read<FeatureCollection<MultiLineString>>(BASEMAP_FILES.borders).features[0].geometry,
    labels: read<FeatureCollection<Point, CountryLabel>>(BASEMAP_FILES.labels).features,
    seas: read<FeatureCollection<Point, SeaLabel>>(BASEMAP_FILES.seas).features,
  };
}

function borderCrossings(): { id: string; at: Position }[] {
  const places = JSON.parse(readFileSync('geo/places.geojson', 'utf8')) as FeatureCollection<Point, { id: string; kind: string }>;
  return places.features.filter((f) => f.properties.kind === 'border-crossing').map((f) => ({ id: f.properties.id, at: f.geometry.coordinates }));
}

/** Distance in km from `p` to the segment a–b, on a plane tangent at `p` (exact enough within tens of km). */
function segmentDistanceKm(p: Position, a: Position, b: Position): number {
  const kx = 111.32 * Math.cos((p[1] * Math.PI) / 180);
  const ky = 110.57;
  const [ax, ay, bx, by] = [(a[0] - p[0]) * kx, (a[1] - p[1]) * ky, (b[0] - p[0]) * kx, (b[1] - p[1]) * ky];
  const [dx, dy] = [bx - ax, by - ay];
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

describe('the basemap prepared at build time', () => {
  it(`weighs at most ${MAX_GZIP_KB} kB gzip, all files together`, () => {
    const { files } = createBasemap();
    const bytes = [...files.values()].reduce((sum, text) => sum + gzipSync(text).length, 0);
    expect(bytes / 1024).toBeLessThanOrEqual(MAX_GZIP_KB);
  });

  it(`draws the border within ${MAX_BORDER_KM} km of each border crossing in geo/places.geojson`, () => {
    const { borders } = createBasemap();
    const crossings = borderCrossings();
    expect(crossings.map((c) => c.id).sort()).toEqual(['al-qaim-crossing', 'al-waleed']);
    for (const { id, at } of crossings) {
      let nearest = Infinity;
      for (const line of borders.coordinates) for (let i = 1; i < line.length; i++) nearest = Math.min(nearest, segmentDistanceKm(at, line[i - 1], line[i]));
      expect(nearest, id).toBeLessThanOrEqual(MAX_BORDER_KM);
    }
  });

  it('labels every country of the 1:50m set once, at a point on its land', () => {
    const { land, labels } = createBasemap();
    const names = readCountries50m().objects.countries.geometries.map((g) => (g.properties as { name: string }).name);
    expect(labels.map((l) => l.properties.name).sort()).toEqual([...names].sort());
    for (const label of labels) {
      const [lng, lat] = label.geometry.coordinates;
      // Land across the antimeridian is unwrapped beyond ±180°: look on the neighbouring world copies too.
      expect([lng, lng - 360, lng + 360].some((x) => booleanPointInPolygon([x, lat], land)), label.properties.name).toBe(true);
      expect(label.properties.area, label.properties.name).toBeGreaterThan(0);
    }
  });

  it('keeps land rings continuous across the antimeridian', () => {
    const { land } = createBasemap();
    for (const ring of land.coordinates.flat()) for (let i = 1; i < ring.length; i++) expect(Math.abs(ring[i][0] - ring[i - 1][0])).toBeLessThan(180);
  });

  it('names each sea once, at a point in water (off the land it draws)', () => {
    const { land, seas } = createBasemap();
    expect(seas.length).toBeGreaterThan(0);
    expect(new Set(seas.map((s) => s.properties.name)).size).toBe(seas.length);
    for (const sea of seas) {
      const [lng, lat] = sea.geometry.coordinates;
      expect([lng, lng - 360, lng + 360].some((x) => booleanPointInPolygon([x, lat], land)), sea.properties.name).toBe(false);
      expect(sea.properties.minZoom, sea.properties.name).toBeLessThan(sea.properties.maxZoom);
    }
  });

  it('refuses a seas file with a bad field, naming the file and the field', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'datelines-seas-')), 'seas.json');
    writeFileSync(file, JSON.stringify([{ name: 'Red Sea', lngLat: [38.5, 20], minZoom: 3, maxZoom: 8 }, { name: 'Nowhere Sea', lngLat: [10, 95], minZoom: 3, maxZoom: 8 }]));
    expect(() => readSeas(file)).toThrow(`${file}: 1.lngLat.1: `);
  });

  it('writes the same bytes from the same input', () => {
    expect(createBasemap().files).toEqual(createBasemap().files);
  });
});

describe('the basemap style', () => {
  it('asks for every file from the app’s own folder, the tiles by their z/x/y template', () => {
    const style = createBasemapStyle('http://127.0.0.1:4173/app/assets/font.woff2', 'http://127.0.0.1:4173/app/');
    const urls = Object.values(style.sources).flatMap((source) => ('data' in source && typeof source.data === 'string' ? [source.data] : 'tiles' in source ? (source.tiles ?? []) : []));
    expect(urls.length).toBe(Object.keys(style.sources).length);
    for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4173\/app\/basemap\//);
    expect(urls.filter((url) => url.endsWith('.pbf'))).toEqual(['http://127.0.0.1:4173/app/basemap/cities/{z}/{x}/{y}.pbf', 'http://127.0.0.1:4173/app/basemap/towns/{z}/{x}/{y}.pbf']);
  });
});
