import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIngested as createCorpus, ingest, places } from '../places-corpus.ts';
import { NO_PLACES } from '../text-corpus.ts';

/** A corpus of short texts of our own, ingested once with no curated place; its folder. */
function createIngested(texts: Record<string, string>, published = '2022-04-04'): string {
  return createCorpus(texts, published);
}

function curated(dir: string): { features: { id: string; properties: { country: string } }[]; notPlaces?: { name: string }[] } {
  return JSON.parse(readFileSync(join(dir, 'places.geojson'), 'utf8'));
}

function written(dir: string): { events: { place: string; article: string; quote: string }[]; places: { id: string }[] } {
  return JSON.parse(readFileSync(join(dir, 'events.json'), 'utf8'));
}

const KHERSON = 'Russian troops shelled Kherson, Ukraine, on Sunday, officials said.\nUkrainian forces attacked positions near Mykolaiv on Sunday.\n';
const UKRAINE = 'Russian troops shelled Kherson, Mykolaiv, Odesa and Kharkiv in Ukraine on Sunday, officials said.\n';
const KATRINA = 'NEW ORLEANS—Convoys of buses ferried refugees from the squalor of the Superdome on Thursday.\n\nBy midday, more than 5,000 homeless residents had been moved to the Astrodome in Houston.\n\nMayor Ray Nagin ordered a total evacuation of New Orleans on Monday.\n';
const TRIPOLI = { lebanon: 'Fighting broke out in Tripoli, Lebanon, on Sunday.\n', libya: 'Militias clashed in Tripoli, Libya, on Sunday.\n' };

