import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ADD = join(process.cwd(), 'build/cli/ingest/cli/add-cli.js');
const INGEST = join(process.cwd(), 'build/cli/ingest/cli/ingest-cli.js');

function run(cli: string, args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A folder with the fixture texts and pages, and a corpus path that does not exist yet. */
function createWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'datelines-add-cli-'));
  cpSync('test/add/fixtures', join(dir, 'in'), { recursive: true });
  return { input: join(dir, 'in'), articles: join(dir, 'corpus', 'articles.json'), events: join(dir, 'corpus', 'events.json'), places: join(dir, 'corpus', 'places.geojson') };
}

describe('npm run add, then npm run ingest: a map with no record typed by hand', () => {
  it('adds a folder, says what could not be added and what to run next, and the ingest finds its events', () => {
    const w = createWorkspace();
    const add = run(ADD, [join(w.input, 'texts'), join(w.input, 'pages', 'json-ld.html'), '--articles', w.articles, '--json']);
    expect(add.status).toBe(1); // two texts cannot be dated: said, and the others added
    expect(add.stderr).toContain(`${join(w.input, 'texts', 'no-headline.txt')}: published: not found`);
    expect(add.stderr).toContain('pass --published YYYY-MM-DD');
    expect(add.stderr).toContain(`${w.articles}: 5 added, 0 replaced, 0 already there, 2 not added`);
    expect(add.stderr).toContain(`next: npm run ingest -- --articles ${w.articles} --places ${w.places} --out ${w.events}`);
    expect(add.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const printed = JSON.parse(add.stdout) as { added: number; files: { status: string; record?: { id: string }; sources?: string[] }[] };
    expect(printed.added).toBe(5);
    const jsonLd = printed.files.find((f) => f.record?.id === 'example-wire-2024-05-05-brazil-floods-dozens-dead-in-rio');
    expect(jsonLd?.sources).toContain('published: JSON-LD datePublished');

    const ingest = run(INGEST, ['--articles', w.articles, '--places', w.places, '--out', w.events, '--quiet']);
    expect(ingest.stderr).toMatch(/^wrote \d+ events/m);
    expect(ingest.status).toBe(0);
    const { events } = JSON.parse(readFileSync(w.events, 'utf8')) as { events: { article: string; place: string }[] };
    const byArticle = new Set(events.map((e) => e.article));
    expect([...byArticle].sort()).toEqual(expect.arrayContaining(['associated-press-2023-11-04-powerful-earthquake-strikes-western-nepal', 'example-wire-2024-05-05-brazil-floods-dozens-dead-in-rio']));
  });

  it('refuses to run without a path, with its usage', () => {
    const r = run(ADD, []);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('usage: npm run add -- PATH...');
  });
});

describe('what npm run add prints', () => {
  it('by default: the problems, one summary line, a word on the notes and what to run next; no records, nothing on stdout', () => {
    const w = createWorkspace();
    const r = run(ADD, [join(w.input, 'texts'), '--articles', w.articles]);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([
      `${join(w.input, 'texts', 'dateline-without-year.txt')}: published: not found (no date line or dated dateline at the top of the text; the dateline says "June 23" but gives no year): not added; pass --published YYYY-MM-DD`,
      `${join(w.input, 'texts', 'no-headline.txt')}: published: not found (no date line or dated dateline at the top of the text): not added; pass --published YYYY-MM-DD`,
      `${w.articles}: 4 added, 0 replaced, 0 already there, 2 not added`,
      '1 of 4 articles read has notes (a field not found, a date that disagrees, a text to check): --verbose shows them',
      `next: npm run ingest -- --articles ${w.articles} --places ${w.places} --out ${w.events}`,
      `then: DATELINES_DATA=${join(w.articles, '..')} DATELINES_PLACES=${w.places} npm start`,
      '',
    ]);
  });

  it('--verbose: each file, what became of it and where each field of its record was read', () => {
    const w = createWorkspace();
    const r = run(ADD, [join(w.input, 'texts', 'ap-dateline.txt'), '--articles', w.articles, '--verbose']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${join(w.input, 'texts', 'ap-dateline.txt')}: added as associated-press-2023-11-04-powerful-earthquake-strikes-western-nepal\n  headline: the first line; outlet: the dateline; published: the line "Published: 4 November 2023"\n`);
  });

  it('--quiet: only the problems and the one summary line', () => {
    const w = createWorkspace();
    const r = run(ADD, [join(w.input, 'texts'), '--articles', w.articles, '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      expect.stringContaining('dateline-without-year.txt: published: not found'),
      expect.stringContaining('no-headline.txt: published: not found'),
      `${w.articles}: 4 added, 0 replaced, 0 already there, 2 not added`,
    ]);
  });

  it('piped, draws no progress line: no carriage return, no terminal escape', () => {
    const w = createWorkspace();
    const r = run(ADD, [w.input, '--articles', w.articles, '--verbose']);
    expect(r.stderr).not.toMatch(/[\r\x1b]/);
  });
});
