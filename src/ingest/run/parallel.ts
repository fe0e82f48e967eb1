import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../../core/validate.ts';
import type { Place } from '../../core/model.ts';
import type { Gazetteer } from '../gazetteer/gazetteer.ts';
import { ensureIndex } from '../gazetteer/gazetteer.ts';
import type { WorkerInit } from './ingest-worker.ts';
import type { JudgeModel } from '../judge/judge.ts';
import { corpusCountries, firstReading, secondReading, type ArticlePart, type ArticleWithText } from './pipeline.ts';
import { removeSpill, spillFile, SpillWriter } from './event-spill.ts';
import { createHeapGovernor, HEADROOM_MB } from './heap-governor.ts';
import { createPlaceFinder } from '../places/place-finder.ts';

export interface ParallelOptions {
  gazetteer: boolean;
  notPlaces: readonly string[];
  /** Threads in all, this one included; 0 for one per core. */
  threads?: number;
  /** Report why mentions did not become events (see IngestOptions). */
  explain: boolean;
  /** The judge, when it decides (see IngestOptions); plain data, sent to each worker. */
  judge?: JudgeModel | null;
  /** Called as articles are read: how many of the corpus's are done (a worker's share counts when it replies). */
  onProgress?: (done: number, total: number) => void;
  /** A folder to spill the events to as they are read, a file a thread (event-spill.ts); absent, they come back in the parts. */
  spillTo?: string;
  /**
   * The corpus's folder: given, each worker reads its share's texts from their files (`article.file`, within it, as
   * readInputs read them) instead of being sent a copy, and nothing here keeps them (see `ownCount`).
   */
  folder?: string;
}

/** The parts of the corpus's articles, in corpus order; with `spillTo`, their events are in `spills` (in corpus order too), not in the parts. */
export interface ParallelParts {
  parts: ArticlePart[];
  spills: string[];
}

export interface ParallelIngest {
  /** How many of the corpus's first articles this thread reads; with `folder`, the texts of the others are the workers' alone. */
  ownCount: number;
  /** Reads this thread's share with `gazetteer` (loaded meanwhile), joins the workers' shares, in corpus order. */
  finish(gazetteer: Gazetteer | null): Promise<ParallelParts>;
  /** Stops the workers and removes the spills. */
  cancel(): Promise<void>;
}

// Below this many articles per thread, starting a worker (it loads the gazetteer, ~0.7 s) costs more than it saves.
const MIN_ARTICLES_PER_THREAD = 400;
// A worker's young generation, in MB (V8's default is about 48): a smaller one costs nothing measurable here and
// keeps a second thread's memory down (10,000 articles on two threads: 528 -> 518 MB of RSS).
const WORKER_YOUNG_MB = 8;
// Of an equal share, for this thread, when the workers send their events back: taking them in (a structured clone)
// is about a fifth of its time. Spilled, they send back little, and the shares are equal.
const OWN_SHARE = 0.8;

/**
 * The ingest spread over threads: the corpus cut into contiguous shares, the first read in this thread and each
 * other by a worker started at once (so that its gazetteer loads while this thread loads its own), joined in
 * corpus order, so the result is `runIngest`'s, byte for byte. A small corpus is read in this thread alone.
 */
