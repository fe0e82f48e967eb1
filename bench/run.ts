import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { parseDay } from '../src/core/day.ts';
import { CATEGORIES } from '../src/core/model.ts';
import { launchChromium, recordFirstIdle, serveBuiltApp } from './browser.ts';
import { measureAddFigures } from './add.ts';
import { measureBundle } from './bundle-size.ts';
import { measureDisagreements } from './disagreements.ts';
import { measureExportFigures } from './export.ts';
import { measureIngestFigures } from './ingest.ts';
import { measureParquetFigures } from './parquet.ts';
import { measureQueueFigures } from './queue.ts';
import { median, p95, round } from './stats.ts';
import { createSyntheticCorpus, writeSyntheticCorpus } from './synthetic-corpus.ts';

// `npm run bench`: builds the app on a generated million-event dataset, drives it in headless Chromium, runs the
// ingest on synthetic articles, and prints a table, then one JSON line. Deterministic data from SEED.

const SEED = 20140623;
const EVENTS = 1_000_000;
const PLACES = 20_000;
const STEPS = 200;
const OPEN_PLACE_EVENTS = 500;


/** Synthetic key presses on a date handle, each timed from dispatch to the end of the synchronous work it causes. */
async function scrub(page: Page): Promise<{ times: number[]; statuses: string[] }> {
  return page.evaluate(async (steps) => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const times: number[] = [];
    const statuses: string[] = [];
    for (let i = 0; i < steps; i++) {
      const handle = document.querySelector(`[role="slider"][aria-label="${i < steps / 2 ? 'End date' : 'Start date'}"]`)!;
      const started = performance.now();
      handle.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
      times.push(performance.now() - started);
      statuses.push(document.querySelector('[role="status"]')!.textContent!);
      await frame();
      await frame();
    }
    return { times, statuses };
  }, STEPS);
}

/**
 * Turns a filter on the way a person does, and times it from the click (or Enter) until the live count says it is
 * applied: a kind clicked in the legend, or words submitted in the quote search (the first search fetches the quotes).
 */
async function applyFilter(page: Page, how: { kind: string } | { query: string }): Promise<number> {
  return page.evaluate(async (how) => {
    const status = document.querySelector('[role="status"]')!;
    const applied = () => /\(filtered\)$/.test(status.textContent!) && status.getAttribute('aria-busy') !== 'true';
    const before = status.textContent;
    const started = performance.now();
    if ('kind' in how) {
      [...document.querySelectorAll<HTMLButtonElement>('section.legend button')].find((b) => b.textContent === how.kind)!.click();
    } else {
      const field = document.querySelector<HTMLInputElement>('input[aria-label="Search quotes"]')!;
      field.value = how.query;
      field.form!.requestSubmit();
    }
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (applied() && status.textContent !== before) {
          observer.disconnect();
          clearTimeout(timeout);
          resolve();
        }
      };
      const observer = new MutationObserver(check);
      const timeout = setTimeout(() => reject(new Error(`the filter ${JSON.stringify(how)} did not change the count (${status.textContent})`)), 120_000);
      observer.observe(status, { childList: true, subtree: true, characterData: true, attributes: true });
      check();
    });
    return performance.now() - started;
  }, how);
}

/**
 * The same steps done the common way: an array of event objects filtered for each window, counted per place, and
 * every place's feature handed to a clustered GeoJSON source with setData.
 */
