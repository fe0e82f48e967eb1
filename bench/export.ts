import { buildCitation, type Citation } from '../src/core/citation.ts';
import { parseDay } from '../src/core/day.ts';
import { collectBlob, csvParts } from '../src/core/export/index.ts';
import { CATEGORIES, type Article, type MapEvent } from '../src/core/model.ts';
import { createRandom } from './synthetic-corpus.ts';

const EVENTS = 1_000_000;
const ARTICLES = 50_000;
const PLACES = 20_000;

/**
 * Times the CSV export of a million-event window, as the Export dialog writes it: each event's citation built as its
 * chunk is drawn (buildCitation), the chunks collected into a Blob with a pause between slices of work. Reports the
 * time (ms) and the peak of the live JS heap above where it started (MB; sampled at every pause, after
 * a full collection every 50 chunks: run node with --expose-gc), and the
 * size of the file. The records stand for what the place files hold once fetched (they are made before timing).
 */
export async function measureExportFigures(seed = 20140623): Promise<{ exportMillionMs: number; exportPeakHeapMB: number; exportMillionMB: number }> {
  const random = createRandom(seed);
  const first = parseDay('2014-01-01')!;
  const articles: Article[] = Array.from({ length: ARTICLES }, (_, i) => ({ id: `article-${i}`, file: `articles/article-${i}.txt`, headline: `Headline number ${i}, with "quotes"`, outlet: `Outlet ${i % 40}`, published: first + (i % 3000), url: `https://example.org/news/${i}` }));
  const places = Array.from({ length: PLACES }, (_, i) => ({ id: `place-${i}`, name: `Place ${i}`, lngLat: [30 + random() * 30, 20 + random() * 20] as [number, number], reviewed: random() > 0.2 }));
  const events: { event: MapEvent; article: Article; place: (typeof places)[number] }[] = Array.from({ length: EVENTS }, (_, i) => {
    const article = articles[i % ARTICLES];
    const start = article.published - Math.floor(random() * 3);
    const event: MapEvent = { id: `${article.id}#${i}`, article: article.id, place: `place-${i % PLACES}`, start, end: start + (random() < 0.2 ? 1 + Math.floor(random() * 10) : 0), category: CATEGORIES[i % CATEGORIES.length], quote: `Event ${i}: militants, it was said, overran the town of Place ${i % PLACES} on Monday, "officials" said.`, quoteStart: 100 + (i % 5000), mentionStart: null, mentionEnd: null, dateBasis: 'stated', dateText: null, confidence: Math.round(random() * 100) / 100 };
    return { event, article, place: places[i % PLACES] };
  });
  const accessed = parseDay('2026-12-07')!;
  global.gc?.();
  const heap = () => process.memoryUsage().heapUsed; // the JS heap (a Blob's bytes are outside it, as in a browser)
  const before = heap();
  let peak = before;
  const started = performance.now();
  const citations = function* (): Generator<Citation> {
    for (const s of events) yield buildCitation({ ...s, permalink: `https://datelines.example/#from=2014-01-01&to=2022-12-31&place=${s.place.id}`, accessed });
  };
  const blob = await collectBlob(csvParts(citations()), {
    type: 'text/csv',
    pause: () => new Promise((resolve) => setImmediate(resolve)),
    onProgress: (chunks) => {
      if (chunks % 50 === 0) global.gc?.(); // the live heap, not garbage waiting for the collector
      peak = Math.max(peak, heap());
    },
  });
  const ms = performance.now() - started;
  peak = Math.max(peak, heap());
  return { exportMillionMs: Math.round(ms), exportPeakHeapMB: Math.round((peak - before) / 2 ** 20), exportMillionMB: Math.round(blob.size / 2 ** 20) };
}

// Run alone: node --expose-gc build/bench/bench/export.js
if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await measureExportFigures()));
