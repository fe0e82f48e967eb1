import { isNotConnectionError, Queue, QueueEvents, type Job } from 'bullmq';
import { InputError } from '../../core/validate.ts';
import { readCorrections } from '../corrections/corrections.ts';
import { checkOutput, finishRun, readInputs, type IngestPaths, type IngestRun } from '../run/files.ts';
import { loadGazetteer } from '../gazetteer/gazetteer.ts';
import type { JudgeModel } from '../judge/judge.ts';
import { readJudgeFile } from '../judge/model-file.ts';
import { assemble, corpusCountries, firstReading, type ArticlePart, type ArticleWithText } from '../run/pipeline.ts';
import { writeEventsParquet } from '../parquet/events-parquet.ts';
import { createPlaceFinder } from '../places/place-finder.ts';
import { articleJobId, QUEUE_NAME, queueConnection, settingsKey, SETTINGS_PREFIX, SETTINGS_TTL_S, shownAddress, type ArticleJob, type RunSettings } from './article-queue.ts';

export interface QueuedIngestOptions {
  /** The Redis that holds the queue, `redis://HOST:PORT[/DB]`. */
  queue: string;
  gazetteer?: boolean;
  judge?: JudgeModel | null;
  explain?: boolean;
  tries?: number; // how many times a worker reads an article before it is given up as poisoned
  backoffMs?: number; // wait before the second try, doubled for each further one (ms)
  /** A folder for the events as Parquet too (see events-parquet.ts). */
  parquet?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface QueuedRun extends IngestRun {
  /** The articles that failed on every try, left out of the output, in corpus order. */
  poisoned: { index: number; article: string; reason: string }[];
}

const DEFAULTS = { tries: 3, backoffMs: 1000 };
const BATCH = 500; // jobs added, or states asked, in one go
const RECONCILE_MS = 5000; // how often the states of the articles not yet heard of are asked, in case an event was missed

/**
 * The ingest with the articles read by workers (`npm run worker`) on a BullMQ queue: this process reads and checks
 * the inputs, does the corpus-wide step (which countries the corpus is about: every article's first reading), puts
 * the run's settings in Redis, enqueues one job per article, waits for every one, and finishes as the in-process
 * ingest does (corrections, validation, the atomic write), so the bytes are the same. Nothing is written when Redis
 * goes away; an article that fails on every try is left out and named in `poisoned`.
 */
export async function ingestFilesThroughQueue(paths: IngestPaths, options: QueuedIngestOptions): Promise<QueuedRun> {
  let connection;
  try {
    connection = queueConnection(options.queue);
  } catch (error) {
    throw new InputError([{ file: '--queue', field: '(address)', message: (error as Error).message }]);
  }
  const useGazetteer = options.gazetteer !== false;
  const gazetteer = useGazetteer ? loadGazetteer() : null;
  const judge = options.judge === undefined ? readJudgeFile() : options.judge;
  const { corpus, places, notPlaces } = readInputs(paths, gazetteer);
  checkOutput(paths, corpus);
  const corrections = readCorrections(paths.articles);
  const settings: RunSettings = { places: [...places], notPlaces: [...notPlaces], gazetteer: useGazetteer, explain: options.explain ?? false, judge, corpusCountries: [...corpusCountries([firstReading(createPlaceFinder(places, gazetteer, { notPlaces }), corpus)])] };
  const key = settingsKey(settings);
  const jobs: ArticleJob[] = corpus.map(({ article, text }) => ({ settings: key, article, text }));
  const ids = jobs.map((job) => articleJobId(key, job.article, job.text));
  const outcome = await waitForArticles(options.queue, connection, settings, key, jobs, ids, { ...DEFAULTS, ...options });
  const poisoned = outcome.flatMap((o, index) => ('reason' in o ? [{ index, article: corpus[index].article.id, reason: o.reason }] : []));
  const raw = assemble(outcome.flatMap((o) => ('part' in o ? [o.part] : [])), places);
  const run = finishRun(paths, corpus, places, judge ? { ...raw, threshold: judge.threshold } : raw, corrections);
  if (options.parquet !== undefined) await writeEventsParquet(options.parquet, run, corpus.map((c) => c.article), places);
  return { ...run, poisoned };
}

type Outcome = { part: ArticlePart } | { reason: string };

/** Puts the settings and the jobs on the queue and waits until each job has completed or failed for good. */
async function waitForArticles(address: string, connection: ReturnType<typeof queueConnection>, settings: RunSettings, key: string, jobs: readonly ArticleJob[], ids: readonly string[], options: Required<Pick<QueuedIngestOptions, 'tries' | 'backoffMs'>> & Pick<QueuedIngestOptions, 'onProgress'>): Promise<Outcome[]> {
  const queue = new Queue<ArticleJob, ArticlePart>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  let fail: (error: unknown) => void = () => {};
  const gone = new Promise<never>((_, reject) => (fail = reject));
  gone.catch(() => {}); // raced below; a failure after the run is over is no one's
  const onError = (error: Error) => isNotConnectionError(error) ? fail(error) : fail(new InputError([{ file: shownAddress(address), field: `queue ${QUEUE_NAME}`, message: `Redis does not answer (${error.message}): nothing was written` }]));
  queue.on('error', onError);
  events.on('error', onError);
  const race = <T>(work: Promise<T>): Promise<T> => Promise.race([work, gone]);
  const index = new Map(ids.map((id, i) => [id, i]));
  const outcome: (Outcome | null)[] = ids.map(() => null);
  const pending = new Set(ids);
  let done = 0;
  let finished: () => void = () => {};
  const allSettled = new Promise<void>((resolve) => (finished = resolve));
  const settle = (id: string, result: { reason: string } | { part: unknown } | null) => {
    if (!pending.delete(id)) return;
    // A part heard with its event is kept; one settled by asking its state is fetched at the end.
    if (result !== null && ('reason' in result || (typeof result.part === 'object' && result.part !== null))) outcome[index.get(id)!] = result as Outcome;
    options.onProgress?.(++done, ids.length);
    if (pending.size === 0) finished();
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    await race(Promise.all([queue.waitUntilReady(), events.waitUntilReady()]));
    events.on('completed', ({ jobId, returnvalue }) => settle(jobId, { part: returnvalue }));
    events.on('failed', ({ jobId, failedReason }) => settle(jobId, { reason: failedReason }));
    const client = await race(queue.getBackend().client);
    await race(client.set(SETTINGS_PREFIX + key, JSON.stringify(settings), { EX: SETTINGS_TTL_S }));
    options.onProgress?.(0, ids.length);
    for (let start = 0; start < ids.length; start += BATCH) {
      const batch = ids.slice(start, start + BATCH);
      await race(retryFailed(queue, batch)); // poisoned on an earlier run: perhaps the workers have been mended since
      await race(queue.addBulk(batch.map((jobId, k) => ({ name: 'article', data: jobs[start + k], opts: { jobId, attempts: options.tries, backoff: { type: 'exponential', delay: options.backoffMs }, removeOnComplete: false, removeOnFail: false } }))));
    }
    const reconcile = async () => {
      const waiting = [...pending];
      for (let start = 0; start < waiting.length; start += BATCH) {
        const batch = waiting.slice(start, start + BATCH);
        const states = await Promise.all(batch.map((id) => queue.getJobState(id)));
        for (const [k, state] of states.entries()) {
          if (state === 'completed') settle(batch[k], null);
          else if (state === 'failed') settle(batch[k], { reason: (await queue.getJob(batch[k]))?.failedReason ?? 'failed' });
        }
      }
    };
    await race(reconcile()); // done already: by a re-run's earlier run, or another coordinator's workers
    timer = setInterval(() => reconcile().catch(onError), RECONCILE_MS);
    if (pending.size) await race(allSettled);
    clearInterval(timer);
    const unheard = ids.flatMap((_, i) => (outcome[i] === null ? [i] : []));
    for (let start = 0; start < unheard.length; start += BATCH) {
      const batch = unheard.slice(start, start + BATCH);
      const found = await race(Promise.all(batch.map((i) => queue.getJob(ids[i]))));
      found.forEach((job, k) => {
        const i = batch[k];
        if (!job || typeof job.returnvalue !== 'object' || job.returnvalue === null) throw new InputError([{ file: shownAddress(address), field: `queue ${QUEUE_NAME}`, message: `the result of article ${jobs[i].article.id} is gone from the queue (job ${ids[i]}): nothing was written` }]);
        outcome[i] = { part: job.returnvalue };
      });
    }
    await Promise.all([queue.close(), events.close()]);
    return outcome as Outcome[];
  } catch (error) {
    clearInterval(timer);
    void Promise.all([queue.close(), events.close()]).catch(() => {}); // not awaited: with Redis never reached it never ends (the connections give up on their own)
    throw error;
  }
}

/** Jobs of `ids` that failed for good on an earlier run are put back to be tried again. */
async function retryFailed(queue: Queue<ArticleJob, ArticlePart>, ids: readonly string[]): Promise<void> {
  const states = await Promise.all(ids.map((id) => queue.getJobState(id)));
  const failed = ids.filter((_, k) => states[k] === 'failed');
  const jobs = await Promise.all(failed.map((id) => queue.getJob(id)));
  await Promise.all(jobs.map((job: Job<ArticleJob, ArticlePart> | undefined) => job?.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true })));
}