async function naiveScrub(page: Page, from: number, to: number): Promise<number[]> {
  return page.evaluate(
    async ({ steps, from, to }) => {
      const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const rows = (await (await fetch('naive-events.json')).json()) as [string, number, number, number][];
      const events = rows.map(([place, start, end, category]) => ({ place, start, end, category }));
      const meta = (await (await fetch('data/meta.json')).json()) as { places: { id: string; name: string; lngLat: [number, number] }[] };
      const colors = ['#0072b2', '#56b4e9', '#d55e00', '#009e73', '#cc3d8f', '#e69f00', '#999933', '#332288', '#882255', '#44aa99', '#7a7a7a'];
      const map = window.map!;
      map.addSource('naive', { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, cluster: true, clusterRadius: 30, clusterMaxZoom: 13, clusterProperties: { events: ['+', ['get', 'count']] } });
      map.addLayer({ id: 'naive', type: 'circle', source: 'naive', paint: { 'circle-opacity': 0.01 } });
      const source = map.getSource('naive') as unknown as { setData(data: unknown): void };
      const times: number[] = [];
      const w = { from, to };
      for (let i = 0; i < steps; i++) {
        if (i < steps / 2) w.to++;
        else w.from++;
        const started = performance.now();
        const tallies = new Map<string, { count: number; uncertain: number; categories: number[] }>();
        for (const e of events.filter((e) => e.start <= w.to && e.end >= w.from)) {
          let t = tallies.get(e.place);
          if (!t) tallies.set(e.place, (t = { count: 0, uncertain: 0, categories: [0, 0, 0, 0, 0, 0, 0] }));
          t.count++;
          if (e.end > e.start) t.uncertain++;
          t.categories[e.category]++;
        }
        const features = meta.places.map((p, id) => {
          const t = tallies.get(p.id);
          const dominant = t ? t.categories.indexOf(Math.max(...t.categories)) : -1;
          return {
            type: 'Feature',
            id,
            geometry: { type: 'Point', coordinates: p.lngLat },
            properties: { id: p.id, name: p.name, count: t?.count ?? 0, radius: t ? 3 + Math.sqrt(t.count) : 4, color: dominant >= 0 ? colors[dominant] : '#9a948a', uncertain: t && t.uncertain === t.count ? 1 : 0 },
          };
        });
        source.setData({ type: 'FeatureCollection', features });
        times.push(performance.now() - started);
        await frame();
        await frame();
      }
      return times;
    },
    { steps: STEPS, from, to },
  );
}

/**
 * Opens a place from the list (found by name first), from a settled page, and times the click until its quotes are in
 * the page and the frame that draws them has been drawn.
 */
/**
 * The list of events by date over the whole million: its tab chosen (timed until the first rows and their quote
 * openings show), then scrolled a screenful at a time, each step timed from the scroll to the end of the synchronous
 * work it causes (the rows in view drawn again), as the window steps are.
 */
async function scrollEventList(page: Page): Promise<{ openMs: number; times: number[]; caption: string }> {
  return page.evaluate(async (steps) => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const started = performance.now();
    document.querySelector<HTMLButtonElement>('[role="tab"]#list-tab-events')!.click();
    while (!document.querySelector('.event-row .row-quote bdi')) await frame();
    const openMs = performance.now() - started;
    const scroller = document.querySelector<HTMLElement>('.event-scroller')!;
    const times: number[] = [];
    for (let i = 0; i < steps; i++) {
      const t = performance.now();
      scroller.scrollTop += scroller.clientHeight;
      scroller.dispatchEvent(new Event('scroll'));
      times.push(performance.now() - t);
      await frame();
      await frame();
    }
    return { openMs, times, caption: document.querySelector('.list-caption')!.textContent! };
  }, STEPS);
}

async function openPlace(page: Page, name: string, expected: number): Promise<number> {
  const ms = await page.evaluate(
    async ({ name, expected }) => {
      const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      // From a settled page: the map has drawn everything asked of it (a frame, then the idle that follows it) ...
      await new Promise<void>((resolve) => {
        window.map!.once('idle', () => resolve());
        window.map!.triggerRepaint();
      });
      const search = document.querySelector<HTMLInputElement>('input[aria-label="Find a place"]')!;
      search.value = name;
      search.dispatchEvent(new Event('input', { bubbles: true }));
      // ... and the list found by typing has been drawn, as it has when a person clicks in it.
      await frame();
      await frame();
      const button = [...document.querySelectorAll<HTMLButtonElement>('nav[aria-label="Places"] button')].find((b) => b.querySelector('.name bdi')?.textContent === name)!;
      const started = performance.now();
      button.click();
      await new Promise<void>((resolve) => {
        const check = () => {
          if (document.querySelectorAll('aside.sources ol.events > li').length >= expected) {
            observer.disconnect();
            resolve();
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true });
        check();
      });
      // The frame begins (its animation callbacks run), then is laid out and painted; a task queued after it runs
      // once it has been.
      await frame();
      await new Promise<void>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
      return performance.now() - started;
    },
    { name, expected },
  );
  await page.keyboard.press('Escape');
  await page.getByRole('complementary', { name: 'Sources' }).waitFor({ state: 'detached' });
  return ms;
}