describe('several decisions in one command', () => {
  it('accepts every ID given, in one write', () => {
    const dir = createIngested({ a: UKRAINE });
    const result = places(dir, ['accept', 'kherson', 'odesa', 'kharkiv']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('accepted "odesa" (Odesa, city, UA)');
    expect(curated(dir).features.map((f) => f.id)).toEqual(['kherson', 'odesa', 'kharkiv']);
  });

  it('accept --all keeps every place under review, and the review then has none', () => {
    const dir = createIngested({ a: UKRAINE });
    expect(places(dir, ['accept', '--all']).status).toBe(0);
    expect(curated(dir).features.map((f) => f.id).sort()).toEqual(['kharkiv', 'kherson', 'mykolaiv', 'odesa']);
    expect(places(dir, ['review']).stdout).toMatch(/^Every place of the events is (curated|decided): nothing to review\./);
    ingest(dir);
    expect(written(dir).places).toEqual([]);
  });

  it('rejects every name given, and reject --all every name under review', () => {
    const some = createIngested({ a: UKRAINE });
    expect(places(some, ['reject', 'Odesa', 'kharkiv', '--note', 'a test']).status).toBe(0);
    expect(curated(some).notPlaces).toEqual([{ name: 'Odesa', note: 'a test' }, { name: 'Kharkiv', note: 'a test' }]);
    const all = createIngested({ a: UKRAINE });
    expect(places(all, ['reject', '--all']).status).toBe(0);
    expect(curated(all).notPlaces!.map((n) => n.name).sort()).toEqual(['Kharkiv', 'Kherson', 'Mykolaiv', 'Odesa']);
    ingest(all);
    expect(written(all).events).toEqual([]);
  });

  it('writes nothing when one of them is invalid, and says every problem', () => {
    const dir = createIngested({ a: UKRAINE });
    const accepted = places(dir, ['accept', 'kherson', 'atlantis', 'odesa', 'lemuria']);
    expect(accepted.status).toBe(1);
    expect(accepted.stderr.trim().split('\n').map((l) => l.replace(/ \(see .*\)$/, ''))).toEqual([`${join(dir, 'events.json')}: places: no unreviewed place "atlantis"`, `${join(dir, 'events.json')}: places: no unreviewed place "lemuria"`]);
    const rejected = places(dir, ['reject', 'Odesa', 'Atlantis', 'Lemuria']);
    expect(rejected.stderr.trim().split('\n')).toHaveLength(2);
    expect(readFileSync(join(dir, 'places.geojson'), 'utf8')).toBe(NO_PLACES);
  });

  it('refuses --all beside IDs, and --as beside several IDs', () => {
    const dir = createIngested({ a: UKRAINE });
    expect(places(dir, ['accept', '--all', 'kherson']).stderr.trim()).toBe('(command line): --all: takes no IDs (given: kherson): give the IDs or --all');
    expect(places(dir, ['accept', 'kherson', 'odesa', '--as', 'geonames:706448']).stderr.trim()).toBe('(command line): --as: chooses the entry of one place: give one ID with --as REF');
    expect(readFileSync(join(dir, 'places.geojson'), 'utf8')).toBe(NO_PLACES);
  });

  it('says when two places under review share a name, and accept --all then keeps neither', () => {
    const dir = createIngested(TRIPOLI);
    const [first, second] = written(dir).places.map((p) => p.id);
    expect(places(dir, ['review']).stdout).toContain(`${first} and ${second} share the name "Tripoli": keep one of them at most`);
    const result = places(dir, ['accept', '--all']);
    expect(result.stderr.trim()).toBe(`${join(dir, 'events.json')}: places: ${first} and ${second} share the name "Tripoli": keep one of them by its ID first`);
    expect(readFileSync(join(dir, 'places.geojson'), 'utf8')).toBe(NO_PLACES);
  });
});

describe('what a decision changes in the events', () => {
  it('accepting a place says which events of other places the next ingest loses, and why, and it does lose them', () => {
    const dir = createIngested({ katrina: KATRINA }, '2005-09-01');
    expect(written(dir).events.map((e) => e.place)).toEqual(['new-orleans', 'new-orleans', 'houston']);
    const result = places(dir, ['accept', 'houston']);
    expect(result.stdout).toContain('(the corpus read in memory with the new file): 3 → 2; 1 gone.');
    expect(result.stdout).toContain('  − went 2005-09-01 new-orleans  katrina: NEW ORLEANS—Convoys of buses ferried refugees from the squalor of the Superdome on Thursday.\n      why: "Superdome" is no longer read as a place: a site the article ties to no city it names');
    ingest(dir);
    expect(written(dir).events.map((e) => e.place)).toEqual(['new-orleans', 'houston']);
  });

  it('rejecting a name says which events go, because it was rejected', () => {
    const dir = createIngested({ a: KHERSON });
    const result = places(dir, ['reject', 'Mykolaiv']);
    expect(result.stdout).toContain('2 → 1; 1 gone.');
    expect(result.stdout).toContain('  − went 2022-04-03 mykolaiv  a: Ukrainian forces attacked positions near Mykolaiv on Sunday.\n      why: "Mykolaiv" is now recorded as not a place');
  });

  it('a place accepted takes its name in other articles too: the events that move are said', () => {
    const dir = createIngested(TRIPOLI);
    const lebanese = written(dir).places.find((p) => p.id !== 'tripoli')!.id;
    const result = places(dir, ['accept', lebanese]);
    expect(result.stdout).toContain(`~ moved 2022-04-03 tripoli → ${lebanese}  libya: Militias clashed in Tripoli, Libya, on Sunday.\n      why: "Tripoli" is now the curated place "${lebanese}" (Tripoli, LB)`);
    ingest(dir);
    expect(written(dir).events.map((e) => [e.article, e.place])).toEqual([['lebanon', lebanese], ['libya', lebanese]]);
  });

  it('--dry-run says what a decision would change and writes nothing', () => {
    const dir = createIngested({ katrina: KATRINA }, '2005-09-01');
    const result = places(dir, ['accept', 'houston', '--dry-run']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--dry-run: nothing was written. It would have:\n  accepted "houston"');
    expect(result.stdout).toContain('What the next ingest would change in the events (the corpus read in memory with the new file): 3 → 2; 1 gone.');
    expect(readFileSync(join(dir, 'places.geojson'), 'utf8')).toBe(NO_PLACES);
  });

  it('says so when the events stay as they are', () => {
    const dir = createIngested({ a: UKRAINE });
    expect(places(dir, ['accept', 'kherson']).stdout).toContain('The events stay as they are: the next ingest will find the same 4 events.');
  });
});
