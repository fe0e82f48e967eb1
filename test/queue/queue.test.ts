import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { describe, expect, it, onTestFinished } from 'vitest';
import { QUEUE_NAME } from '../../src/ingest/queue/article-queue.ts';
import { ingest, startWorker } from './processes.ts';
import { NO_REDIS, REDIS_SERVER, startRedis, type RedisServer } from './redis-server.ts';

if (!REDIS_SERVER) process.stderr.write(`${NO_REDIS}\n`);

const SEED = ['--articles', 'data/articles.json', '--places', 'geo/places.geojson'];
const TEST_CORPUS = ['--articles', 'test/corpus/articles.json', '--places', 'test/corpus/places.geojson'];

function createOutputFolder(): string {
  return mkdtempSync(join(tmpdir(), 'datelines-queue-'));
}

/** The in-process ingest's bytes for a corpus: what every queued run must equal. */
async function inProcessBytes(corpus: readonly string[], dir: string): Promise<string> {
  const out = join(dir, 'in-process.json');
  const run = await ingest([...corpus, '--out', out, '--threads', '1', '--quiet']);
  expect(run.status).toBe(0);
  return readFileSync(out, 'utf8');
}

function connectionOf(redis: RedisServer) {
  return { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null };
}

/** Resolves once `n` jobs have been added to the queue (the coordinator has enqueued the corpus). */
async function enqueued(events: QueueEvents, n: number): Promise<void> {
  await events.waitUntilReady();
  let seen = 0;
  await new Promise<void>((resolve) => events.on('waiting', () => ++seen === n && resolve()));
}