/**
 * The Export dialog's CSV of every event shown, in the million-event app: from the click on Download CSV to the file
 * handed to the browser, the page's heap (JS heap and its backing stores) sampled every 200 ms meanwhile; its peak
 * over the heap before. The page must show the whole million (All dates, no filter).
 */
async function exportInBrowser(page: Page, cdp: CDPSession): Promise<{ ms: number; peakHeapMB: number; status: string }> {
  const heapNow = async () => {
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    return heap.usedSize + (heap.backingStorageSize ?? 0);
  };
  await cdp.send('HeapProfiler.collectGarbage');
  const before = await heapNow();
  const share = page.getByRole('button', { name: 'Share' });
  if ((await share.getAttribute('aria-expanded')) !== 'true') await share.click();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export what you see' });
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await heapNow());
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  const started = performance.now();
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), dialog.getByRole('button', { name: 'Download CSV' }).click()]);
  const ms = performance.now() - started;
  sampling = false;
  await sampler;
  await file.delete();
  const status = (await page.getByRole('status').first().textContent()) ?? '';
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { ms, peakHeapMB: (peak - before) / 2 ** 20, status };
}

/** Writes the million-event corpus and what the browser part needs of it; the records are not kept. */
function prepareMillion() {
  const corpus = createSyntheticCorpus({ events: EVENTS, places: PLACES, seed: SEED });
  const written = writeSyntheticCorpus(corpus);
  const naive = JSON.stringify(corpus.events.map((e) => [e.place, parseDay(e.start)!, parseDay(e.end)!, CATEGORIES.indexOf(e.category)]));
  const totals = new Map<string, number>();
  for (const e of corpus.events) totals.set(e.place, (totals.get(e.place) ?? 0) + 1);
  // Three places with about 500 events each.
  const near500 = [...totals]
    .sort((a, b) => Math.abs(a[1] - OPEN_PLACE_EVENTS) - Math.abs(b[1] - OPEN_PLACE_EVENTS))
    .slice(0, 3)
    .map(([id, count]) => ({ name: corpus.places.find((p) => p.id === id)!.properties.name, count }));
  const disagreements = measureDisagreements(corpus.events);
  return { written, naive, near500, disagreements };
}

