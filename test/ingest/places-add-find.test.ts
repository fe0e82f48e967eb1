import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIngested as createCorpus, ingest, places, runPrinted } from '../places-corpus.ts';
import { NO_PLACES } from '../text-corpus.ts';

/** A corpus of short texts of our own, published on 5 May 2015, ingested once with no curated place; its folder. */
function createIngested(texts: Record<string, string>): string {
  return createCorpus(texts, '2015-05-05');
}

function curated(dir: string): { features: { id: string; geometry: { coordinates: number[] }; properties: Record<string, unknown> }[] } {
  return JSON.parse(readFileSync(join(dir, 'places.geojson'), 'utf8'));
}

function events(dir: string): { events: { place: string }[] } {
  return JSON.parse(readFileSync(join(dir, 'events.json'), 'utf8'));
}

const LALITPUR = 'Gunmen attacked a bus in Lalitpur on Monday, police said.\n';
const ZORKVILLE = 'Gunmen attacked a bus in Zorkville on Monday, police said.\n';

describe('npm run places -- find', () => {
  it("lists the gazetteer's entries of a name with their refs, the largest first", () => {
    const dir = createIngested({ bus: ZORKVILLE });
    const result = places(dir, ['find', 'Lalitpur']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^4 gazetteer entries named "Lalitpur":\n\ngeonames:1282931 {2}Pātan \(city, NP\) at 27\.67658° N, 85\.31417° E; population [\d,]+\n/);
    expect(result.stdout.indexOf('geonames:1282931')).toBeLessThan(result.stdout.indexOf('geonames:1265157  Lalitpur (city, IN)'));
    // The districts of that name (second-level divisions) come after the towns.
    expect(result.stdout.indexOf('geonames:1265157')).toBeLessThan(result.stdout.indexOf('admin2:IN.36.167  Lalitpur (province, IN)'));
    expect(places(dir, ['find', 'Lalitpur', '--country', 'in']).stdout).not.toContain('geonames:1282931');
  });

  it('offers the other entry for a place under review, and that command works as printed', () => {
    const dir = createIngested({ bus: LALITPUR });
    const found = places(dir, ['find', 'Lalitpur']).stdout;
    const line = found.split('\n').find((l) => l.includes('accept lalitpur --as geonames:1282931'))!;
    const accepted = runPrinted(line.slice(line.indexOf('npm run')));
    expect(accepted.stderr).toBe('');
    const [feature] = curated(dir).features;
    expect([feature.id, feature.properties.country, feature.geometry.coordinates, feature.properties.geonames]).toEqual(['lalitpur', 'NP', [85.31417, 27.67658], 1282931]);
    ingest(dir);
    expect(events(dir).events.map((e) => e.place)).toEqual(['lalitpur']);
  });

  it('says when no entry has the name', () => {
    const dir = createIngested({ bus: ZORKVILLE });
    expect(places(dir, ['find', 'Zorkville']).stdout).toBe('No gazetteer entry is named "Zorkville".\n');
  });
});

describe('npm run places -- add', () => {
  it('writes a curated feature at the point given, its country found from the point, and the next ingest uses it', () => {
    const dir = createIngested({ bus: ZORKVILLE });
    const result = places(dir, ['add', 'Zorkville', '--at', '27.7,85.3']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('added "zorkville" (Zorkville, town, NP)');
    expect(result.stdout).toMatch(/0 → 1; 1 new\.\n {2}\+ came 2015-05-04 zorkville {2}bus: Gunmen attacked a bus in Zorkville on Monday, police said\.\n {6}why: "Zorkville" is now the curated place "zorkville"/);
    expect(curated(dir).features).toEqual([{ type: 'Feature', id: 'zorkville', geometry: { type: 'Point', coordinates: [85.3, 27.7] }, properties: { id: 'zorkville', name: 'Zorkville', aliases: ['Zorkville'], kind: 'town', country: 'NP', source: 'coordinates given by hand (npm run places -- add)' } }]);
    expect(ingest(dir).status).toBe(0);
    expect(events(dir).events.map((e) => e.place)).toEqual(['zorkville']);
  });

  it('takes the kind, country, id, aliases and source given', () => {
    const dir = createIngested({ bus: ZORKVILLE });
    expect(places(dir, ['add', 'Zorkville', '--at', '27.7,85.3', '--kind', 'city', '--country', 'np', '--id', 'zork', '--alias', 'Zorkvil', '--source', 'a survey map']).status).toBe(0);
    expect(curated(dir).features[0].properties).toEqual({ id: 'zork', name: 'Zorkville', aliases: ['Zorkville', 'Zorkvil'], kind: 'city', country: 'NP', source: 'a survey map' });
  });

  it('takes a gazetteer entry by its ref', () => {
    const dir = createIngested({ bus: ZORKVILLE });
    expect(places(dir, ['add', 'Patan', '--as', 'geonames:1282931']).status).toBe(0);
    expect(curated(dir).features).toEqual([{ type: 'Feature', id: 'patan', geometry: { type: 'Point', coordinates: [85.31417, 27.67658] }, properties: { id: 'patan', name: 'Patan', aliases: ['Patan'], kind: 'city', country: 'NP', source: 'GeoNames 1282931 (Pātan)', geonames: 1282931 } }]);
  });

  it('names every bad argument and writes nothing', () => {
    const dir = createIngested({ bus: ZORKVILLE });
    const result = places(dir, ['add', 'Zorkville', '--at', '95,32', '--kind', 'village', '--country', 'U1']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      '(command line): --kind: "village" must be one of city, town, border-crossing, site, province, country',
      '(command line): --country: "U1" must be an ISO 3166-1 alpha-2 code (UA, NP, US…)',
      '(command line): --at: latitude 95 must lie between -90 and 90 (latitude comes first: LAT,LON)',
    ]);
    expect(places(dir, ['add', 'Zorkville']).stderr).toContain('(command line): --at: give the point as --at LAT,LON or a gazetteer entry as --as REF');
    expect(readFileSync(join(dir, 'places.geojson'), 'utf8')).toBe(NO_PLACES);
  });

  it('refuses a point outside the country given, saying that the latitude comes first', () => {
    const dir = createIngested({ bus: ZORKVILLE });
    const result = places(dir, ['add', 'Zorkville', '--at', '85.3,27.7', '--country', 'NP']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('(command line): --at: 85.3,27.7 lies in');
    expect(result.stderr).toContain('27.7,85.3 lies in NP (--at takes the latitude first: LAT,LON)');
    expect(readFileSync(join(dir, 'places.geojson'), 'utf8')).toBe(NO_PLACES);
  });

  it('refuses a name or id another curated place has', () => {
    const dir = createIngested({ bus: ZORKVILLE });
    places(dir, ['add', 'Zorkville', '--at', '27.7,85.3']);
    const before = readFileSync(join(dir, 'places.geojson'), 'utf8');
    const result = places(dir, ['add', 'Zorkville', '--at', '27.8,85.4']);
    expect(result.stderr.trim().split('\n')).toEqual([
      `${join(dir, 'places.geojson')}: place "zorkville": is already curated: give the new place another id with --id`,
      `${join(dir, 'places.geojson')}: place "zorkville".properties.aliases: "Zorkville" is already a name of this place: a name belongs to one place`,
    ]);
    expect(readFileSync(join(dir, 'places.geojson'), 'utf8')).toBe(before);
  });
});
