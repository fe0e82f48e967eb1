import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addArticles } from '../../src/ingest/add/add-articles.ts';
import { formatProblem } from '../../src/core/validate.ts';

const ADD = join(process.cwd(), 'build/cli/ingest/cli/add-cli.js');
const GOOD = 'Floods hit Porto Alegre\nPublished: 2024-05-05\n\nFloods hit Porto Alegre on Sunday, officials said.\n';
const PARAGRAPH = 'Floods hit Porto Alegre on Sunday, officials said, and rescuers searched the streets of Canoas for the missing.';

/** A work folder with `in/` holding the files given (name → bytes) and a corpus not there yet. */
function createWorkspace(files: Record<string, string | Buffer>) {
  const dir = mkdtempSync(join(tmpdir(), 'datelines-skipped-'));
  mkdirSync(join(dir, 'in'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'in', name), content);
  return { input: join(dir, 'in'), corpus: join(dir, 'corpus'), articles: join(dir, 'corpus', 'articles.json') };
}

function runAdd(args: string[]) {
  const r = spawnSync(process.execPath, [ADD, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A dated page whose story is `story` (HTML) and whose head holds `head`. */
function createPage(head: string, story: string): string {
  return `<!doctype html><html><head>${head}<meta property="article:published_time" content="2024-05-05"></head><body><article>${story}</article></body></html>`;
}

const NOT_ARTICLES = { 'a.pdf': '%PDF-1.4\n', 'b.docx': 'PK\x03\x04', 'c.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), 'd.csv': 'a,b\n1,2\n', 'e.json': '{}\n', 'f.pdf': '%PDF-1.7\n' };

describe('files a folder holds that are neither pages nor texts', () => {
  it('a folder of only those: says what was skipped by kind, names the folder, and exits 1 with nothing written', () => {
    const w = createWorkspace(NOT_ARTICLES);
    const r = runAdd([w.input, '--articles', w.articles]);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      `${w.input}: (folder): holds no web page or text (.html, .htm, .xhtml, .txt, .text, .md, .markdown): its 6 files were skipped; nothing to add`,
      `${w.articles}: 0 added, 0 replaced, 0 already there, 1 not added, 6 skipped`,
      'skipped 6 files that are neither web pages nor texts: 2 .pdf, 1 .csv, 1 .docx, 1 .json, 1 .png (a document saved as .txt can be added; --verbose names them)',
      '',
    ]);
    expect(r.stdout).toBe('');
  });

  it('--verbose names each file skipped, and --json lists them', () => {
    const w = createWorkspace({ ...NOT_ARTICLES, 'story.txt': GOOD });
    const r = runAdd([w.input, '--articles', w.articles, '--verbose', '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`${join(w.input, 'a.pdf')}: skipped: neither a web page nor a text (.pdf)\n`);
    expect(r.stderr).toContain(`${join(w.input, 'e.json')}: skipped: neither a web page nor a text (.json)\n`);
    expect(r.stderr).toContain(`${w.articles}: 1 added, 0 replaced, 0 already there, 6 skipped\n`);
    const json = JSON.parse(r.stdout) as { skipped: number; files: { file: string; status: string; kind?: string }[] };
    expect(json.skipped).toBe(6);
    expect(json.files.filter((f) => f.status === 'skipped').map((f) => f.kind)).toEqual(['.pdf', '.docx', '.png', '.csv', '.json', '.pdf']);
  });

  it('a folder with an article among them: the article goes in and the others are counted, exit 0', () => {
    const w = createWorkspace({ 'photo.jpg': Buffer.from([0xff, 0xd8, 0xff]), 'story.txt': GOOD, 'README': 'notes\n' });
    const result = addArticles([w.input], { articles: w.articles });
    expect(result.problems).toEqual([]);
    expect(result.outcomes.map((o) => o.status)).toEqual(['added']);
    expect(result.skipped).toEqual([{ file: join(w.input, 'README'), kind: '(no extension)' }, { file: join(w.input, 'photo.jpg'), kind: '.jpg' }]);
  });
});

describe('texts and pages in other encodings than UTF-8', () => {
  it.each([
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD.replace('Alegre', 'Alegre (São Paulo)'), 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(GOOD.replace('Alegre', 'Alegre (São Paulo)'), 'utf16le').swap16()])],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD.replace('Alegre', 'Alegre (São Paulo)'))])],
  ])('a %s text is read, and kept as UTF-8 without its byte-order mark', (_name, bytes) => {
    const w = createWorkspace({ 'story.txt': bytes });
    const result = addArticles([w.input], { articles: w.articles });
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.outcomes[0].record).toMatchObject({ headline: 'Floods hit Porto Alegre (São Paulo)', published: '2024-05-05' });
    expect(readFileSync(join(w.corpus, result.outcomes[0].record.file), 'utf8')).toBe(GOOD.replace('Alegre', 'Alegre (São Paulo)'));
  });

  it('a page that declares windows-1252 in its <meta charset> is decoded so: curly quotes, accents, the euro sign', () => {
    const story = `<p>\x93We lost everything,\x94 said a woman in Porto Alegre \x96 the damage is put at \x80 2 billion, caf\xe9s shut.</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>`;
    const w = createWorkspace({ 'page.html': Buffer.from(createPage('<meta charset="windows-1252"><title>Floods</title>', story), 'latin1') });
    const result = addArticles([w.input], { articles: w.articles });
    expect(result.problems).toEqual([]);
    expect(readFileSync(join(w.corpus, result.outcomes[0].record.file), 'utf8')).toContain('“We lost everything,” said a woman in Porto Alegre – the damage is put at € 2 billion, cafés shut.');
  });

  it('a page that declares Shift_JIS in a <meta http-equiv> is decoded so', () => {
    const tokyo = Buffer.from([0x93, 0x8c, 0x8b, 0x9e]); // 東京 in Shift_JIS
    const page = Buffer.concat([Buffer.from(`<!doctype html><html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>`), tokyo, Buffer.from(`</title><meta property="article:published_time" content="2024-05-05"></head><body><article><p>`), tokyo, Buffer.from(`: ${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></body></html>`)]);
    const w = createWorkspace({ 'page.html': page });
    const result = addArticles([w.input], { articles: w.articles });
    expect(result.problems).toEqual([]);
    expect(result.outcomes[0].record.headline).toBe('東京');
    expect(readFileSync(join(w.corpus, result.outcomes[0].record.file), 'utf8').startsWith(`東京: ${PARAGRAPH}`)).toBe(true);
  });

  it('a page whose bytes its declared charset cannot read is named, with the charset', () => {
    const page = Buffer.concat([Buffer.from(createPage('<meta charset="shift_jis">', `<p>${PARAGRAPH}</p>`).replace('</article>', '')), Buffer.from([0x81, 0x20]), Buffer.from('</article>')]);
    const w = createWorkspace({ 'page.html': page });
    const result = addArticles([w.input], { articles: w.articles });
    expect(result.problems.map(formatProblem)).toEqual([`${join(w.input, 'page.html')}: (file): is not valid shift_jis (as its <meta charset> declares)`]);
  });

  it('a text with NUL bytes and no byte-order mark is still binary', () => {
    const w = createWorkspace({ 'story.txt': Buffer.from(GOOD, 'utf16le') });
    expect(addArticles([w.input], { articles: w.articles }).problems.map((p) => p.message)).toEqual(['is a binary file, not text']);
  });
});