/** Runs Vite in a process of its own (so that this one's heap and garbage collector stay out of the measures). */
function vite(args: string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, ['node_modules/vite/bin/vite.js', ...args], { env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=8192', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function serveInChild(outDir: string): Promise<{ url: string; close(): void }> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const child = vite(['preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1']);
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) break;
    if (i > 300 || child.exitCode !== null) throw new Error('vite preview did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, close: () => child.kill() };
}

async function measureMillion() {
  const { written, naive, near500, disagreements } = prepareMillion();
  const outDir = join(written.dir, 'dist');
  const buildStarted = performance.now();
  const build = vite(['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { DATELINES_DATA: written.data, DATELINES_PLACES: written.places });
  const code = await new Promise<number | null>((resolve) => build.on('exit', resolve));
  if (code !== 0) throw new Error(`the million-event build failed (${code})`);
  const buildMs = performance.now() - buildStarted;
  writeFileSync(join(outDir, 'naive-events.json'), naive);

  const served = await serveInChild(outDir);
  // The generated records are garbage by now: collect them before the browser runs, not while it does.
  (globalThis as { gc?: () => void }).gc?.();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(recordFirstIdle);
    const from = '2015-03-01';
    const to = '2015-03-31';
    await page.goto(`${served.url}#from=${from}&to=${to}`);
    const loadMs = (await (await page.waitForFunction(() => (window as unknown as { firstIdle?: number }).firstIdle, null, { timeout: 180_000 })).jsonValue()) as number;
    const status = await page.getByRole('status').textContent();
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    const heapMB = (heap.usedSize + (heap.backingStorageSize ?? 0)) / 2 ** 20;
    const ours = await scrub(page);
    // The same steps with a category filter on (a fraction of the events counted, every one still walked), then
    // the text search, the first time with the quotes' fetch.
    const filterMs = await applyFilter(page, { kind: 'Attack' });
    const filtered = await scrub(page);
    const searchFirstMs = await applyFilter(page, { query: 'bagh' });
    const searchAgainMs = await applyFilter(page, { query: 'kind attack' });
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForFunction(() => !document.querySelector('[role="status"]')!.textContent!.includes('filter'));
    const opened: number[] = [];
    await page.getByRole('button', { name: 'All dates' }).click();
    for (const { name, count } of near500) opened.push(await openPlace(page, name, count));
    await page.keyboard.press('Escape');
    const list = await scrollEventList(page);
    const listScrub = await scrub(page); // the same window steps with the list of events by date showing
    const naive = await naiveScrub(page, parseDay(from)!, parseDay(to)!);
    await page.getByRole('button', { name: 'All dates' }).click();
    const exported = await exportInBrowser(page, cdp);
    await context.close();
    return { loadMs, status, heapMB, heap, ours, filterMs, filtered, searchFirstMs, searchAgainMs, naive, opened, near500, list, listScrub, buildMs, disagreements, exported };
  } finally {
    await browser.close();
    served.close();
    rmSync(written.dir, { recursive: true, force: true });
  }
}

/** Page open → map idle on the built five-article app, median of three fresh browser contexts. */
async function measureSeedIdle(): Promise<number[]> {
  const served = await serveBuiltApp();
  const browser = await launchChromium();
  const runs: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(recordFirstIdle);
      await page.goto(served.url);
      runs.push((await (await page.waitForFunction(() => (window as unknown as { firstIdle?: number }).firstIdle)).jsonValue()) as number);
      await context.close();
    }
  } finally {
    await browser.close();
    await served.close();
  }
  return runs;
}

const bundle = measureBundle('dist'); // built by `npm run bench` before this runs: the five-article app
const seedRuns = await measureSeedIdle();
const ingest = measureIngestFigures();
const add = measureAddFigures();
const queue = await measureQueueFigures(); // null without redis-server
const parquet = await measureParquetFigures();
const million = await measureMillion();
const exported = await measureExportFigures();

