#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ingestFiles } from './files.ts';
import { InputError, formatProblem } from '../core/validate.ts';

const USAGE = 'usage: npm run ingest -- [--articles data/articles.json] [--places geo/places.geojson] [--out data/events.json]';

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        articles: { type: 'string', default: 'data/articles.json' },
        places: { type: 'string', default: 'geo/places.geojson' },
        out: { type: 'string', default: 'data/events.json' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 1;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const count = ingestFiles({ articles: values.articles, places: values.places, out: values.out });
    process.stderr.write(`wrote ${count} events to ${values.out}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
