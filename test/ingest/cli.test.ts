import { spawnSync } from 'node:child_process';
import { cpSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(process.cwd(), 'build/cli/ingest/cli/ingest-cli.js');
const PREVIOUS_OUTPUT = '{"events": "from an earlier run"}\n';

/** A copy of the real corpus in a fresh folder, with an output file from "an earlier run" already there. */
function createCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'datelines-cli-'));
  cpSync('data/articles', join(dir, 'articles'), { recursive: true });
  cpSync('data/articles.json', join(dir, 'articles.json'));
  cpSync('geo/places.geojson', join(dir, 'places.geojson'));
  writeFileSync(join(dir, 'events.json'), PREVIOUS_OUTPUT);
  return dir;
}

function ingest(dir: string, flags: string[] = []) {
  const result = spawnSync(process.execPath, [CLI, '--articles', join(dir, 'articles.json'), '--places', join(dir, 'places.geojson'), '--out', join(dir, 'events.json'), ...flags], { encoding: 'utf8' });
  return { status: result.status, lines: result.stderr.trim().split('\n'), output: readFileSync(join(dir, 'events.json'), 'utf8'), files: readdirSync(dir).sort() };
}

function editJson(dir: string, file: string, edit: (data: any) => void): void {
  const data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  edit(data);
  writeFileSync(join(dir, file), JSON.stringify(data, null, 2));
}

/** Runs a broken corpus and checks the contract: exit 1, the old output untouched, no temporary file left. */
function expectRejected(dir: string): string[] {
  const run = ingest(dir);
  expect(run.status).toBe(1);
  expect(run.output).toBe(PREVIOUS_OUTPUT);
  expect(run.files).toEqual(['articles', 'articles.json', 'events.json', 'places.geojson']);
  return run.lines;
}

describe('npm run ingest on another corpus', () => {
  it('writes the same bytes as data/events.json for a copy of the corpus', () => {
    const dir = createCorpus();
    const run = ingest(dir);
    expect(run.status).toBe(0);
    expect(run.output).toBe(readFileSync('data/events.json', 'utf8'));
  });
});