export function startParallelIngest(corpus: readonly ArticleWithText[], places: readonly Place[], options: ParallelOptions): ParallelIngest {
  const wanted = options.threads || availableParallelism();
  const threads = Math.max(1, Math.min(wanted, Math.floor(corpus.length / MIN_ARTICLES_PER_THREAD)));
  // This thread also takes in the workers' events when they are sent back: it then reads a smaller share than each.
  const own = threads === 1 ? corpus.length : Math.floor((corpus.length / threads) * (options.spillTo === undefined ? OWN_SHARE : 1));
  const size = Math.ceil((corpus.length - own) / Math.max(1, threads - 1));
  const ownShare = corpus.slice(0, own);
  const theirShares = Array.from({ length: threads - 1 }, (_, i) => corpus.slice(own + i * size, own + (i + 1) * size));
  const lengths = theirShares.map((share) => share.length);
  if (threads > 1 && options.gazetteer) ensureIndex(); // built once here, not by every worker at the same time
  const spills = options.spillTo === undefined ? [] : Array.from({ length: threads }, () => spillFile(options.spillTo!));
  const headroomMb = HEADROOM_MB / threads; // the process's headroom, shared by its threads' heaps
  const workers = theirShares.map((share, k) => {
    const worker = new Worker(new URL('./ingest-worker.js', import.meta.url), { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    // With `folder`, a worker is sent its articles without their texts, and nothing here keeps the shares.
    const sent = options.folder === undefined ? share : share.map(({ article }) => ({ article, text: '' }));
    const init: WorkerInit = { places: [...places], notPlaces: [...options.notPlaces], gazetteer: options.gazetteer, explain: options.explain, judge: options.judge ?? null, corpus: sent, folder: options.folder ?? null, spill: spills[k + 1] ?? null, headroomMb };
    const countries = askWorker<{ countries: string[][] }>(worker, { init });
    countries.catch(() => {}); // awaited in finish(); a run cancelled before then must not leave it unhandled
    return { worker, countries };
  });
  const stop = () => Promise.all(workers.map(({ worker }) => worker.terminate()));
  const cancel = async () => {
    await stop();
    for (const file of spills) removeSpill(file);
  };
  return {
    cancel,
    ownCount: own,
    async finish(gazetteer) {
      try {
        const finder = createPlaceFinder(places, gazetteer, { notPlaces: options.notPlaces });
        const govern = spills.length ? createHeapGovernor(headroomMb) : undefined; // with the events held, there is nothing to win
        const first = firstReading(finder, ownShare, { keepScans: !govern, onRead: govern }); // spilling, memory counts more than a second scan's time
        const theirs = await Promise.all(workers.map((w) => w.countries));
        const counts = corpusCountries([first, ...theirs]);
        const pending = workers.map(({ worker }) => askWorker<{ parts: ArticlePart[] }>(worker, { corpusCountries: [...counts] }));
        let done = 0;
        const progress = (n: number) => options.onProgress?.((done += n), corpus.length);
        const spill = spills.length ? new SpillWriter(spills[0]) : undefined;
        const ownParts = secondReading(finder, ownShare, first.scans, counts, { explain: options.explain, judging: options.judge ? { judge: options.judge } : undefined, onRead: () => (progress(1), govern?.()), spill });
        spill?.close();
        const otherParts = await Promise.all(pending.map((p, k) => p.then((reply) => {
          // A worker's reply holds one part per article of its share, or the result would silently lack some.
          if (reply.parts.length !== lengths[k]) throw new InputError([{ file: '(ingest)', field: `worker ${k + 1}`, message: `read ${reply.parts.length} of its ${lengths[k]} articles: nothing was written` }]);
          progress(reply.parts.length);
          return reply;
        })));
        return { parts: [...ownParts, ...otherParts.flatMap((p) => p.parts)], spills };
      } catch (error) {
        await cancel();
        throw error;
      } finally {
        await stop();
      }
    },
  };
}

/** Sends a worker a message and waits for its one reply; a worker that fails or ends first is an InputError saying so. */
export function askWorker<T>(worker: Worker, message: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onError = (error: Error) => {
      stop();
      reject(new InputError([{ file: '(ingest)', field: 'worker', message: `a worker thread failed: ${error.message}: nothing was written` }]));
    };
    // A worker that ends without answering (killed, out of memory) would otherwise leave the ingest waiting or exit 13.
    const onExit = (code: number) => {
      stop();
      reject(new InputError([{ file: '(ingest)', field: 'worker', message: `a worker thread stopped before it answered (exit code ${code}): nothing was written` }]));
    };
    const onMessage = (answer: T) => {
      stop();
      resolve(answer);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage(message);
  });
}
