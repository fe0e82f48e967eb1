import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDay } from '../src/core/day.ts';
import { parsePlaces } from '../src/core/validate.ts';
import { ensureIndex, loadGazetteer } from '../src/ingest/gazetteer/gazetteer.ts';
import { readJudgeFile } from '../src/ingest/judge/model-file.ts';
import { runIngest } from '../src/ingest/run/pipeline.ts';
import { median } from './stats.ts';
import { createSyntheticArticles } from './synthetic-articles.ts';

// The ingest's figures: the gazetteer's load, throughput and linearity on one core with the gazetteer on, peak
// memory and the gain from worker threads (the CLI, in child processes, on 10,000 articles written to disk).

export interface IngestFigures {
  gazetteerLoadMs: number;
  oneKMs: number;
  tenKMs: number;
  articlesPerSec: number;
  linearity: number;
  peakMB: number;
  oneThreadMs: number;
  twoThreadsMs: number;
  parallelSpeedup: number;
  /** One article just under the size limit (~10 MB): its time, which must grow with its length, not its square. */
  longArticleMs: number;
  /** One sentence listing 1,000 and 4,000 place names ("…Mosul, Mosul, …"): its time must grow with its length. */
  listOf1kMs: number;
  listOf4kMs: number;
  /** The judge's weights read and checked in a fresh process (median of 3), and the ingest's throughput with it. */
  judgeLoadMs: number;
  judgedOneKMs: number;
  judgedTenKMs: number;
  judgedArticlesPerSec: number;
}

const SEED = 20140623;
const CLI = 'build/bench/src/ingest/cli/ingest-cli.js';

export function measureIngestFigures(): IngestFigures {
  ensureIndex();
  const gazetteerLoadMs = median([0, 1, 2].map(() => Number(spawnSync(process.execPath, ['--input-type=module', '-e', `const t = performance.now(); const { loadGazetteer } = await import('./build/bench/src/ingest/gazetteer/gazetteer.js'); loadGazetteer(); console.log(performance.now() - t);`], { encoding: 'utf8' }).stdout)));
  const places = parsePlaces(readFileSync('geo/places.geojson', 'utf8'), 'geo/places.geojson');
  const names = places.flatMap((p) => [p.name, ...p.aliases]);
  const gazetteer = loadGazetteer();
  const judgeLoadMs = median([0, 1, 2].map(() => Number(spawnSync(process.execPath, ['--input-type=module', '-e', `const { loadGazetteer } = await import('./build/bench/src/ingest/gazetteer/gazetteer.js'); loadGazetteer(); const t = performance.now(); const { readJudgeFile } = await import('./build/bench/src/ingest/judge/model-file.js'); readJudgeFile(); console.log(performance.now() - t);`], { encoding: 'utf8' }).stdout)));
  const judge = readJudgeFile();
  const time = (count: number, judged = false) => {
    const corpus = createSyntheticArticles(count, names, SEED).map(({ id, text }) => ({ article: { id, file: `${id}.txt`, headline: id, outlet: 'bench', published: parseDay('2014-06-24')!, url: null }, text }));
    const started = performance.now();
    runIngest(corpus, places, { gazetteer, judging: judged ? { judge } : undefined });
    return performance.now() - started;
  };
  time(300); // warm-up, so that the 1,000-article run is not the JIT's
  const oneKMs = time(1_000);
  const tenKMs = time(10_000);
  const judgedOneKMs = time(1_000, true);
  const judgedTenKMs = time(10_000, true);
  const long = createSyntheticArticles(2_400, names, SEED + 2).map((a) => a.text).join('\n');
  const longStarted = performance.now();
  runIngest([{ article: { id: 'long', file: 'long.txt', headline: 'long', outlet: 'bench', published: parseDay('2014-06-24')!, url: null }, text: long.slice(0, 10 * 1024 * 1024 - 1) }], places, { gazetteer });
  const longArticleMs = Math.round(performance.now() - longStarted);
  const list = (count: number) => {
    const text = `Fighting was reported in ${Array.from({ length: count }, (_, i) => names[i % names.length]).join(', ')} on Sunday.\n`;
    const started = performance.now();
    runIngest([{ article: { id: 'list', file: 'list.txt', headline: 'list', outlet: 'bench', published: parseDay('2014-06-24')!, url: null }, text }], places, { gazetteer });
    return Math.round(performance.now() - started);
  };
  const listOf1kMs = list(1_000);
  const listOf4kMs = list(4_000);

  const dir = mkdtempSync(join(tmpdir(), 'datelines-bench-ingest-'));
  try {
    mkdirSync(join(dir, 'articles'));
    const articles = createSyntheticArticles(10_000, names, SEED + 1);
    for (const { id, text } of articles) writeFileSync(join(dir, 'articles', `${id}.txt`), text);
    writeFileSync(join(dir, 'articles.json'), JSON.stringify(articles.map(({ id }) => ({ id, file: `articles/${id}.txt`, headline: id, outlet: 'bench', published: '2014-06-24', url: null }))));
    const cli = (threads: number) => {
      const started = performance.now();
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', `process.argv.splice(1, Infinity, 'cli', ...${JSON.stringify(['--articles', join(dir, 'articles.json'), '--places', 'geo/places.geojson', '--out', join(dir, `events-${threads}.json`), '--threads', String(threads), '--quiet'])}); await import('./${CLI}'); process.on('exit', () => console.log(process.resourceUsage().maxRSS));`], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`ingest failed: ${run.stderr}`);
      return { ms: performance.now() - started, peakMB: Number(run.stdout.trim().split('\n').at(-1)) / 1024 };
    };
    const one = cli(1);
    const two = cli(2);
    if (readFileSync(join(dir, 'events-1.json'), 'utf8') !== readFileSync(join(dir, 'events-2.json'), 'utf8')) throw new Error('one and two threads wrote different events');
    return {
      gazetteerLoadMs: Math.round(gazetteerLoadMs),
      oneKMs,
      tenKMs,
      articlesPerSec: Math.round(10_000 / (tenKMs / 1000)),
      linearity: Math.round((tenKMs / oneKMs) * 100) / 100,
      peakMB: Math.round(Math.max(one.peakMB, two.peakMB)),
      oneThreadMs: Math.round(one.ms),
      twoThreadsMs: Math.round(two.ms),
      parallelSpeedup: Math.round((one.ms / two.ms) * 100) / 100,
      longArticleMs,
      listOf1kMs,
      listOf4kMs,
      judgeLoadMs: Math.round(judgeLoadMs),
      judgedOneKMs: Math.round(judgedOneKMs),
      judgedTenKMs: Math.round(judgedTenKMs),
      judgedArticlesPerSec: Math.round(10_000 / (judgedTenKMs / 1000)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
