#!/usr/bin/env node
import { availableParallelism } from 'node:os';
import { createProgress } from '../add/report.ts';
import { CORPUS_OPTIONS, inputErrorStatus, readCommandLine } from './command-line.ts';
import { ingestFilesInParallel, summaryOf, type IngestSummary } from '../run/files.ts';
import type { ArticleReport } from '../run/pipeline.ts';
import { formatProblem } from '../../core/validate.ts';
import { readJudgeFile } from '../judge/model-file.ts';
import { placesCommand } from '../places/places-review.ts';
import { ingestFilesThroughQueue, type QueuedRun } from '../queue/queued-ingest.ts';
import { queueProgressLine } from '../queue/queue-progress.ts';

/** The queued run, as the in-process one reports it. */
async function queued(...args: Parameters<typeof ingestFilesThroughQueue>): Promise<IngestSummary & Pick<QueuedRun, 'poisoned'>> {
  const run = await ingestFilesThroughQueue(...args);
  return { ...summaryOf(run), poisoned: run.poisoned };
}

const USAGE = 'usage: npm run ingest -- [--articles data/articles.json] [--places geo/places.geojson] [--out data/events.json] [--no-gazetteer] [--no-judge] [--threads N | --queue redis://HOST:PORT [--tries N] [--backoff-ms MS]] [--parquet DIR] [--explain] [--verbose] [--quiet]';

