import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_PLACES, createTextCorpus } from '../text-corpus.ts';
import { INGEST, PLACES, runPrinted } from '../places-corpus.ts';

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
    const result = run(INGEST, dir, ['--verbose']);
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
    expect(result.stderr.trim()).toBe(`${join(dir, 'events.json')}: places: no unreviewed place "atlantis" (see npm run places -- review --events ${join(dir, 'events.json')} --articles ${join(dir, 'articles.json')} --places ${join(dir, 'places.geojson')})`);
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

/** The command a line of output gives (from "npm run" on). */
function commandIn(output: string, ...words: string[]): string {
  const line = output.split('\n').find((l) => words.every((w) => l.includes(w)));
  expect(line, `a line with ${words.join(', ')} in:\n${output}`).toBeDefined();
  return line!.slice(line!.indexOf('npm run')).replace(/\)?\.?$/, '');
}

const MAARRAT = "Gunmen attacked a checkpoint in Ma'arrat al-Nu'man, Syria, on Sunday.\n";

describe('the commands the review prints work as printed, for the corpus in hand', () => {
  /** A corpus whose events go to a file of another name than data/events.json, with a space in it. */
  function createIngested() {
    const dir = createCorpus({ kherson: KHERSON, maarrat: MAARRAT });
    const events = join(dir, 'my events.json');
    const ingest = spawnSync(process.execPath, [INGEST, '--articles', join(dir, 'articles.json'), '--places', join(dir, 'places.geojson'), '--out', events], { encoding: 'utf8' });
    expect(ingest.status).toBe(0);
    return { dir, events, said: ingest.stderr };
  }

  it("the ingest's review hint reviews the corpus it wrote, not data/events.json", () => {
    const { said } = createIngested();
    const review = runPrinted(commandIn(said, 'await review', 'npm run places -- review'));
    expect(review.status).toBe(0);
    expect(review.stdout).toContain('3 places from the gazetteer, not yet reviewed');
    expect(review.stdout).toContain('kherson — Kherson (city, UA)');
  });

  it('the accept and reject lines of the review, and the ingest line after them, do what they say', () => {
    const { dir, events, said } = createIngested();
    const review = runPrinted(commandIn(said, 'npm run places -- review')).stdout;
    const accepted = runPrinted(commandIn(review, 'keep it', 'accept kherson'));
    expect(accepted.stderr).toBe('');
    expect(accepted.status).toBe(0);
    const rejected = runPrinted(commandIn(review, 'not a place', 'reject', 'arrat'));
    expect(rejected.stderr).toBe('');
    const curated = JSON.parse(readFileSync(join(dir, 'places.geojson'), 'utf8'));
    expect(curated.features.map((f: { id: string }) => f.id)).toEqual(['kherson']);
    expect(curated.notPlaces).toEqual([{ name: "Ma'arrat al-Nu'man" }]);
    expect(runPrinted(commandIn(rejected.stdout, 'To write them to', 'npm run ingest')).status).toBe(0);
    const written = JSON.parse(readFileSync(events, 'utf8'));
    expect(written.places.map((p: { id: string }) => p.id)).toEqual(['mykolaiv']);
    expect(written.events.map((e: { place: string }) => e.place)).toEqual(['kherson', 'mykolaiv']);
  });

  it("a refusal's hint reviews the same corpus", () => {
    const { dir, events } = createIngested();
    const refused = spawnSync(process.execPath, [PLACES, 'accept', 'atlantis', '--events', events, '--articles', join(dir, 'articles.json'), '--places', join(dir, 'places.geojson')], { encoding: 'utf8' });
    expect(refused.status).toBe(1);
    const review = runPrinted(commandIn(refused.stderr, 'no unreviewed place "atlantis"'));
    expect(review.status).toBe(0);
    expect(review.stdout).toContain('mykolaiv — Mykolaiv');
  });

  it('leaves out the flags whose paths are the defaults', () => {
    const dir = createCorpus({ kherson: KHERSON });
    mkdirSync(join(dir, 'data'));
    const ingest = spawnSync(process.execPath, [INGEST, '--articles', join(dir, 'articles.json'), '--places', join(dir, 'places.geojson'), '--out', 'data/events.json'], { encoding: 'utf8', cwd: dir });
    expect(ingest.stderr).toContain(`(npm run places -- review --articles ${join(dir, 'articles.json')} --places ${join(dir, 'places.geojson')})`);
  });
});