describe('bad input: exit 1, one line per problem naming file and field, old output untouched', () => {
  it('names a file that cannot be read', () => {
    const dir = createCorpus();
    const run = spawnSync(process.execPath, [CLI, '--articles', join(dir, 'missing.json'), '--places', join(dir, 'places.geojson'), '--out', join(dir, 'events.json')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`${join(dir, 'missing.json')}: (file): no such file`);
    expect(readFileSync(join(dir, 'events.json'), 'utf8')).toBe(PREVIOUS_OUTPUT);
  });

  it('names the line of invalid JSON', () => {
    const dir = createCorpus();
    writeFileSync(join(dir, 'places.geojson'), '{\n  "type": "FeatureCollection",\n  "features": [,]\n}');
    const [line] = expectRejected(dir);
    expect(line).toMatch(new RegExp(`^${join(dir, 'places.geojson')}: \\(json\\): invalid JSON: line 3, column 16: ValueExpected$`));
  });

  it('names a missing field', () => {
    const dir = createCorpus();
    editJson(dir, 'articles.json', (a) => delete a[1].published);
    expect(expectRejected(dir)).toEqual([`${join(dir, 'articles.json')}: [1].published: is missing`]);
  });

  it('with one record of articles.json wrong, still names the texts of the others that cannot be read', () => {
    const dir = createCorpus();
    editJson(dir, 'articles.json', (a) => {
      delete a[1].published;
      a[2].file = 'articles/gone.txt';
    });
    expect(expectRejected(dir)).toEqual([
      `${join(dir, 'articles.json')}: [1].published: is missing`,
      `${join(dir, 'articles', 'gone.txt')}: ${join(dir, 'articles.json')}: [2].file: no such file`,
    ]);
  });

  it('names an ill-typed field and an impossible date, one line each', () => {
    const dir = createCorpus();
    editJson(dir, 'articles.json', (a) => {
      a[0].headline = 42;
      a[2].published = '2014-02-30';
    });
    const lines = expectRejected(dir);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/articles\.json: \[0\]\.headline: /);
    expect(lines[1]).toBe(`${join(dir, 'articles.json')}: [2].published: must be a real calendar day, YYYY-MM-DD`);
  });

  it('names a duplicate article id', () => {
    const dir = createCorpus();
    editJson(dir, 'articles.json', (a) => (a[3].id = a[0].id));
    expect(expectRejected(dir)).toEqual([`${join(dir, 'articles.json')}: [3].id: duplicate id "${JSON.parse(readFileSync('data/articles.json', 'utf8'))[0].id}"`]);
  });

  it('names an unknown place', () => {
    const dir = createCorpus();
    editJson(dir, 'places.geojson', (g) => (g.features[1].properties.within = 'atlantis'));
    const id = JSON.parse(readFileSync('geo/places.geojson', 'utf8')).features[1].id;
    expect(expectRejected(dir)).toEqual([`${join(dir, 'places.geojson')}: place "${id}".properties.within: unknown place "atlantis"`]);
  });

  it('names a duplicate id and coordinates out of range', () => {
    const dir = createCorpus();
    editJson(dir, 'places.geojson', (g) => {
      g.features[2].id = g.features[2].properties.id = g.features[0].id;
      g.features[3].geometry.coordinates = [43.1, 136.3];
    });
    const lines = expectRejected(dir);
    expect(lines).toContain(`${join(dir, 'places.geojson')}: features[2].id: duplicate id "baghdad"`);
    const id = JSON.parse(readFileSync('geo/places.geojson', 'utf8')).features[3].id;
    expect(lines).toContain(`${join(dir, 'places.geojson')}: place "${id}".geometry.coordinates[1]: latitude must be ≤ 90`);
  });

  it('names an article file that is missing or not UTF-8', () => {
    const dir = createCorpus();
    editJson(dir, 'articles.json', (a) => (a[0].file = 'articles/nowhere.txt'));
    const latin1 = JSON.parse(readFileSync(join(dir, 'articles.json'), 'utf8'))[1].file;
    writeFileSync(join(dir, latin1), Buffer.from([0x48, 0xfc, 0x72, 0x72, 0x69, 0x79, 0x65, 0x74]));
    const lines = expectRejected(dir);
    expect(lines).toEqual([
      `${join(dir, 'articles/nowhere.txt')}: ${join(dir, 'articles.json')}: [0].file: no such file`,
      `${join(dir, latin1)}: ${join(dir, 'articles.json')}: [1].file: is not valid UTF-8`,
    ]);
  });

  it('reads only regular files inside the corpus folder: no FIFO, no device, no link out of it', () => {
    const dir = createCorpus();
    const files = JSON.parse(readFileSync(join(dir, 'articles.json'), 'utf8')).map((a: { file: string }) => a.file) as string[];
    const outside = join(mkdtempSync(join(tmpdir(), 'datelines-secret-')), 'secret.txt');
    writeFileSync(outside, 'TOKEN=hunter2');
    rmSync(join(dir, files[0]));
    symlinkSync(outside, join(dir, files[0]));
    rmSync(join(dir, files[1]));
    symlinkSync('/dev/zero', join(dir, files[1]));
    rmSync(join(dir, files[2]));
    spawnSync('mkfifo', [join(dir, files[2])]);
    const lines = expectRejected(dir);
    expect(lines).toEqual([
      `${join(dir, files[0])}: ${join(dir, 'articles.json')}: [0].file: lies outside the corpus folder ${dir} (through a link)`,
      `${join(dir, files[1])}: ${join(dir, 'articles.json')}: [1].file: is not a regular file`,
      `${join(dir, files[2])}: ${join(dir, 'articles.json')}: [2].file: is not a regular file`,
    ]);
  });

  it('reads no article that is a hard link, which may be a file outside the folder', () => {
    const dir = createCorpus();
    const files = JSON.parse(readFileSync(join(dir, 'articles.json'), 'utf8')).map((a: { file: string }) => a.file) as string[];
    const outside = join(mkdtempSync(join(dir, '..', 'datelines-secret-')), 'secret.txt');
    writeFileSync(outside, 'TOKEN=hunter2');
    rmSync(join(dir, files[0]));
    linkSync(outside, join(dir, files[0]));
    expect(expectRejected(dir)).toEqual([`${join(dir, files[0])}: ${join(dir, 'articles.json')}: [0].file: has 2 hard links, so it may be a file outside the corpus folder: copy it in instead`]);
  });

  it('refuses an article over the size limit, with the limit', () => {
    const dir = createCorpus();
    const file = JSON.parse(readFileSync(join(dir, 'articles.json'), 'utf8'))[0].file as string;
    writeFileSync(join(dir, file), 'Militants attacked Mosul. '.repeat(420_000));
    expect(expectRejected(dir)).toEqual([`${join(dir, file)}: ${join(dir, 'articles.json')}: [0].file: is 10920000 bytes, over the limit of 10485760`]);
  });

  it('refuses to write its output over one of its inputs', () => {
    const dir = createCorpus();
    const before = readFileSync(join(dir, 'places.geojson'), 'utf8');
    const run = spawnSync(process.execPath, [CLI, '--articles', join(dir, 'articles.json'), '--places', join(dir, 'places.geojson'), '--out', join(dir, 'places.geojson')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`${join(dir, 'places.geojson')}: (file): is an input (${join(dir, 'places.geojson')}); choose another output file`);
    expect(readFileSync(join(dir, 'places.geojson'), 'utf8')).toBe(before);
  });
});
