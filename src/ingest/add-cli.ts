#!/usr/bin/env node
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { addArticles, type AddOutcome } from './add/add-articles.ts';
import { InputError, formatProblem } from '../core/validate.ts';

const USAGE = 'usage: npm run add -- PATH... [--articles data/articles.json] [--published YYYY-MM-DD] [--outlet NAME] [--url URL] [--headline TEXT] [--force] [--quiet]';
const DEFAULT_ARTICLES = 'data/articles.json';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        articles: { type: 'string', default: DEFAULT_ARTICLES },
        published: { type: 'string' },
        outlet: { type: 'string' },
        url: { type: 'string' },
        headline: { type: 'string' },
        force: { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) {
    process.stderr.write(`name the web pages, texts or folders to add\n${USAGE}\n`);
    return 1;
  }
  try {
    const { outcomes, problems } = addArticles(positionals, { ...values, articles: values.articles });
    if (!values.quiet) for (const outcome of outcomes) process.stderr.write(describe(outcome));
    for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
    const changed = outcomes.filter((o) => o.status !== 'unchanged');
    const counts = `${count(outcomes, 'added')} added, ${count(outcomes, 'replaced')} replaced, ${count(outcomes, 'unchanged')} already there${problems.length ? `, ${problems.length} not added` : ''}`;
    process.stderr.write(`${values.articles}: ${counts}\n`);
    if (changed.length) {
      process.stdout.write(`${JSON.stringify(changed.map((o) => o.record), null, 2)}\n`);
      process.stderr.write(nextSteps(values.articles));
    }
    return problems.length ? 1 : 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    return 1;
  }
}

/** What to run next: the ingest, and for a corpus of its own, the app on it. */
function nextSteps(articles: string): string {
  if (articles === DEFAULT_ARTICLES) return 'next: npm run ingest, then npm start\n';
  const folder = dirname(articles);
  const places = join(folder, 'places.geojson');
  return `next: npm run ingest -- --articles ${articles} --places ${places} --out ${join(folder, 'events.json')}\n`
    + `then: DATELINES_DATA=${folder} DATELINES_PLACES=${places} npm start\n`;
}

function count(outcomes: readonly AddOutcome[], status: AddOutcome['status']): number {
  return outcomes.filter((o) => o.status === status).length;
}

/** One source's lines of the report: what became of it, and where each field of its record came from. */
export function describe(o: AddOutcome): string {
  const lines = [`${o.file}: ${o.status === 'unchanged' ? 'already in the corpus' : o.status} as ${o.record.id}`];
  if (o.status !== 'unchanged') lines.push(`  ${o.sources.join('; ')}`);
  for (const note of o.notes) lines.push(`  note: ${note}`);
  return `${lines.join('\n')}\n`;
}

process.exitCode = await main(process.argv.slice(2));