describe('a page saved in the article’s place that says it was not found', () => {
  it.each([
    ['its title says 404', '<title>404 Not Found</title>', `<p>${PARAGRAPH}</p>`, '<title>: says "404 Not Found"'],
    ['its title says Page not found, after the site', '<title>Example Wire | Page not found</title>', `<p>${PARAGRAPH}</p>`, '<title>: says "Example Wire | Page not found"'],
    ['its main heading says so', '<title>Example Wire</title>', `<h1>Sorry, this page could not be found</h1><p>${PARAGRAPH}</p>`, '<h1>: says "Sorry, this page could not be found"'],
  ])('%s: refused, even with --published', (_name, head, story, message) => {
    const w = createWorkspace({ 'page.html': createPage(head, story), 'good.txt': GOOD });
    const result = addArticles([w.input], { articles: w.articles, published: '2024-05-05' });
    expect(result.problems.map(formatProblem)).toEqual([`${join(w.input, 'page.html')}: ${message}: an error page saved in the article's place, not added (save the article's page again)`]);
    expect(result.outcomes.map((o) => o.status)).toEqual(['added']);
  });

  it('a story with 404 or "not found" in its headline is an article', () => {
    const w = createWorkspace({ 'a.html': createPage('<title>Death toll rises to 404</title>', `<p>${PARAGRAPH}</p>`), 'b.html': createPage('<title>Missing hikers not found after search</title>', `<p>${PARAGRAPH} Still missing.</p>`) });
    const result = addArticles([w.input], { articles: w.articles });
    expect(result.problems).toEqual([]);
    expect(result.outcomes.map((o) => o.record.headline)).toEqual(['Death toll rises to 404', 'Missing hikers not found after search']);
  });
});
