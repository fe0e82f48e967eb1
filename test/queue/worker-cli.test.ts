import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const WORKER = join(process.cwd(), 'build/cli/ingest/cli/worker-cli.js');
const INGEST = join(process.cwd(), 'build/cli/ingest/cli/ingest-cli.js');

function runWorker(args: readonly string[]) {
  return spawnSync(process.execPath, [WORKER, ...args], { encoding: 'utf8' });
}

describe('npm run worker, and ingest --queue, refuse what they cannot use', () => {
  it('asks for the queue when none is given', () => {
    const run = runWorker([]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--queue: give the Redis that holds the queue, redis://HOST:PORT');
  });

  it('names each bad flag, one line each', () => {
    const run = runWorker(['--queue', 'http://127.0.0.1:6379', '--concurrency', '0', '--lock-ms', 'soon']);
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').slice(0, 3).sort()).toEqual([
      '--concurrency: must be a whole number, 1 or more',
      '--lock-ms: must be a whole number of milliseconds, 100 or more',
      '--queue: "http://127.0.0.1:6379" is not a redis://HOST:PORT address',
    ]);
  });

  it('refuses an ingest whose queue is not a redis:// address, before any work', () => {
    const run = spawnSync(process.execPath, [INGEST, '--queue', 'localhost:6379', '--out', '/nonexistent/events.json'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('--queue: (address): "localhost:6379" is not a redis://HOST:PORT address\n');
  });

  it('refuses a number of tries under one', () => {
    const run = spawnSync(process.execPath, [INGEST, '--queue', 'redis://127.0.0.1:6379', '--tries', '0'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--tries: must be a whole number, 1 or more');
  });
});
