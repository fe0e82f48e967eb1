import { parentPort } from 'node:worker_threads';
import type { Place } from '../../core/model.ts';
import { loadGazetteer } from '../gazetteer/gazetteer.ts';
import type { JudgeModel } from '../judge/judge.ts';
import { firstReading, secondReading, type ArticleWithText } from './pipeline.ts';
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
}

const port = parentPort!;
let state: { finder: ReturnType<typeof createPlaceFinder>; corpus: ArticleWithText[]; scans: ArticleScan[]; explain: boolean; judge: JudgeModel | null } | null = null;

port.on('message', (message: { init: WorkerInit } | { corpusCountries: [string, number][] }) => {
  if ('init' in message) {
    const { places, notPlaces, gazetteer, explain, judge, corpus } = message.init;
    const finder = createPlaceFinder(places, gazetteer ? loadGazetteer() : null, { notPlaces });
    const { scans, countries } = firstReading(finder, corpus);
    state = { finder, corpus, scans, explain, judge };
    port.postMessage({ countries });
  } else {
    const { finder, corpus, scans, explain, judge } = state!;
    const counts = new Map(message.corpusCountries);
    port.postMessage({ parts: secondReading(finder, corpus, scans, counts, { explain, judging: judge ? { judge } : undefined }) });
  }
});
