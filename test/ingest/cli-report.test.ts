import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/ingest/add/report.ts';
import { askWorker } from '../../src/ingest/run/parallel.ts';
import { INGEST } from '../places-corpus.ts';
import { createTextCorpus } from '../text-corpus.ts';

/** `npm run ingest` on a two-article corpus (one with an event, one without), with these flags. */
function ingestTwo(flags: string[]) {
  const { dir } = createTextCorpus([
    { id: 'a', text: 'Militants shelled Mosul on Monday.', published: '2014-06-24' },
    { id: 'b', text: 'Nothing happened anywhere.', published: '2014-06-24' },
  ]);
  const result = spawnSync(process.execPath, [INGEST, '--articles', join(dir, 'articles.json'), '--places', join(dir, 'places.geojson'), '--out', join(dir, 'events.json'), ...flags], { encoding: 'utf8' });
  return { status: result.status, lines: result.stderr.trim().split('\n') };
}

describe('what npm run ingest says', () => {
  it('ends with a summary, not every article, unless --verbose', () => {
    const quiet = ingestTwo([]);
    expect(quiet.status).toBe(0);
    expect(quiet.lines[0]).toMatch(/^wrote \d+ events?, \d+ at or above the judge's threshold [\d.]+ from 2 articles to /);
    expect(quiet.lines.some((l) => l.startsWith('a: '))).toBe(false);
    expect(quiet.lines.at(-1)).toContain('1 of 2 articles gives no event');
    const verbose = ingestTwo(['--verbose']);
    expect(verbose.lines).toContain('b: 0 events');
  });

  it('caps --threads at the cores, saying so, and still writes', () => {
    const run = ingestTwo(['--threads', '512']);
    expect(run.status).toBe(0);
    expect(run.lines[0]).toMatch(/^--threads 512: capped at \d+, the cores this machine has$/);
  });

  it('draws a progress line only on a terminal, worded for articles', () => {
    const written: string[] = [];
    const line = (p: { stage: string; done: number; total: number }) => `reading ${p.done} of ${p.total} articles`;
    createProgress({ isTTY: false, write: (t) => written.push(t) }, line).update({ stage: 'reading', done: 1, total: 2 });
    expect(written).toEqual([]);
    createProgress({ isTTY: true, write: (t) => written.push(t) }, line).update({ stage: 'reading', done: 1, total: 2 });
    expect(written).toEqual(['\rreading 1 of 2 articles\x1b[K']);
  });
});

describe('a worker thread of the ingest', () => {
  it('that ends before it answers is an error saying so, not a silent exit', async () => {
    const worker = new Worker('process.exit(3)', { eval: true });
    await expect(askWorker(worker, { hello: true })).rejects.toThrow('a worker thread stopped before it answered (exit code 3): nothing was written');
  });

  it('that throws is an error naming what it threw', async () => {
    const worker = new Worker("require('node:worker_threads').parentPort.on('message', () => { throw new Error('out of luck'); })", { eval: true });
    await expect(askWorker(worker, {})).rejects.toThrow('a worker thread failed: out of luck');
  });
});
