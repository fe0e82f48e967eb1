import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTextCorpus } from '../text-corpus.ts';

const CLI = join(process.cwd(), 'build/cli/ingest/cli/ingest-cli.js');
const TOWNS = ['Kherson', 'Mykolaiv', 'Bucha', 'Irpin', 'Kharkiv', 'Izium', 'Lviv', 'Odesa'];

/** 900 short articles naming Ukrainian towns: enough for two threads to share (400 articles a thread at least). */
function createCorpus(): string {
  return createTextCorpus(
    Array.from({ length: 900 }, (_, i) => ({
      id: `a-${String(i).padStart(3, '0')}`,
      text: `Russian forces shelled ${TOWNS[i % TOWNS.length]} on Monday, Ukrainian officials said.\nRescuers searched the ruins in ${TOWNS[(i * 7) % TOWNS.length]} on Tuesday.\n`,
      published: `2022-0${3 + (i % 6)}-1${i % 10}`,
    })),
  ).dir;
}

describe('npm run ingest over worker threads', () => {
  it('writes the same bytes with two threads as with one', () => {
    const dir = createCorpus();
    const run = (threads: number) => {
      const out = join(dir, `events-${threads}.json`);
      const result = spawnSync(process.execPath, [CLI, '--articles', join(dir, 'articles.json'), '--places', join(dir, 'places.geojson'), '--out', out, '--threads', String(threads), '--quiet'], { encoding: 'utf8' });
      expect(result.status).toBe(0);
      return readFileSync(out, 'utf8');
    };
    const one = run(1);
    expect(JSON.parse(one).events.length).toBeGreaterThan(800);
    expect(run(2)).toBe(one);
  });

  it('refuses a number of threads that is not a whole number', () => {
    const dir = createCorpus();
    const result = spawnSync(process.execPath, [CLI, '--articles', join(dir, 'articles.json'), '--places', join(dir, 'places.geojson'), '--out', join(dir, 'e.json'), '--threads', 'two'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--threads: must be a whole number');
  });
});
