import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePlaces } from '../src/core/validate.ts';
import { REDIS_SERVER, startRedis } from '../test/queue/redis-server.ts';
import { createSyntheticArticles } from './synthetic-articles.ts';

// The queue's figures: `npm run ingest -- --queue` with one worker and with two, against the in-process ingest on
// one thread, on the same generated articles written to disk (whole runs: reading the inputs, the corpus-wide step
// in the coordinator, the workers, the write). Runs alone too: node build/bench/bench/queue.js [ARTICLES].

export interface QueueFigures {
  articles: number;
  inProcessMs: number;
  oneWorkerMs: number;
  twoWorkersMs: number;
  /** Two workers' whole run against one worker's. */
  queueWorkersSpeedup: number;
  /** One worker's articles a second against the in-process ingest's, whole runs (1: as fast). */
  oneWorkerRateRatio: number;
}

const SEED = 20140623;
const CLI = 'build/bench/src/ingest/cli/ingest-cli.js';
const WORKER = 'build/bench/src/ingest/cli/worker-cli.js';

/** The figures, or null where redis-server is not installed. */
export async function measureQueueFigures(count = 10_000): Promise<QueueFigures | null> {
  if (!REDIS_SERVER) return null;
  const places = parsePlaces(readFileSync('geo/places.geojson', 'utf8'), 'geo/places.geojson');
  const names = places.flatMap((p) => [p.name, ...p.aliases]);
  const dir = mkdtempSync(join(tmpdir(), 'datelines-bench-queue-'));
  try {
    mkdirSync(join(dir, 'articles'));
    const articles = createSyntheticArticles(count, names, SEED + 3);
    for (const { id, text } of articles) writeFileSync(join(dir, 'articles', `${id}.txt`), text);
    writeFileSync(join(dir, 'articles.json'), JSON.stringify(articles.map(({ id }) => ({ id, file: `articles/${id}.txt`, headline: id, outlet: 'bench', published: '2014-06-24', url: null }))));
    const corpus = ['--articles', join(dir, 'articles.json'), '--places', 'geo/places.geojson', '--quiet'];
    const inProcess = timed(() => {
      const run = spawnSync(process.execPath, [CLI, ...corpus, '--out', join(dir, 'in-process.json'), '--threads', '1'], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`ingest failed: ${run.stderr}`);
    });
    const queued = async (workers: number) => {
      const redis = await startRedis(); // a fresh queue: no results left from the run before
      const started = await Promise.all(Array.from({ length: workers }, () => startWorker(redis.url)));
      try {
        const t = performance.now();
        const run = await exited(spawn(process.execPath, [CLI, ...corpus, '--out', join(dir, `queued-${workers}.json`), '--queue', redis.url], { stdio: ['ignore', 'ignore', 'pipe'] }));
        if (run.status !== 0) throw new Error(`queued ingest failed: ${run.stderr}`);
        return performance.now() - t;
      } finally {
        for (const w of started) w.kill('SIGTERM');
        await Promise.all(started.map((w) => exited(w)));
        await redis.stop();
      }
    };
    const oneWorkerMs = await queued(1);
    const twoWorkersMs = await queued(2);
    const bytes = readFileSync(join(dir, 'in-process.json'), 'utf8');
    for (const n of [1, 2]) if (readFileSync(join(dir, `queued-${n}.json`), 'utf8') !== bytes) throw new Error(`${n} queue worker(s) wrote other events than the in-process ingest`);
    return {
      articles: count,
      inProcessMs: Math.round(inProcess),
      oneWorkerMs: Math.round(oneWorkerMs),
      twoWorkersMs: Math.round(twoWorkersMs),
      queueWorkersSpeedup: Math.round((oneWorkerMs / twoWorkersMs) * 100) / 100,
      oneWorkerRateRatio: Math.round((inProcess / oneWorkerMs) * 100) / 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A worker process, resolved once it has said it is reading from the queue (its gazetteer loaded). */
function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [WORKER, '--queue', url], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let said = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('reading articles from queue')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`a worker ended (${code}): ${said}`)));
  });
}

function exited(child: ChildProcess): Promise<{ status: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return child.exitCode !== null ? Promise.resolve({ status: child.exitCode, stderr }) : new Promise((resolve) => child.once('exit', (status) => resolve({ status, stderr })));
}

function timed(work: () => void): number {
  const t = performance.now();
  work();
  return performance.now() - t;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.log(JSON.stringify(await measureQueueFigures(Number(process.argv[2] ?? 10_000))));
