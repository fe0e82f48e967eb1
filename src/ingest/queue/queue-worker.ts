import { isNotConnectionError, Worker, type Job } from 'bullmq';
import { loadGazetteer } from '../gazetteer/gazetteer.ts';
import type { JudgeModel } from '../judge/judge.ts';
import { secondReading, type ArticlePart } from '../run/pipeline.ts';
import { createPlaceFinder, type PlaceFinder } from '../places/place-finder.ts';
import { checkedJob, QUEUE_NAME, queueConnection, SETTINGS_PREFIX, shownAddress, type ArticleJob, type RunSettings } from './article-queue.ts';

export interface QueueWorkerOptions {
  /** How long a job's lock lasts unless renewed, and how often stalled jobs are looked for (ms): a killed worker's article goes to another after about twice this. */
  lockMs?: number;
  /** Each try that failed: the article, the try, the tries in all, why. */
  onFailedTry?: (article: string, attempt: number, tries: number, reason: string) => void;
  /** Redis gone: one line naming the queue; the worker has stopped. */
  onGone?: (message: string) => void;
  /** Any other trouble BullMQ reports (a lock lost while an article was read: another worker reads it again). */
  onTrouble?: (message: string) => void;
}

export interface QueueWorker {
  /** Articles this worker has read. */
  read(): number;
  /** Finishes the article in hand, then stops. */
  close(): Promise<void>;
}

const DEFAULTS = { lockMs: 30_000 }; // BullMQ's own default lock
const RUNS_KEPT = 4; // settings (and their place finders) kept in memory: runs in turn on one queue

interface Reader {
  finder: PlaceFinder;
  counts: Map<string, number>;
  explain: boolean;
  judge: JudgeModel | null;
}

/**
 * A worker of the article queue: takes one job at a time, reads the article with the pipeline under its run's
 * settings (fetched from Redis once per run) and returns the article's part, which BullMQ keeps as the job's result.
 * A failure is retried by BullMQ with backoff; a worker killed mid-article loses its lock and another takes the job.
 */
export async function startQueueWorker(address: string, options: QueueWorkerOptions = {}): Promise<QueueWorker> {
  const { lockMs } = { ...DEFAULTS, ...options };
  const connection = queueConnection(address);
  loadGazetteer(); // before the first job, so that a job's lock is never held while it loads
  const readers = new Map<string, Promise<Reader>>();
  let read = 0;
  const worker: Worker<ArticleJob, ArticlePart> = new Worker<ArticleJob, ArticlePart>(QUEUE_NAME, async (job: Job<ArticleJob, ArticlePart>) => {
    const { settings, article, text } = checkedJob(job.id, job.data);
    const reader = await readerFor(settings);
    const [part] = secondReading(reader.finder, [{ article, text }], null, reader.counts, { explain: reader.explain, judging: reader.judge ? { judge: reader.judge } : undefined });
    read++;
    return part;
  }, { connection, concurrency: 1, lockDuration: lockMs, stalledInterval: lockMs, autorun: false });

  function readerFor(key: string): Promise<Reader> {
    if (!readers.has(key)) {
      const reader = worker.getBackend().client.then((client) => client.get(SETTINGS_PREFIX + key)).then((json) => {
        if (json === null) throw new Error(`the run's settings (${SETTINGS_PREFIX}${key}) are not in Redis: enqueue the corpus again`);
        const s = JSON.parse(json) as RunSettings;
        return { finder: createPlaceFinder(s.places, s.gazetteer ? loadGazetteer() : null, { notPlaces: s.notPlaces }), counts: new Map(s.corpusCountries), explain: s.explain, judge: s.judge };
      });
      reader.catch(() => readers.delete(key)); // a later job asks again
      readers.set(key, reader);
      if (readers.size > RUNS_KEPT) readers.delete(readers.keys().next().value!);
    }
    return readers.get(key)!;
  }

  worker.on('failed', (job, error) => {
    if (job) options.onFailedTry?.(job.data?.article?.id ?? String(job.id), job.attemptsMade, job.opts.attempts ?? 1, error.message);
  });
  let closing = false;
  worker.on('error', (error) => {
    if (isNotConnectionError(error)) return options.onTrouble?.(error.message);
    if (closing) return;
    closing = true;
    options.onGone?.(`${shownAddress(address)}: queue ${QUEUE_NAME}: Redis does not answer (${error.message}): this worker stopped`);
    worker.disconnect().catch(() => {});
  });
  await worker.waitUntilReady();
  void worker.run().catch(() => {}); // its failures come as 'error' events, above
  return {
    read: () => read,
    async close() {
      closing = true;
      await worker.close();
    },
  };
}
