import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addArticles } from '../../src/ingest/add/add-articles.ts';
import { InputError, formatProblem, parseArticles } from '../../src/core/validate.ts';

const GOOD = 'Floods hit Porto Alegre\nPublished: 2024-05-05\n\nFloods hit Porto Alegre on Sunday, officials said.\n';

/** A work folder with `in/` holding the files given (name → content) and a corpus not there yet. */
function createWorkspace(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'datelines-bad-files-'));
  mkdirSync(join(dir, 'in'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'in', name), content);
  return { dir, input: join(dir, 'in'), corpus: join(dir, 'corpus'), articles: join(dir, 'corpus', 'articles.json') };
}

function storyOf(n: number): string {
  return `Report ${n} from the north\nPublished: 2022-04-0${1 + (n % 9)}\n\nTroops of unit ${n} shelled Kherson on Sunday, officials said.\n`;
}

describe('an .html file with no <html> in it', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t\n'],
    ['a comment', '<!-- saved from nowhere -->\n'],
  ])('%s: named and skipped, and the rest of the batch goes in', (_name, content) => {
    const w = createWorkspace({ 'bad.html': content, 'good.txt': GOOD });
    const result = addArticles([w.input], { articles: w.articles, published: '2024-05-05' });
    expect(result.problems.map(formatProblem)).toEqual([`${join(w.input, 'bad.html')}: (text): no article text found in the page`]);
    expect(result.outcomes.map((o) => [o.file, o.status])).toEqual([[join(w.input, 'good.txt'), 'added']]);
  });

  it('plain text: read as the page body, as a browser shows it', () => {
    const w = createWorkspace({ 'plain.html': 'Floods hit Porto Alegre on Sunday, officials said, and rescuers searched Canoas.\n' });
    const result = addArticles([w.input], { articles: w.articles, published: '2024-05-05' });
    expect(result.problems).toEqual([]);
    expect(readFileSync(join(w.corpus, result.outcomes[0].record.file), 'utf8')).toBe('Floods hit Porto Alegre on Sunday, officials said, and rescuers searched Canoas.\n');
  });

  it('a head and body without <html>: the metadata and the story are read', () => {
    const story = '<p>Floods hit Porto Alegre on Sunday, officials said, and rescuers searched the streets of Canoas for the missing.</p>'.repeat(4);
    const w = createWorkspace({ 'headless.html': `<head><title>Floods in Brazil</title><meta property="article:published_time" content="2024-05-05"></head><body>${story}</body>` });
    const result = addArticles([w.input], { articles: w.articles });
    expect(result.problems).toEqual([]);
    expect(result.outcomes[0].record).toMatchObject({ headline: 'Floods in Brazil', published: '2024-05-05' });
  });
});

describe('a publication date outside the days the ingest supports (1800–2100)', () => {
  it('is named with where it was read, and the rest of the batch goes in; no text is written for it', () => {
    const w = createWorkspace({ 'a-old.txt': 'Old news\nPublished: 1750-05-05\n\nFloods hit Porto Alegre on Sunday.\n', 'b-good.txt': GOOD });
    const result = addArticles([w.input], { articles: w.articles });
    expect(result.problems.map(formatProblem)).toEqual([`${join(w.input, 'a-old.txt')}: published: "1750-05-05" (the line "Published: 1750-05-05") must lie between 1800-01-01 and 2100-12-31: not added`]);
    expect(result.outcomes.map((o) => o.status)).toEqual(['added']);
    expect(parseArticles(readFileSync(w.articles, 'utf8'), w.articles)).toHaveLength(1);
    expect(readdirSync(join(w.corpus, 'articles'))).toEqual([`${result.outcomes[0].record.id}.txt`]);
  });

  it('given by --published: refused before anything is read or written', () => {
    const w = createWorkspace({ 'good.txt': GOOD });
    expect(() => addArticles([w.input], { articles: w.articles, published: '2101-01-01' })).toThrow(new InputError([{ file: '(command line)', field: '--published', message: '"2101-01-01" must lie between 1800-01-01 and 2100-12-31' }]));
    expect(readdirSync(w.dir)).toEqual(['in']);
  });
});

describe('a run again after one was killed between writing its texts and its articles.json', () => {
  /** What a killed run leaves: the texts of `count` stories under articles/, and no articles.json naming them. */
  function createKilledRun(count: number) {
    const files = Object.fromEntries(Array.from({ length: count }, (_, n) => [`story-${n}.txt`, storyOf(n)]));
    const scratch = createWorkspace(files);
    addArticles([scratch.input], { articles: scratch.articles });
    const expected = JSON.parse(readFileSync(scratch.articles, 'utf8')) as { id: string }[];
    const w = createWorkspace(files);
    mkdirSync(w.corpus);
    cpSync(join(scratch.corpus, 'articles'), join(w.corpus, 'articles'), { recursive: true });
    return { ...w, expectedIds: expected.map((r) => r.id) };
  }

  it('takes each text left behind back for its article: the same ids, no "-2", no second copy', () => {
    const w = createKilledRun(5);
    const result = addArticles([w.input], { articles: w.articles });
    expect(result.problems).toEqual([]);
    expect(result.outcomes.map((o) => o.record.id)).toEqual(w.expectedIds);
    expect(result.outcomes[0].notes.join()).toContain('left by a run that was stopped');
    expect(readdirSync(join(w.corpus, 'articles')).sort()).toEqual(w.expectedIds.map((id) => `${id}.txt`).sort());
  });

  it('leaves a text of another article under the same name as it was, and gives the new one the next id', () => {
    const w = createKilledRun(1);
    const [id] = w.expectedIds;
    writeFileSync(join(w.corpus, 'articles', `${id}.txt`), 'A text a person put here by hand, its record still to write.\n');
    const result = addArticles([w.input], { articles: w.articles });
    expect(result.outcomes[0].record.id).toBe(`${id}-2`);
    expect(readFileSync(join(w.corpus, 'articles', `${id}.txt`), 'utf8')).toBe('A text a person put here by hand, its record still to write.\n');
  });

  it('never reuses a text whose name is the id of a record already there', () => {
    const w = createKilledRun(1);
    const [id] = w.expectedIds;
    rmSync(join(w.input, 'story-0.txt'));
    writeFileSync(join(w.input, 'other.txt'), GOOD);
    addArticles([w.input], { articles: w.articles });
    const edited = readFileSync(w.articles, 'utf8').replace(/"id": "[^"]+"/, `"id": "${id}"`);
    writeFileSync(w.articles, edited);
    writeFileSync(join(w.input, 'story-0.txt'), storyOf(0));
    const result = addArticles([join(w.input, 'story-0.txt')], { articles: w.articles });
    expect(result.outcomes[0].record.id).toBe(`${id}-2`);
    expect(parseArticles(readFileSync(w.articles, 'utf8'), w.articles).map((a) => a.id)).toEqual([id, `${id}-2`]);
  });
});