const result = {
  events: EVENTS,
  places: PLACES,
  loadMs: Math.round(million.loadMs),
  scrubP95Ms: round(p95(million.ours.times), 2),
  filteredScrubP95Ms: round(p95(million.filtered.times), 2),
  filterApplyMs: Math.round(million.filterMs),
  searchFirstMs: Math.round(million.searchFirstMs),
  searchAgainMs: Math.round(million.searchAgainMs),
  naiveScrubP95Ms: round(p95(million.naive), 1),
  heapMB: Math.round(million.heapMB),
  openPlaceMs: Math.round(median(million.opened)),
  eventListOpenMs: Math.round(million.list.openMs),
  eventListScrollP95Ms: round(p95(million.list.times), 2),
  eventListScrubP95Ms: round(p95(million.listScrub.times), 2),
  disagreementsMs: round(million.disagreements.ms, 1),
  exportMillionMs: exported.exportMillionMs,
  exportPeakHeapMB: exported.exportPeakHeapMB,
  exportMillionBrowserMs: Math.round(million.exported.ms),
  exportBrowserPeakHeapMB: Math.round(million.exported.peakHeapMB),
  ingestArticlesPerSec: ingest.articlesPerSec,
  judgedArticlesPerSec: ingest.judgedArticlesPerSec,
  judgeLoadMs: ingest.judgeLoadMs,
  ingestLinearity: ingest.linearity,
  gazetteerLoadMs: ingest.gazetteerLoadMs,
  ingestPeakMB: ingest.peakMB,
  ingestParallelSpeedup: ingest.parallelSpeedup,
  ingestLongArticleMs: ingest.longArticleMs,
  ingestNameList4kMs: ingest.listOf4kMs,
  queueWorkersSpeedup: queue?.queueWorkersSpeedup ?? null,
  queueWorkerRateRatio: queue?.oneWorkerRateRatio ?? null,
  parquetBytesPerEvent: parquet.bytesPerEvent,
  parquetWriteMs: parquet.writeMs,
  parquetPlaceMonthMs: parquet.perPlaceMonthMs,
  addArticlesPerSec: add.tenKPerSec,
  addArticlesPerSec1k: add.oneKPerSec,
  addLinearity: add.linearity,
  seedIdleMs: Math.round(median(seedRuns)),
  appJsGzipKB: bundle.appJsGzipKB,
  citationJsGzipKB: bundle.citationJsGzipKB,
  basemapGzipKB: bundle.basemapGzipKB,
};

