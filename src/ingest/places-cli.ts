#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InputError, formatProblem } from '../core/validate.ts';
import { reviewPlaces, type ReviewPaths } from './review.ts';
import { LockTimeoutError, withFileLock } from './file-lock.ts';

const USAGE = `usage: npm run places -- review [--events data/events.json] [--articles data/articles.json] [--places geo/places.geojson]
       npm run places -- accept ID [--as REF]    keep the place (or the candidate REF instead, e.g. geonames:2210247)
       npm run places -- reject NAME             the name is not a place in this corpus
Accepting appends the place to the curated file with its source; rejecting records the name under "notPlaces".
Run npm run ingest afterwards: every later ingest honours what was decided.`;

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        events: { type: 'string', default: 'data/events.json' },
        articles: { type: 'string', default: 'data/articles.json' },
        places: { type: 'string', default: 'geo/places.geojson' },
        as: { type: 'string' },
        note: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 1;
  }
  const { values, positionals } = parsed;
  const [action, target] = positionals;
  if (values.help || !action) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 1;
  }
  const paths: ReviewPaths = { events: values.events, articles: values.articles, places: values.places };
  try {
    const open = () => reviewPlaces(paths, (file) => readFileSync(file, 'utf8'));
    if (action === 'review') {
      process.stdout.write(open().describe());
      return 0;
    }
    if ((action === 'accept' || action === 'reject') && target) {
      // Read, decide and write the curated file holding its lock: decisions made at once all land.
      const message = lockedOrSaid(paths.places, () => {
        const review = open();
        return action === 'accept' ? review.accept(target, values.as ?? null) : review.reject(target, values.note ?? null);
      });
      process.stdout.write(`${message}\n`);
      return 0;
    }
    process.stderr.write(`${USAGE}\n`);
    return 1;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    return 1;
  }
}

/** `work` holding the file's lock; a lock held too long by another run is said as the file's problem. */
function lockedOrSaid<T>(file: string, work: () => T): T {
  try {
    return withFileLock(file, work);
  } catch (error) {
    if (error instanceof LockTimeoutError) throw new InputError([{ file, field: '(file)', message: error.message }]);
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
