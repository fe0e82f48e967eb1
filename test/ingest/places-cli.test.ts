import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_PLACES, createTextCorpus } from '../text-corpus.ts';

const INGEST = join(process.cwd(), 'build/cli/ingest/cli.js');
const PLACES = join(process.cwd(), 'build/cli/ingest/places-cli.js');
/** A corpus of short texts of our own, published on one day, with no curated place unless given; its folder. */
function createCorpus(texts: Record<string, string>, places = NO_PLACES): string {
  return createTextCorpus(Object.entries(texts).map(([id, text]) => ({ id, text, published: '2022-04-04' })), places).dir;
}

function run(script: string, dir: string, args: string[]) {
  const paths = script === INGEST ? ['--articles', join(dir, 'articles.json'), '--places', join(dir, 'places.geojson'), '--out', join(dir, 'events.json')] : ['--articles', join(dir, 'articles.json'), '--places', join(dir, 'places.geojson'), '--events', join(dir, 'events.json')];
  const result = spawnSync(process.execPath, [script, ...args, ...paths], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function events(dir: string): { events: { place: string; quote: string }[]; places: { id: string; properties: { reviewed: boolean; source: string } }[] } {
  return JSON.parse(readFileSync(join(dir, 'events.json'), 'utf8'));
}

const KHERSON = 'Russian troops shelled Kherson, Ukraine, on Sunday, officials said.\nUkrainian forces attacked positions near Mykolaiv on Sunday.\n';

describe('npm run ingest with no place curated', () => {
  it('finds the places in the gazetteer, writes them unreviewed with their source, and says how many await review', () => {
    const dir = createCorpus({ kherson: KHERSON });
    const result = run(INGEST, dir, []);
    expect(result.status).toBe(0);
    const out = events(dir);
    expect(out.events.map((e) => e.place)).toEqual(['kherson', 'mykolaiv']);
    expect(out.places.map((p) => [p.id, p.properties.reviewed, p.properties.source])).toEqual([
      ['kherson', false, 'GeoNames 706448 (Kherson)'],
      ['mykolaiv', false, 'GeoNames 700569 (Mykolayiv)'],
    ]);
    expect(result.stderr).toContain('kherson: 2 events');
    expect(result.stderr).toContain('2 places from the gazetteer await review');
  });

  it('explains why a mention did not become an event', () => {
    const dir = createCorpus({ kyiv: 'Officials in Kyiv said on Sunday that talks would go on.\n' });
    const result = run(INGEST, dir, ['--explain']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/no event at .*"Kyiv"\): government/);
  });
});

describe('npm run places', () => {
  it('lists what awaits review, with the sentences and the commands to decide', () => {
    const dir = createCorpus({ kherson: KHERSON });
    run(INGEST, dir, []);
    const review = run(PLACES, dir, ['review']);
    expect(review.status).toBe(0);
    expect(review.stdout).toContain('kherson — Kherson (city, UA)');
    expect(review.stdout).toContain('Russian troops shelled Kherson');
    expect(review.stdout).toContain('npm run places -- accept kherson');
  });

  it('accepts a place into the curated file, keeping what a person wrote, and the next ingest honours it', () => {
    const dir = createCorpus({ kherson: KHERSON });
    run(INGEST, dir, []);
    expect(run(PLACES, dir, ['accept', 'kherson']).status).toBe(0);
    const curated = readFileSync(join(dir, 'places.geojson'), 'utf8');
    expect(JSON.parse(curated).features.map((f: { id: string }) => f.id)).toEqual(['kherson']);
    expect(curated.startsWith('{\n  "type": "FeatureCollection",\n  "features": [')).toBe(true);
    run(INGEST, dir, []);
    expect(events(dir).places.map((p) => p.id)).toEqual(['mykolaiv']); // kherson is curated now
    expect(events(dir).events.map((e) => e.place)).toEqual(['kherson', 'mykolaiv']);
  });

  it('records a name that is not a place, and the next ingest leaves it out', () => {
    const dir = createCorpus({ kherson: KHERSON });
    run(INGEST, dir, []);
    expect(run(PLACES, dir, ['reject', 'Mykolaiv', '--note', 'a test']).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'places.geojson'), 'utf8')).notPlaces).toEqual([{ name: 'Mykolaiv', note: 'a test' }]);
    run(INGEST, dir, []);
    expect(events(dir).events.map((e) => e.place)).toEqual(['kherson']);
  });

  it('refuses an unknown place with a line naming the file, and changes nothing', () => {
    const dir = createCorpus({ kherson: KHERSON });
    run(INGEST, dir, []);
    const result = run(PLACES, dir, ['accept', 'atlantis']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`${join(dir, 'events.json')}: places: no unreviewed place "atlantis" (see npm run places -- review)`);
    expect(readFileSync(join(dir, 'places.geojson'), 'utf8')).toBe(NO_PLACES);
  });
});

describe('curated places checked harder', () => {
  const place = (id: string, coordinates: [number, number], country: string) => ({
    type: 'Feature', id, geometry: { type: 'Point', coordinates }, properties: { id, name: id, aliases: [], kind: 'city', country, source: 'test' },
  });

  it('names a place whose point lies in another country, and says when longitude and latitude look swapped', () => {
    const places = { type: 'FeatureCollection', features: [place('kyiv', [50.45, 30.52], 'UA'), place('lviv', [24.03, 49.84], 'UA')] };
    const dir = createCorpus({ a: KHERSON }, JSON.stringify(places));
    const result = run(INGEST, dir, []);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`${join(dir, 'places.geojson')}: place "kyiv".geometry.coordinates: [50.45, 30.52] lies in IR, not in UA (longitude and latitude swapped? [30.52, 50.45] lies in UA)`);
  });

  it('reports every problem of a run at once', () => {
    const places = { type: 'FeatureCollection', features: [place('kyiv', [50.45, 30.52], 'UA'), { ...place('bad', [1, 2], 'XX1'), id: 'bad' }] };
    const dir = createCorpus({ a: KHERSON }, JSON.stringify(places));
    const records = JSON.parse(readFileSync(join(dir, 'articles.json'), 'utf8'));
    records.push({ ...records[0], id: 'b', file: 'articles/missing.txt' });
    writeFileSync(join(dir, 'articles.json'), JSON.stringify(records));
    const lines = run(INGEST, dir, []).stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => l.includes('place "bad".properties.country'))).toBe(true);
    expect(lines.some((l) => l.includes('[1].file: no such file'))).toBe(true);
    expect(lines.some((l) => l.includes('place "kyiv"'))).toBe(true);
  });
});
