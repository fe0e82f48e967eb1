import { parentPort } from 'node:worker_threads';
import type { Place } from '../../core/model.ts';
import { loadGazetteer } from '../gazetteer/gazetteer.ts';
import type { JudgeModel } from '../judge/judge.ts';
import { firstReading, secondReading, type ArticleWithText } from './pipeline.ts';
import { SpillWriter } from './event-spill.ts';
import { createHeapGovernor } from './heap-governor.ts';
import { createPlaceFinder, type ArticleScan } from '../places/place-finder.ts';

/**
 * One worker of a parallel ingest (see parallel.ts): given its share of the articles, it reads their countries,
 * waits for the corpus's count of them, then reads its articles whole and sends their parts back, in order.
 */
export interface WorkerInit {
  places: Place[];
  notPlaces: string[];
  gazetteer: boolean;
  explain: boolean;
  judge: JudgeModel | null;
  corpus: ArticleWithText[];
  /** The file to spill its events to (event-spill.ts); null: they go back in the parts. */
  spill: string | null;
}

const port = parentPort!;
let state: { finder: ReturnType<typeof createPlaceFinder>; corpus: ArticleWithText[]; scans: ArticleScan[]; explain: boolean; judge: JudgeModel | null; spill: string | null } | null = null;

port.on('message', (message: { init: WorkerInit } | { corpusCountries: [string, number][] }) => {
  if ('init' in message) {
    const { places, notPlaces, gazetteer, explain, judge, corpus, spill } = message.init;
    const finder = createPlaceFinder(places, gazetteer ? loadGazetteer() : null, { notPlaces });
    const { scans, countries } = firstReading(finder, corpus);
    state = { finder, corpus, scans, explain, judge, spill };
    port.postMessage({ countries });
  } else {
    const { finder, corpus, scans, explain, judge, spill: file } = state!;
    const counts = new Map(message.corpusCountries);
    const spill = file === null ? undefined : new SpillWriter(file);
    const parts = secondReading(finder, corpus, scans, counts, { explain, judging: judge ? { judge } : undefined, spill, onRead: spill && createHeapGovernor() });
    spill?.close();
    port.postMessage({ parts });
  }
});