const rows: [string, string, string][] = [
  ['1M events / 20k places: page open → map idle, all counted', `${result.loadMs} ms`, '≤ 3000 ms'],
  ['  status at load; after the 200 steps', `${million.status}; ${million.ours.statuses.at(-1)}`, ''],
  ['window step, main thread, p95 of 200 (median)', `${result.scrubP95Ms} ms (${round(median(million.ours.times), 2)} ms)`, '≤ 8 ms'],
  ['window step, a category filter on, p95 (median)', `${result.filteredScrubP95Ms} ms (${round(median(million.filtered.times), 2)} ms); ${million.filtered.statuses.at(-1)}`, '≤ 8 ms'],
  ['turn the category filter on: click → count applied', `${result.filterApplyMs} ms`, ''],
  ['search the quotes: first (fetch included) / again', `${result.searchFirstMs} / ${result.searchAgainMs} ms`, ''],
  ['same steps, filter array + setData, p95 (median)', `${result.naiveScrubP95Ms} ms (${round(median(million.naive), 1)} ms)`, `×${round(result.naiveScrubP95Ms / result.scrubP95Ms, 0)} ours`],
  ['JS heap after load (used + array buffers)', `${result.heapMB} MB (${Math.round(million.heap.usedSize / 2 ** 20)} + ${Math.round((million.heap.backingStorageSize ?? 0) / 2 ** 20)})`, '≤ 500 MB'],
  ['open a place with ~500 events → quotes drawn, median of 3', `${result.openPlaceMs} ms (${million.opened.map((ms, i) => `${Math.round(ms)} ms/${million.near500[i].count}`).join(', ')})`, '≤ 200 ms'],
  ['events by date, all dates: tab → rows with quotes', `${result.eventListOpenMs} ms; ${million.list.caption}`, ''],
  ['events by date: a screenful scrolled, p95 of 200 (median)', `${result.eventListScrollP95Ms} ms (${round(median(million.list.times), 2)} ms)`, '≤ 8 ms'],
  ['window step with the events by date showing, p95 (median)', `${result.eventListScrubP95Ms} ms (${round(median(million.listScrub.times), 2)} ms)`, '≤ 8 ms'],
  ['disagreements at the busiest place, median of 5', `${result.disagreementsMs} ms (${million.disagreements.events} events, ${million.disagreements.pairs} pairs)`, ''],
  ['export 1M events as CSV in chunks (citations built as written): time, peak heap', `${result.exportMillionMs} ms, ${result.exportPeakHeapMB} MB (a ${exported.exportMillionMB} MB file)`, ''],
  ['the same from the Export dialog of the million-event app (All dates): time, peak heap of the page', `${result.exportMillionBrowserMs} ms, ${result.exportBrowserPeakHeapMB} MB (${million.exported.status})`, ''],
  ['gazetteer ready (fresh process, median of 3)', `${result.gazetteerLoadMs} ms`, '≤ 1000 ms'],
  ['ingest 1,000 / 10,000 articles (~4 kB), gazetteer on, one core', `${Math.round(ingest.oneKMs)} / ${Math.round(ingest.tenKMs)} ms`, ''],
  ['ingest throughput, linearity (10k time / 1k time)', `${result.ingestArticlesPerSec} articles/s, ×${result.ingestLinearity}`, '≥ 500/s, ≈ ×10'],
  ['ingest with the judge, 1,000 / 10,000 articles, one core', `${ingest.judgedOneKMs} / ${ingest.judgedTenKMs} ms: ${result.judgedArticlesPerSec} articles/s`, '≥ 500/s'],
  ["the judge's weights read and checked (fresh process, median of 3)", `${result.judgeLoadMs} ms`, '≤ 200 ms'],
  ['npm run ingest, 10,000 articles: 1 thread / 2 threads', `${ingest.oneThreadMs} / ${ingest.twoThreadsMs} ms (×${result.ingestParallelSpeedup})`, '≥ ×1.7'],
  ['npm run ingest --queue, 10,000 articles: 1 worker / 2 workers', queue ? `${queue.oneWorkerMs} / ${queue.twoWorkersMs} ms (×${queue.queueWorkersSpeedup})` : 'redis-server not installed', '≥ ×1.7'],
  ['  one worker against the in-process ingest (1 thread), whole runs', queue ? `${queue.oneWorkerMs} against ${queue.inProcessMs} ms: ×${queue.oneWorkerRateRatio} its rate` : '', '≥ ×0.85'],
  ['1M events as Parquet: size, write; DuckDB per place per month / day', `${Math.round(parquet.bytes / 2 ** 20)} MB (${parquet.bytesPerEvent} B an event), ${parquet.writeMs} ms; ${parquet.perPlaceMonthMs} ms → ${parquet.placeMonthCells} cells / ${parquet.perPlaceDayMs} ms → ${parquet.placeDayCells} cells`, ''],
  ['one ~10 MB article (the size limit), gazetteer on', `${ingest.longArticleMs} ms`, 'linear: ≈ 2,500 × one 4 kB article'],
  ['one sentence listing 1,000 / 4,000 place names', `${ingest.listOf1kMs} / ${ingest.listOf4kMs} ms`, 'linear: ≈ ×4 (was cubic: 4,000 took 124 s)'],
  ['npm run add, 1,000 / 10,000 text files (~4 kB) into a new corpus', `${add.oneKMs} / ${add.tenKMs} ms: ${result.addArticlesPerSec1k} / ${result.addArticlesPerSec} files/s, ×${result.addLinearity}`, 'linear: ≈ ×10 (was quadratic: 2,000 took 60 s)'],
  ['npm run ingest, 10,000 articles: peak memory (max RSS)', `${result.ingestPeakMB} MB`, '≤ 500 MB'],
  ['five-article app: page open → map idle, median of 3', `${result.seedIdleMs} ms (${seedRuns.map(Math.round).join(', ')})`, '≤ 1500 ms'],
  ['app JS (not maplibre) / basemap, gzip', `${result.appJsGzipKB} kB / ${result.basemapGzipKB} kB (maplibre ${bundle.maplibreJsGzipKB} kB; Citation.js on first Cite ${bundle.citationJsGzipKB} kB)`, '≤ 60 / ≤ 150 kB'],
  ['build of the million-event app (compile included)', `${Math.round(million.buildMs / 1000)} s`, ''],
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`${'what'.padEnd(width)}  ${'measured'.padEnd(40)}  target`);
for (const [what, value, target] of rows) console.log(`${what.padEnd(width)}  ${value.padEnd(40)}  ${target}`);
console.log(JSON.stringify(result));