describe.skipIf(!REDIS_SERVER)('npm run ingest -- --queue, with npm run worker', () => {
  it('reads each article once when the corpus is enqueued twice, and a re-run needs no worker', async () => {
    const redis = await startRedis();
    onTestFinished(() => redis.stop()); // also when an assertion fails: no server outlives its test
    const dir = createOutputFolder();
    const worker = startWorker(redis.url);
    await worker.ready;
    const [first, second] = await Promise.all(['a.json', 'b.json'].map((file) => ingest([...SEED, '--queue', redis.url, '--out', join(dir, file), '--quiet'])));
    expect([first.status, second.status]).toEqual([0, 0]);
    expect(await worker.stop()).toBe(5);
    const queue = new Queue(QUEUE_NAME, { connection: connectionOf(redis) });
    expect(await queue.getJobCounts('completed', 'failed', 'wait', 'active', 'delayed')).toEqual({ completed: 5, failed: 0, wait: 0, active: 0, delayed: 0 });
    const jobs = await queue.getJobs(['completed']);
    expect(jobs.map((job) => job.attemptsStarted)).toEqual([1, 1, 1, 1, 1]);
    await queue.close();
    const rerun = await ingest([...SEED, '--queue', redis.url, '--out', join(dir, 'c.json'), '--quiet']); // no worker runs now
    expect(rerun.status).toBe(0);
    const bytes = readFileSync(join(dir, 'a.json'), 'utf8');
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(bytes);
    expect(readFileSync(join(dir, 'c.json'), 'utf8')).toBe(bytes);
    expect(bytes).toBe(await inProcessBytes(SEED, dir));
  }, 60_000);

  it('writes the same bytes with two workers as the in-process ingest, each worker reading a share', async () => {
    const redis = await startRedis();
    onTestFinished(() => redis.stop()); // also when an assertion fails: no server outlives its test
    const dir = createOutputFolder();
    const workers = [startWorker(redis.url), startWorker(redis.url)];
    await Promise.all(workers.map((w) => w.ready));
    const run = await ingest([...TEST_CORPUS, '--queue', redis.url, '--out', join(dir, 'queued.json'), '--quiet']);
    expect(run.status).toBe(0);
    const read = await Promise.all(workers.map((w) => w.stop()));
    // At least once each: a worker slowed past its lock has its article read again by the other, to the same result.
    expect(read[0] + read[1]).toBeGreaterThanOrEqual(JSON.parse(readFileSync('test/corpus/articles.json', 'utf8')).length);
    expect(Math.min(...read)).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'queued.json'), 'utf8')).toBe(await inProcessBytes(TEST_CORPUS, dir));
  }, 90_000);

  it('completes with the same bytes when a worker is killed (SIGKILL) in the middle of the run', async () => {
    const redis = await startRedis();
    onTestFinished(() => redis.stop()); // also when an assertion fails: no server outlives its test
    const dir = createOutputFolder();
    const events = new QueueEvents(QUEUE_NAME, { connection: connectionOf(redis) });
    await events.waitUntilReady();
    const doomed = startWorker(redis.url, 1000);
    await doomed.ready;
    let completed = 0;
    const tenDone = new Promise<void>((resolve) => events.on('completed', () => ++completed === 10 && resolve()));
    const running = ingest([...TEST_CORPUS, '--queue', redis.url, '--out', join(dir, 'queued.json'), '--quiet']);
    await tenDone;
    doomed.process.kill('SIGKILL'); // busy with the corpus's articles one after another: it dies holding one
    const rescuer = startWorker(redis.url, 1000);
    const run = await running;
    expect(run.status).toBe(0);
    await rescuer.stop();
    await events.close();
    expect(readFileSync(join(dir, 'queued.json'), 'utf8')).toBe(await inProcessBytes(TEST_CORPUS, dir));
  }, 90_000);

  it('stops with one line naming the queue when Redis goes away mid-run, and leaves the output as it was', async () => {
    const redis = await startRedis();
    onTestFinished(() => redis.stop()); // also when an assertion fails: no server outlives its test
    const dir = createOutputFolder();
    const out = join(dir, 'events.json');
    writeFileSync(out, 'the events of before\n');
    const events = new QueueEvents(QUEUE_NAME, { connection: connectionOf(redis) });
    const waiting = enqueued(events, 5);
    const running = ingest([...SEED, '--queue', redis.url, '--out', out]); // no worker: it waits
    await waiting;
    await events.close();
    await redis.stop();
    const run = await running;
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([`${redis.url}: queue ${QUEUE_NAME}: Redis does not answer (connect ECONNREFUSED 127.0.0.1:${redis.port}): nothing was written`]);
    expect(readFileSync(out, 'utf8')).toBe('the events of before\n');
    expect(readdirSync(dir)).toEqual(['events.json']);
  }, 60_000);

  it('names an article that fails on every try, and writes the others', async () => {
    const redis = await startRedis();
    onTestFinished(() => redis.stop()); // also when an assertion fails: no server outlives its test
    const dir = createOutputFolder();
    const events = new QueueEvents(QUEUE_NAME, { connection: connectionOf(redis) });
    const waiting = enqueued(events, 5);
    const running = ingest([...SEED, '--queue', redis.url, '--out', join(dir, 'queued.json'), '--tries', '2', '--backoff-ms', '50']);
    await waiting;
    await events.close();
    const queue = new Queue(QUEUE_NAME, { connection: connectionOf(redis) });
    const [poisoned, ...others] = await queue.getJobs(['wait']);
    const victim = (poisoned.data as { article: { id: string } }).article.id;
    await poisoned.updateData({ ...poisoned.data, text: `${poisoned.data.text} altered in the queue` }); // no longer the text its id was made from
    await queue.close();
    const worker = startWorker(redis.url);
    const run = await running;
    expect(await worker.stop()).toBe(others.length);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`data/articles\\.json: \\[\\d\\] ${victim}: failed on every try, left out of .*queued\\.json: the job's article ${victim} does not match its id`));
    const articlesWithEvents = (file: string) => [...new Set((JSON.parse(readFileSync(file, 'utf8')) as { events: { article: string }[] }).events.map((e) => e.article))].sort();
    await inProcessBytes(SEED, dir);
    expect(articlesWithEvents(join(dir, 'queued.json'))).toEqual(articlesWithEvents(join(dir, 'in-process.json')).filter((a) => a !== victim));
  }, 60_000);
});
