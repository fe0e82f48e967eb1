import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEventsView, withDuckDB } from '../../src/ingest/parquet/events-parquet.ts';

const INGEST = join(process.cwd(), 'build/cli/ingest/cli/ingest-cli.js');
const QUERY = join(process.cwd(), 'build/cli/ingest/cli/query-cli.js');
const TEST_CORPUS = ['--articles', 'test/corpus/articles.json', '--places', 'test/corpus/places.geojson'];
const SEED = ['--articles', 'data/articles.json', '--places', 'geo/places.geojson'];

interface JsonEvent {
  article: string;
  [field: string]: unknown;
}

/** An ingest of `corpus` with --parquet; the events.json it wrote and the Parquet folder. */
function createIngest(corpus: readonly string[], dir = mkdtempSync(join(tmpdir(), 'datelines-parquet-'))): { events: JsonEvent[]; parquet: string } {
  const out = join(dir, 'events.json');
  const parquet = join(dir, 'parquet');
  const run = spawnSync(process.execPath, [INGEST, ...corpus, '--out', out, '--parquet', parquet, '--quiet'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return { events: (JSON.parse(readFileSync(out, 'utf8')) as { events: JsonEvent[] }).events, parquet };
}

/** Every row of the Parquet files, in events.json's order, days as YYYY-MM-DD. */
async function readBack(parquet: string): Promise<Record<string, unknown>[]> {
  return withDuckDB(async (db) => {
    await createEventsView(db, parquet);
    const reader = await db.runAndReadAll(`SELECT * REPLACE (CAST(start AS VARCHAR) AS start, CAST("end" AS VARCHAR) AS "end", CAST(published AS VARCHAR) AS published) FROM events ORDER BY seq`);
    return reader.getRowObjectsJson();
  });
}

describe('npm run ingest -- --parquet, and npm run query', () => {
  it('writes Parquet that DuckDB reads back as the events of events.json, with each article and place beside them', async () => {
    const { events, parquet } = createIngest(TEST_CORPUS);
    const rows = await readBack(parquet);
    const articles = new Map((JSON.parse(readFileSync('test/corpus/articles.json', 'utf8')) as { id: string; published: string; outlet: string | null }[]).map((a) => [a.id, a]));
    expect(rows.length).toBe(events.length);
    rows.forEach((row, i) => {
      const event = Object.fromEntries(Object.keys(events[i]).map((key) => [key, row[key]]));
      expect(event).toEqual(events[i]);
      for (const key of ['confidence', 'reasons', 'checked']) if (!(key in events[i])) expect(row[key]).toBeNull();
      expect(row.seq).toBe(i);
      expect([row.published, row.outlet]).toEqual([articles.get(events[i].article)!.published, articles.get(events[i].article)!.outlet]);
      expect(row.month).toBe(String(row.published).slice(0, 7));
    });
  }, 60_000);

  it('partitions by publication month, one folder a month, and a second run replaces them all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'datelines-parquet-'));
    createIngest(TEST_CORPUS, dir);
    const { parquet } = createIngest(SEED, dir);
    const months = new Set((JSON.parse(readFileSync('data/articles.json', 'utf8')) as { published: string }[]).map((a) => `month=${a.published.slice(0, 7)}`));
    expect(readdirSync(parquet).sort()).toEqual([...months, 'meta.json'].sort()); // the test corpus's months are gone
  }, 60_000);

  it('refuses a Parquet folder it cannot make, naming it, and leaves events.json and the folder beside it as they were', () => {
    const dir = mkdtempSync(join(tmpdir(), 'datelines-parquet-'));
    const out = join(dir, 'events.json');
    writeFileSync(out, 'the old output\n');
    writeFileSync(join(dir, 'file'), 'not a folder\n');
    const parquet = join(dir, 'file', 'parquet'); // its parent is a file
    const run = spawnSync(process.execPath, [INGEST, ...SEED, '--out', out, '--parquet', parquet, '--quiet'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(parquet);
    expect(run.stderr).toContain('cannot write the Parquet files');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readFileSync(out, 'utf8')).toBe('the old output\n');
    expect(readdirSync(dir).sort()).toEqual(['events.json', 'file']); // no spill, no rows file left behind
  }, 60_000);

  it('answers SQL over the view events: events per place per month, as counted from events.json', () => {
    const { events, parquet } = createIngest(SEED);
    const query = spawnSync(process.execPath, [QUERY, '--parquet', parquet, 'SELECT place, month, count(*) AS n FROM events GROUP BY ALL ORDER BY place, month'], { encoding: 'utf8' });
    expect(query.status, query.stderr).toBe(0);
    const published = new Map((JSON.parse(readFileSync('data/articles.json', 'utf8')) as { id: string; published: string }[]).map((a) => [a.id, a.published.slice(0, 7)]));
    const counts = new Map<string, number>();
    for (const e of events) counts.set(`${e.place}\t${published.get(e.article)}`, (counts.get(`${e.place}\t${published.get(e.article)}`) ?? 0) + 1);
    const expected = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, n]) => `${key}\t${n}`);
    expect(query.stdout.trimEnd().split('\n')).toEqual(['place\tmonth\tn', ...expected]);
  }, 60_000);

  it('says in one line what is wrong with a query, and where the Parquet files are missing', () => {
    const { parquet } = createIngest(SEED);
    const bad = spawnSync(process.execPath, [QUERY, '--parquet', parquet, 'SELECT nothing FROM events'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^query: .*nothing.*\n$/);
    const missing = spawnSync(process.execPath, [QUERY, '--parquet', join(parquet, 'none'), 'SELECT 1'], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`${join(parquet, 'none')}: no Parquet files: write them first with npm run ingest -- --parquet ${join(parquet, 'none')}\n`);
  }, 60_000);

  it('makes events.json again from the Parquet files, byte for byte, or the part a condition keeps', () => {
    const dir = mkdtempSync(join(tmpdir(), 'datelines-parquet-'));
    const { parquet } = createIngest(TEST_CORPUS, dir);
    const again = join(dir, 'again.json');
    const whole = spawnSync(process.execPath, [QUERY, '--parquet', parquet, '--events-json', again], { encoding: 'utf8' });
    expect(whole.status, whole.stderr).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(join(dir, 'events.json'), 'utf8'));

    const original = JSON.parse(readFileSync(join(dir, 'events.json'), 'utf8')) as { threshold: number; events: JsonEvent[]; places: { id: string }[] };
    const published = new Map((JSON.parse(readFileSync('test/corpus/articles.json', 'utf8')) as { id: string; published: string }[]).map((a) => [a.id, a.published]));
    const month = published.get(original.events[0].article)!.slice(0, 7);
    const part = join(dir, 'part.json');
    const some = spawnSync(process.execPath, [QUERY, '--parquet', parquet, '--events-json', part, '--where', `month = '${month}' AND confidence >= ${original.threshold}`], { encoding: 'utf8' });
    expect(some.status, some.stderr).toBe(0);
    const kept = JSON.parse(readFileSync(part, 'utf8')) as typeof original;
    const expected = original.events.filter((e) => published.get(e.article)!.startsWith(month) && (e.confidence as number) >= original.threshold);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(original.events.length);
    expect(kept.events).toEqual(expected);
    expect(kept.threshold).toBe(original.threshold);
    expect(kept.places).toEqual(original.places.filter((p) => expected.some((e) => e.place === p.id)));
  }, 60_000);

  it('names a condition it cannot run, in one line, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'datelines-parquet-'));
    const { parquet } = createIngest(SEED, dir);
    const out = join(dir, 'part.json');
    const bad = spawnSync(process.execPath, [QUERY, '--parquet', parquet, '--events-json', out, '--where', 'nothing = 1'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(new RegExp(`^${parquet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: --where: cannot be read: .*nothing.*\n$`));
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
