#!/usr/bin/env node
import { dirname, join } from 'node:path';
import { inputErrorStatus, readCommandLineWithOperands } from './command-line.ts';
import { addArticles } from '../add/add-articles.ts';
import { createProgress, jsonReport, reportLines } from '../add/report.ts';
import { forTerminal, jsonForTerminal } from '../add/terminal.ts';

const USAGE = `usage: npm run add -- PATH... [--articles data/articles.json] [--published YYYY-MM-DD] [--outlet NAME] [--url URL] [--headline TEXT] [--force] [--verbose | --quiet] [--json]
  PATH          web pages (.html, .htm, .xhtml), texts (.txt, .text, .md, .markdown), or folders of them
  --articles    the corpus's articles.json (created, with its folder, when missing)
  --published, --outlet, --url, --headline   fill or override what the sources give
  --force       replace the record of an article already in the corpus with what was read now
  --verbose     each file's record, where each field was read, and its notes
  --quiet       only the problems and the summary line
  --json        each file's record and what became of it, as JSON on stdout`;
const DEFAULT_ARTICLES = 'data/articles.json';

async function main(argv: string[]): Promise<number> {
  const read = readCommandLineWithOperands(
    argv,
    {
      articles: { type: 'string', default: DEFAULT_ARTICLES },
      published: { type: 'string' },
      outlet: { type: 'string' },
      url: { type: 'string' },
      headline: { type: 'string' },
      force: { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
      json: { type: 'boolean', default: false },
    } as const,
    USAGE,
    { operands: true, escape: forTerminal },
  );
  if (typeof read === 'number') return read;
  const { values, operands: positionals } = read;
  if (positionals.length === 0) {
    process.stderr.write(`name the web pages, texts or folders to add\n${USAGE}\n`);
    return 1;
  }
  const progress = createProgress({ isTTY: !values.quiet && process.stderr.isTTY, write: (text: string) => process.stderr.write(text) });
  try {
    const { articles, quiet, verbose, json, ...flags } = values;
    const result = addArticles(positionals, { ...flags, articles, onProgress: progress.update });
    progress.clear();
    // Everything printed from a file or a file name goes through forTerminal: an article cannot drive the terminal.
    for (const line of reportLines(articles, result, { quiet, verbose }, nextSteps(articles))) process.stderr.write(`${forTerminal(line)}\n`);
    if (json) process.stdout.write(`${jsonForTerminal(JSON.stringify(jsonReport(articles, result), null, 2))}\n`);
    return result.problems.length ? 1 : 0;
  } catch (error) {
    progress.clear();
    return inputErrorStatus(error, forTerminal);
  }
}

/** What to run next: the ingest, and for a corpus of its own, the app on it. */
function nextSteps(articles: string): string[] {
  if (articles === DEFAULT_ARTICLES) return ['next: npm run ingest, then npm start'];
  const folder = dirname(articles);
  const places = join(folder, 'places.geojson');
  return [
    `next: npm run ingest -- --articles ${articles} --places ${places} --out ${join(folder, 'events.json')}`,
    `then: DATELINES_DATA=${folder} DATELINES_PLACES=${places} npm start`,
  ];
}

process.exitCode = await main(process.argv.slice(2));
