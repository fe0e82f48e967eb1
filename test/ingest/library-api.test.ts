import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// Only the library's front door: what a program that uses the pipeline would import.
import { addArticles, formatProblem, ingestFiles, parseArticles } from '../../src/ingest/index.ts';

/** A fresh copy of the seed corpus (`data/articles.json`, `data/articles/`, `geo/places.geojson`) in a temp folder. */
function createSeedCorpus(): { articles: string; places: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'datelines-library-'));
  cpSync('data/articles.json', join(dir, 'articles.json'));
  cpSync('data/articles', join(dir, 'articles'), { recursive: true });
  cpSync('geo/places.geojson', join(dir, 'places.geojson'));
  return { articles: join(dir, 'articles.json'), places: join(dir, 'places.geojson'), out: join(dir, 'events.json') };
}

/** An empty folder for a corpus (`corpus/`, not there yet) and `in/` holding one wire story as text. */
function createWireStory(): { articles: string; story: string } {
  const dir = mkdtempSync(join(tmpdir(), 'datelines-library-'));
  mkdirSync(join(dir, 'in'));
  const story = join(dir, 'in', 'nepal.txt');
  writeFileSync(story, [
    'Powerful earthquake strikes western Nepal',
    '',
    'Published: 4 November 2023',
    '',
    'KATMANDU, Nepal (AP) — A powerful earthquake shook remote mountain villages in western Nepal late Friday, killing at least 128 people.',
    '',
  ].join('\n'));
  return { articles: join(dir, 'corpus', 'articles.json'), story };
}

describe('the library API (src/ingest/index.ts)', () => {
  it('ingests a copy of the seed corpus into what data/events.json holds, byte for byte', () => {
    const paths = createSeedCorpus();
    const run = ingestFiles(paths);
    expect(readFileSync(paths.out, 'utf8')).toBe(readFileSync('data/events.json', 'utf8'));
    expect(run.count).toBe(run.events.length);
  });

  it('adds a text to a new corpus: its record in articles.json, its text under articles/', () => {
    const { articles, story } = createWireStory();
    const result = addArticles([story], { articles });
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.outcomes.map((o) => o.status)).toEqual(['added']);
    const [record] = parseArticles(readFileSync(articles, 'utf8'), articles);
    expect(record).toMatchObject({ headline: 'Powerful earthquake strikes western Nepal', outlet: 'Associated Press', url: null });
    expect(readdirSync(join(articles, '..', 'articles'))).toEqual([`${record.id}.txt`]);
    expect(readFileSync(join(articles, '..', record.file), 'utf8')).toBe(readFileSync(story, 'utf8'));
    expect(result.createdPlaces).toBe(join(articles, '..', 'places.geojson'));
  });
});
