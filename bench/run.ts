import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { EventIndex } from '../src/core/event-index.ts';
import { parseDay } from '../src/core/day.ts';
import { CATEGORIES, type Article, type MapEvent } from '../src/core/model.ts';
import { parsePlaces } from '../src/core/validate.ts';
import { createExtractor } from '../src/ingest/extract.ts';
import { createSyntheticCorpus } from '../test/synthetic-corpus.ts';
import { launchChromium, openApp, serveBuiltApp } from '../test/browser/harness.ts';
import { createSyntheticArticles } from './synthetic-articles.ts';

// `npm run bench`: measures what Datelines does today and prints a table, then one JSON line. Numbers the app
// cannot yet produce (loading a compiled million-event dataset in the browser) are null; see docs/scale.md.

const SEED = 20140623;

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
}

function measureIngest(count: number): number {
  const places = parsePlaces(readFileSync('geo/places.geojson', 'utf8'), 'geo/places.geojson');
  const articles = createSyntheticArticles(count, places.flatMap((p) => [p.name, ...p.aliases]), SEED);
  const extract = createExtractor(places);
  const published = parseDay('2014-06-24')!;
  const started = performance.now();
  for (const { id, text } of articles) {
    const article: Article = { id, file: `${id}.txt`, headline: id, outlet: 'bench', published, url: null };
    extract(article, text);
  }
  return performance.now() - started;
}

/** Per-step time to recount every place for a window moved by one day: the index, and one pass over the events. */
function measureCounting(events: MapEvent[]) {
  const index = new EventIndex(events);
  const start = parseDay('2014-06-01')!;
  const indexed: number[] = [];
  const naive: number[] = [];
  for (let step = 0; step < 200; step++) {
    const window = { from: start + step, to: start + step + 30 };
    let t = performance.now();
    index.countPlaces(window);
    indexed.push(performance.now() - t);
    t = performance.now();
    const counts = new Map<string, number>();
    for (const e of events.filter((e) => e.start <= window.to && e.end >= window.from)) counts.set(e.place, (counts.get(e.place) ?? 0) + 1);
    naive.push(performance.now() - t);
  }
  return { indexP95: p95(indexed), naiveP95: p95(naive) };
}

/** Page open → map idle on the built five-article app in headless Chromium, median of three fresh contexts. */
async function measureSeedIdle(): Promise<number> {
  const served = await serveBuiltApp();
  const browser = await launchChromium();
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const started = performance.now();
    await openApp(context, served.url);
    runs.push(performance.now() - started);
    await context.close();
  }
  await browser.close();
  await served.close();
  return Math.round(runs.sort((a, b) => a - b)[1]);
}

function gzipKB(paths: string[]): number {
  return Math.round(paths.reduce((sum, p) => sum + gzipSync(readFileSync(p)).length, 0) / 1024);
}

measureIngest(300); // warm-up, so that the 1,000-article run is not the JIT's
const oneK = measureIngest(1_000);
const tenK = measureIngest(10_000);
const synthetic = createSyntheticCorpus({ events: 1_000_000, places: 20_000, seed: SEED });
const events: MapEvent[] = synthetic.events.map((e) => ({ ...e, category: e.category as (typeof CATEGORIES)[number], start: parseDay(e.start)!, end: parseDay(e.end)!, dateBasis: 'stated', dateText: null }));
const heapBefore = process.memoryUsage().heapUsed;
const counting = measureCounting(events);
const seedIdle = await measureSeedIdle();
const assets = readdirSync('dist/assets').map((f) => `dist/assets/${f}`);
const require = createRequire(import.meta.url);

const result = {
  events: events.length,
  places: synthetic.places.length,
  loadMs: null,
  scrubP95Ms: null,
  naiveScrubP95Ms: null,
  countP95Ms: Math.round(counting.indexP95 * 100) / 100,
  naiveCountP95Ms: Math.round(counting.naiveP95 * 100) / 100,
  heapMB: null,
  nodeHeapMB: Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20),
  openPlaceMs: null,
  ingestArticlesPerSec: Math.round(10_000 / (tenK / 1000)),
  ingestLinearity: Math.round((tenK / oneK) * 100) / 100,
  seedIdleMs: seedIdle,
  appJsGzipKB: gzipKB(assets.filter((f) => /index-.*\.js$/.test(f))),
  basemapGzipKB: gzipKB([require.resolve('world-atlas/countries-50m.json')]),
};

console.log('what                                        value');
console.log(`ingest, 1,000 articles                      ${Math.round(oneK)} ms`);
console.log(`ingest, 10,000 articles                     ${Math.round(tenK)} ms (${result.ingestArticlesPerSec} articles/s, ×${result.ingestLinearity} for 10× the articles)`);
console.log(`recount 20,000 places, 1M events, p95        ${result.countP95Ms} ms with EventIndex, ${result.naiveCountP95Ms} ms filtering the array`);
console.log(`five-article corpus: page open → map idle, median of 3   ${seedIdle} ms`);
console.log(`app JS incl. maplibre + basemap, gzip        ${result.appJsGzipKB} kB; basemap alone ${result.basemapGzipKB} kB`);
console.log('not measured yet (the app loads embedded JSON, not a compiled million-event dataset): loadMs, scrubP95Ms, heapMB, openPlaceMs');
console.log(JSON.stringify(result));
