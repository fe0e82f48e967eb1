import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ADD = join(process.cwd(), 'build/cli/ingest/add-cli.js');
const INGEST = join(process.cwd(), 'build/cli/ingest/cli.js');

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
  it('adds a folder, says what was read from where and what to run next, and the ingest finds its events', () => {
    const w = createWorkspace();
    const add = run(ADD, [join(w.input, 'texts'), join(w.input, 'pages', 'json-ld.html'), '--articles', w.articles]);
    expect(add.status).toBe(1); // two texts cannot be dated: said, and the others added
    expect(add.stderr).toContain(`${join(w.input, 'texts', 'no-headline.txt')}: published: not found`);
    expect(add.stderr).toContain('pass --published YYYY-MM-DD');
    expect(add.stderr).toContain('published: JSON-LD datePublished');
    expect(add.stderr).toContain(`${w.articles}: 5 added, 0 replaced, 0 already there, 2 not added`);
    expect(add.stderr).toContain(`next: npm run ingest -- --articles ${w.articles} --places ${w.places} --out ${w.events}`);
    expect(add.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const printed = JSON.parse(add.stdout) as { id: string }[];
    expect(printed.map((r) => r.id)).toContain('example-wire-2024-05-05-brazil-floods-dozens-dead-in-rio');

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