async function main(argv: string[]): Promise<number> {
  const values = readCommandLine(argv, {
    ...CORPUS_OPTIONS,
    out: { type: 'string', default: 'data/events.json' },
    'no-gazetteer': { type: 'boolean', default: false },
    'no-judge': { type: 'boolean', default: false }, // the rules alone decide: no confidence, no threshold
    explain: { type: 'boolean', default: false },
    threads: { type: 'string', default: '0' }, // 0: one per core, for corpora large enough to gain from it
    queue: { type: 'string' }, // redis://HOST:PORT: the articles are read by `npm run worker`s on that queue
    tries: { type: 'string', default: '3' }, // with --queue: a worker's tries of an article before it is poisoned
    parquet: { type: 'string' }, // a folder for the events as Parquet too, by publication month (npm run query reads it)
    'backoff-ms': { type: 'string', default: '1000' }, // with --queue: wait before a second try, doubled for each further one
    quiet: { type: 'boolean', short: 'q', default: false },
    verbose: { type: 'boolean', short: 'v', default: false }, // each article's lines: its events, names, what was not recognised
  } as const, USAGE);
  if (typeof values === 'number') return values;
  const asked = Number(values.threads);
  if (!Number.isInteger(asked) || asked < 0) {
    process.stderr.write(`--threads: must be a whole number (0 for one per core)\n${USAGE}\n`);
    return 1;
  }
  for (const flag of ['tries', 'backoff-ms'] as const) {
    if (!/^\d+$/.test(values[flag]) || (flag === 'tries' && Number(values[flag]) < 1)) {
      process.stderr.write(`--${flag}: must be a whole number${flag === 'tries' ? ', 1 or more' : ''}\n${USAGE}\n`);
      return 1;
    }
  }
  // Each thread holds the gazetteer and its share of the texts: more threads than cores only cost memory.
  const threads = Math.min(asked, availableParallelism());
  if (threads < asked && !values.quiet) process.stderr.write(`--threads ${asked}: capped at ${threads}, the cores this machine has\n`);
  try {
    const judge = values['no-judge'] ? null : readJudgeFile(); // read first: a missing weights file stops the run before any work
    const paths = { articles: values.articles, places: values.places, out: values.out };
    let enqueued = 0; // when the articles began to go on the queue (its first progress, 0 done): the rate counts from there
    const line = values.queue === undefined ? (p: { done: number; total: number }) => `reading ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} articles` : (p: { done: number; total: number }) => queueProgressLine(p.done, p.total, Date.now() - (enqueued ||= Date.now()));
    const progress = createProgress({ isTTY: !values.quiet && process.stderr.isTTY, write: (text: string) => process.stderr.write(text) }, line);
    const onProgress = (done: number, total: number) => progress.update({ stage: 'reading', done, total });
    const run: IngestSummary & Partial<Pick<QueuedRun, 'poisoned'>> = values.queue === undefined
      ? await ingestFilesInParallel(paths, { gazetteer: !values['no-gazetteer'], threads, explain: values.explain, judge, parquet: values.parquet, onProgress })
      : await queued(paths, { queue: values.queue, gazetteer: !values['no-gazetteer'], explain: values.explain, judge, tries: Number(values.tries), backoffMs: Number(values['backoff-ms']), parquet: values.parquet, onProgress });
    progress.clear();
    if (values.verbose || values.explain) for (const article of run.report) process.stderr.write(formatReport(article, values.explain));
    const unreviewed = run.places.length;
    const review = placesCommand(['review'], { events: values.out, articles: values.articles, places: values.places }); // for this corpus, as typed
    const shown = judge ? `, ${run.shown} at or above the judge's threshold ${judge.threshold}` : '';
    process.stderr.write(`wrote ${run.count} events${shown} from ${run.report.length} articles to ${values.out}${values.parquet === undefined ? '' : ` (and as Parquet to ${values.parquet})`}${unreviewed ? `; ${unreviewed} ${unreviewed === 1 ? 'place' : 'places'} from the gazetteer ${unreviewed === 1 ? 'awaits' : 'await'} review (${review})` : ''}\n`);
    const c = run.corrections;
    if (c.checked || c.removed || c.unmatched.length) {
      process.stderr.write(`corrections: ${c.checked} of ${run.count} events checked by a person (${c.corrected} of them corrected), ${run.count - c.checked} unchecked, ${c.removed} removed as wrong\n`);
      for (const problem of c.unmatched) process.stderr.write(`${formatProblem(problem)}\n`);
    }
    if (!values.quiet && !values.verbose && !values.explain) {
      const none = run.report.filter((a) => a.events === 0).length;
      const unrecognised = run.report.reduce((n, a) => n + a.unrecognised.length, 0);
      const notes = [none ? `${none} of ${run.report.length} articles ${none === 1 ? 'gives' : 'give'} no event` : '', unrecognised ? `${unrecognised} ${unrecognised === 1 ? 'name' : 'names'} after "in", "at", "near"… ${unrecognised === 1 ? 'is' : 'are'} no place known` : ''].filter(Boolean);
      if (notes.length) process.stderr.write(`${notes.join('; ')}: --verbose lists each article's events and names, --explain why each mention was or was not an event\n`);
    }
    // A poisoned article is left out of what was written, and said: the run did not read the whole corpus.
    for (const p of run.poisoned ?? []) process.stderr.write(`${values.articles}: [${p.index}] ${p.article}: failed on every try, left out of ${values.out}: ${p.reason}\n`);
    return run.poisoned?.length ? 1 : 0;
  } catch (error) {
    return inputErrorStatus(error);
  }
}

/** One article's lines of the report: its events, how its names were settled, what was not recognised. */
export function formatReport(a: ArticleReport, explain: boolean): string {
  const lines = [`${a.article}: ${a.events} event${a.events === 1 ? '' : 's'}`];
  for (const n of a.names) {
    if (n.place === null && !explain) continue;
    lines.push(`  ${n.place === null ? 'not a place' : `"${n.name}" → ${n.place}`}${n.place === null ? `: "${n.name}" (${n.reason})` : ` (${n.reason})`}${n.runnersUp.length ? `; also possible: ${n.runnersUp.join(', ')}` : ''}`);
  }
  if (a.unrecognised.length) lines.push(`  not recognised as places: ${a.unrecognised.map((u) => `"${u}"`).join(', ')}`);
  if (explain) for (const r of a.rejected) lines.push(`  no event at ${r.place} ("${r.name}"): ${r.reason} — ${r.quote.replace(/\s+/g, ' ')}…`);
  return `${lines.join('\n')}\n`;
}

process.exitCode = await main(process.argv.slice(2));