describe('npm run places on files the ingest reads', () => {
  it('accepts and rejects in a places file that starts with a byte-order mark, and keeps the mark', () => {
    const dir = createCorpus({ kherson: KHERSON }, `\uFEFF${NO_PLACES}`);
    expect(run(INGEST, dir, []).status).toBe(0);
    const accepted = run(PLACES, dir, ['accept', 'kherson']);
    expect(accepted.stderr).toBe('');
    const rejected = run(PLACES, dir, ['reject', 'Mykolaiv']);
    expect(rejected.stderr).toBe('');
    const text = readFileSync(join(dir, 'places.geojson'), 'utf8');
    expect(text.startsWith(`\uFEFF{\n  "notPlaces": [`)).toBe(true);
    expect(JSON.parse(text.slice(1)).features.map((f: { id: string }) => f.id)).toEqual(['kherson']);
    expect(run(INGEST, dir, []).status).toBe(0);
  });

  it('does not accept a place whose name another curated place has taken since the last ingest, and the ingest still runs', () => {
    const dir = createCorpus({ lebanon: 'Fighting broke out in Tripoli, Lebanon, on Sunday.\n', libya: 'Militias clashed in Tripoli, Libya, on Sunday.\n' });
    run(INGEST, dir, []);
    const [first, second] = events(dir).places.map((p) => p.id);
    expect(run(PLACES, dir, ['accept', first]).status).toBe(0);
    const before = readFileSync(join(dir, 'places.geojson'), 'utf8');
    const result = run(PLACES, dir, ['accept', second]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`${join(dir, 'places.geojson')}: features: "${second}" is named "Tripoli", now a name of the curated place "${first}": the next ingest puts its events there`);
    expect(readFileSync(join(dir, 'places.geojson'), 'utf8')).toBe(before);
    expect(run(INGEST, dir, []).status).toBe(0);
  });

  it('does not write a curated file that its own parser refuses: two places of one name accepted at once', () => {
    const dir = createCorpus({ lebanon: 'Fighting broke out in Tripoli, Lebanon, on Sunday.\n', libya: 'Militias clashed in Tripoli, Libya, on Sunday.\n' });
    run(INGEST, dir, []);
    const [first, second] = events(dir).places.map((p) => p.id);
    const result = run(PLACES, dir, ['accept', first, second]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`${join(dir, 'places.geojson')}: place "${second}".properties.aliases: "Tripoli" is already a name of "${first}" (in the file this would write: nothing was written)`);
    expect(readFileSync(join(dir, 'places.geojson'), 'utf8')).toBe(NO_PLACES);
  });

  it('refuses to record a name that is not under review, or a blank one, naming each, and writes nothing', () => {
    const dir = createCorpus({ kherson: KHERSON });
    run(INGEST, dir, []);
    const result = run(PLACES, dir, ['reject', 'Atlantis', '', '  ', 'Mykolaiv']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/events\.json: places: no place under review is named "Atlantis" \(see npm run places -- review --events /),
      '(command line): NAME "": is blank: a name needs a letter or a digit',
      '(command line): NAME "  ": is blank: a name needs a letter or a digit',
    ]);
    expect(readFileSync(join(dir, 'places.geojson'), 'utf8')).toBe(NO_PLACES);
  });

  it('names a missing file or a folder given as an input, in one line, without a stack trace', () => {
    const dir = createCorpus({ kherson: KHERSON });
    run(INGEST, dir, []);
    const cases: [string[], string][] = [
      [['review', '--places', join(dir, 'missing.geojson')], `${join(dir, 'missing.geojson')}: (file): no such file`],
      [['accept', 'kherson', '--events', dir], `${dir}: (file): is not a regular file`],
      [['reject', 'Kherson', '--articles', join(dir, 'articles')], `${join(dir, 'articles')}: (file): is not a regular file`],
      [['review', '--events', join(dir, 'none.json')], `${join(dir, 'none.json')}: (file): no such file`],
    ];
    for (const [args, line] of cases) {
      const paths = { '--events': join(dir, 'events.json'), '--articles': join(dir, 'articles.json'), '--places': join(dir, 'places.geojson') };
      const flags = Object.entries(paths).flatMap(([flag, path]) => (args.includes(flag) ? [] : [flag, path]));
      const result = spawnSync(process.execPath, [PLACES, ...args, ...flags], { encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`${line}\n`);
    }
    expect(readFileSync(join(dir, 'places.geojson'), 'utf8')).toBe(NO_PLACES);
  });
});
