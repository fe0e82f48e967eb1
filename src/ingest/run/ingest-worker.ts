import { parentPort } from 'node:worker_threads';
import type { Place } from '../../core/model.ts';
import { loadGazetteer } from '../gazetteer/gazetteer.ts';
import type { JudgeModel } from '../judge/judge.ts';
import { articleCountries, readArticle, type ArticleWithText } from './pipeline.ts';
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
    const scans = corpus.map(({ text }) => finder.scan(text));
    state = { finder, corpus, scans, explain, judge };
    port.postMessage({ countries: corpus.map(({ text }, i) => articleCountries(finder, text, scans[i])) });
  } else {
    const { finder, corpus, scans, explain, judge } = state!;
    const counts = new Map(message.corpusCountries);
    port.postMessage({ parts: corpus.map(({ article, text }, i) => readArticle(finder, article, text, scans[i], counts, explain, judge ? { judge } : undefined)) });
  }
});
