import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomically } from '../../src/io/atomic-write.ts';
import { LockTimeoutError, lockPath, withFileLock } from '../../src/io/file-lock.ts';
import { NO_PLACES, createTextCorpus } from '../text-corpus.ts';
import { INGEST, PLACES } from '../places-corpus.ts';

const ADD = join(process.cwd(), 'build/cli/ingest/cli/add-cli.js');

function createFolder(): string {
  return mkdtempSync(join(tmpdir(), 'datelines-writes-'));
}

/** Runs the commands at once, each a process of its own; their exit codes and output once all have ended. */
function runAtOnce(commands: string[][]): Promise<{ status: number | null; stderr: string }[]> {
  return Promise.all(commands.map((args) => new Promise<{ status: number | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => done({ status, stderr }));
  })));
}

/** A folder of `count` dated texts, each about a place of its own, named `<prefix>-<n>.txt`. */
function createTexts(folder: string, prefix: string, count: number): string {
  const dir = join(folder, prefix);
  mkdirSync(dir);
  for (let n = 0; n < count; n++) {
    writeFileSync(join(dir, `${prefix}-${n}.txt`), `${prefix} report ${n}\nPublished: 2022-04-0${1 + (n % 9)}\n\nTroops of unit ${prefix}-${n} shelled Kherson on Sunday.\n`);
  }
  return dir;
}

describe('writes that would replace what is not a regular file', () => {
  it('refuses a FIFO and leaves it a FIFO', () => {
    const folder = createFolder();
    const fifo = join(folder, 'events.json');
    execFileSync('mkfifo', [fifo]);
    expect(() => writeAtomically(fifo, ['{}'], 'events')).toThrow('is a FIFO, not a regular file: not written');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a link to a device and leaves the link and the device as they were', () => {
    const folder = createFolder();
    const link = join(folder, 'events.json');
    symlinkSync('/dev/null', link);
    expect(() => writeAtomically(link, ['{}'], 'events')).toThrow('is a symbolic link to a device (/dev/null)');
    expect(readlinkSync(link)).toBe('/dev/null');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('refuses a folder', () => {
    const folder = createFolder();
    mkdirSync(join(folder, 'out'));
    expect(() => writeAtomically(join(folder, 'out'), ['{}'], 'events')).toThrow('is a folder');
  });

  it('writes through a link to a regular file: the link stays and the shared file gets the text', () => {
    const folder = createFolder();
    const shared = join(folder, 'shared.geojson');
    writeFileSync(shared, 'old');
    const link = join(folder, 'places.geojson');
    symlinkSync(shared, link);
    writeAtomically(link, ['new'], 'places');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(shared, 'utf8')).toBe('new');
  });

  it('npm run ingest refuses a FIFO as its output before the work, with the file named and no stack trace', () => {
    const { dir } = createTextCorpus([{ id: 'a', text: 'Russian troops shelled Kherson on Sunday.\n', published: '2022-04-04' }], NO_PLACES);
    const fifo = join(dir, 'events.json');
    execFileSync('mkfifo', [fifo]);
    const result = spawnSync(process.execPath, [INGEST, '--articles', join(dir, 'articles.json'), '--places', join(dir, 'places.geojson'), '--out', fifo], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${fifo}: (file): is a FIFO, not a regular file: not written`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});

describe('a file lock', () => {
  it('makes a second holder wait, then says who holds it, naming the lock', () => {
    const folder = createFolder();
    const file = join(folder, 'articles.json');
    withFileLock(file, () => {
      expect(() => withFileLock(file, () => 'never', { waitMs: 100 })).toThrow(LockTimeoutError);
      expect(() => withFileLock(file, () => 'never', { waitMs: 100 })).toThrow(`process ${process.pid}`);
    });
    expect(withFileLock(file, () => 'after')).toBe('after');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('breaks the lock of a run that died', () => {
    const folder = createFolder();
    const file = join(folder, 'articles.json');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(lockPath(file), `${dead.stdout}\n`);
    expect(withFileLock(file, () => 'taken', { waitMs: 100 })).toBe('taken');
  });

  it('is shared by every path that leads to the same file', () => {
    const folder = createFolder();
    const file = join(folder, 'places.geojson');
    writeFileSync(file, '{}');
    symlinkSync(file, join(folder, 'link.geojson'));
    expect(lockPath(join(folder, 'link.geojson'))).toBe(lockPath(file));
  });
});

describe('runs at once into one corpus', () => {
  it('two npm run add at once keep every record of both, and every text has its record', async () => {
    const folder = createFolder();
    const articles = join(folder, 'corpus', 'articles.json');
    const runs = await runAtOnce([
      [ADD, createTexts(folder, 'alpha', 40), '--articles', articles, '--quiet'],
      [ADD, createTexts(folder, 'beta', 40), '--articles', articles, '--quiet'],
      [ADD, createTexts(folder, 'gamma', 40), '--articles', articles, '--quiet'],
    ]);
    expect(runs.map((r) => r.status)).toEqual([0, 0, 0]);
    const records = JSON.parse(readFileSync(articles, 'utf8')) as { id: string; file: string }[];
    expect(records).toHaveLength(120);
    expect(new Set(records.map((r) => r.id)).size).toBe(120);
    expect(readdirSync(join(folder, 'corpus', 'articles')).sort()).toEqual(records.map((r) => r.file.replace('articles/', '')).sort());
  });

  it('six npm run places decisions at once all land in the curated file', async () => {
    const { dir } = createTextCorpus([{ id: 'a', text: 'Russian troops shelled Kherson, Mykolaiv, Odesa, Kharkiv, Sumy and Chernihiv in Ukraine on Sunday.\n', published: '2022-04-04' }], NO_PLACES);
    const paths = ['--articles', join(dir, 'articles.json'), '--places', join(dir, 'places.geojson'), '--events', join(dir, 'events.json')];
    spawnSync(process.execPath, [INGEST, '--articles', join(dir, 'articles.json'), '--places', join(dir, 'places.geojson'), '--out', join(dir, 'events.json'), '--quiet']);
    const runs = await runAtOnce(['Kherson', 'Mykolaiv', 'Odesa', 'Kharkiv', 'Sumy', 'Chernihiv'].map((name) => [PLACES, 'reject', name, ...paths]));
    expect(runs.map((r) => r.status)).toEqual([0, 0, 0, 0, 0, 0]);
    const curated = JSON.parse(readFileSync(join(dir, 'places.geojson'), 'utf8')) as { notPlaces: { name: string }[] };
    expect(curated.notPlaces.map((n) => n.name).sort()).toEqual(['Chernihiv', 'Kharkiv', 'Kherson', 'Mykolaiv', 'Odesa', 'Sumy']);
  });
});
