import { parentPort } from 'node:worker_threads';
import type { Place } from '../../core/model.ts';
import { loadGazetteer } from '../gazetteer/gazetteer.ts';
import type { JudgeModel } from '../judge/judge.ts';
import { firstReading, secondReading, type ArticleWithText } from './pipeline.ts';
import { SpillWriter } from './event-spill.ts';
import { readArticleText } from '../../io/read-files.ts';
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
  /** Its share; with `folder`, without their texts, which it reads from their files there as it reads each article. */
  corpus: ArticleWithText[];
  folder: string | null;
  /** The file to spill its events to (event-spill.ts); null: they go back in the parts. */
  spill: string | null;
  /** Its heap governor's headroom (heap-governor.ts), when it spills. */
  headroomMb: number;
}

const port = parentPort!;
let state: { finder: ReturnType<typeof createPlaceFinder>; corpus: ArticleWithText[]; scans: ArticleScan[] | null; explain: boolean; judge: JudgeModel | null; spill: string | null; headroomMb: number } | null = null;

port.on('message', (message: { init: WorkerInit } | { corpusCountries: [string, number][] }) => {
  if ('init' in message) {
    const { places, notPlaces, gazetteer, explain, judge, folder, spill, headroomMb } = message.init;
    // Read from its file at each reading (twice in all), so that the texts are never all held.
    const corpus = folder === null ? message.init.corpus : message.init.corpus.map(({ article }) => ({ article, get text() { return readArticleText(folder, article.file); } }));
    const finder = createPlaceFinder(places, gazetteer ? loadGazetteer() : null, { notPlaces });
    // Spilling, memory counts more than the time of a second scan.
    const { scans, countries } = firstReading(finder, corpus, spill === null ? {} : { keepScans: false, onRead: createHeapGovernor(headroomMb) });
    state = { finder, corpus, scans, explain, judge, spill, headroomMb };
    port.postMessage({ countries });
  } else {
    const { finder, corpus, scans, explain, judge, spill: file, headroomMb } = state!;
    const counts = new Map(message.corpusCountries);
    const spill = file === null ? undefined : new SpillWriter(file);
    const parts = secondReading(finder, corpus, scans, counts, { explain, judging: judge ? { judge } : undefined, spill, onRead: spill && createHeapGovernor(headroomMb) });
    spill?.close();
    port.postMessage({ parts });
  }
});
