#!/usr/bin/env node
import { CORPUS_OPTIONS, inputErrorStatus, readCommandLineWithOperands } from './command-line.ts';
import { decide, findPlaces, openReview, type ReviewPaths } from '../places/places-review.ts';

const USAGE = `usage: npm run places -- review [--events data/events.json] [--articles data/articles.json] [--places geo/places.geojson]
       npm run places -- accept ID [ID…] [--as REF]   keep the places (or, for one ID, the gazetteer entry REF instead, e.g. geonames:2210247)
       npm run places -- accept --all                 keep every place under review
       npm run places -- reject NAME [NAME…] [--note TEXT]   the names are not places in this corpus
       npm run places -- reject --all                 no place under review is a place (each of its spellings is recorded)
       npm run places -- add NAME --at LAT,LON [--kind town] [--country CC] [--id ID] [--alias NAME…] [--source TEXT]
       npm run places -- add NAME --as REF            a place by name, at a point (its country found from it when not given) or a gazetteer entry
       npm run places -- find NAME [--country CC]     the gazetteer's entries of a name, with their refs
accept, reject and add take --dry-run: say what the decision would change in the events, and write nothing.
The corpus flags (--events, --articles, --places) go with every command; the defaults are shown above.
Accepting or adding appends places to the curated file with their source; rejecting records names under "notPlaces".
Each decision says which events it takes away, brings or moves (the corpus ingested in memory with the new file);
run npm run ingest afterwards (with the same corpus flags) to write them.`;

function main(argv: string[]): number {
  const read = readCommandLineWithOperands(
    argv,
    {
      events: { type: 'string', default: 'data/events.json' },
      ...CORPUS_OPTIONS,
      as: { type: 'string' },
      note: { type: 'string' },
      all: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      at: { type: 'string' },
      kind: { type: 'string' },
      country: { type: 'string' },
      id: { type: 'string' },
      alias: { type: 'string', multiple: true },
      source: { type: 'string' },
    } as const,
    USAGE,
    { operands: true },
  );
  if (typeof read === 'number') return read;
  const { values, operands } = read;
  const [action, ...targets] = operands;
  if (!action) {
    process.stdout.write(`${USAGE}\n`);
    return 1;
  }
  const paths: ReviewPaths = { events: values.events, articles: values.articles, places: values.places };
  const dryRun = values['dry-run'];
  try {
    if (action === 'review' && targets.length === 0) {
      process.stdout.write(openReview(paths).describe());
      return 0;
    }
    if (action === 'find' && targets.length === 1) {
      process.stdout.write(findPlaces(targets[0], values.country ?? null, paths));
      return 0;
    }
    if (action === 'accept') {
      process.stdout.write(said(decide(paths, (review) => review.accept(targets, values.all, values.as ?? null), { dryRun })));
      return 0;
    }
    if (action === 'reject') {
      process.stdout.write(said(decide(paths, (review) => review.reject(targets, values.all, values.note ?? null), { dryRun })));
      return 0;
    }
    if (action === 'add' && targets.length === 1) {
      const spec = { name: targets[0], at: values.at, as: values.as, kind: values.kind, country: values.country, id: values.id, aliases: values.alias, source: values.source };
      process.stdout.write(said(decide(paths, (review) => review.add(spec), { dryRun, eventsOptional: true })));
      return 0;
    }
    const one = action === 'add' || action === 'find' ? `${action} takes one NAME (quote a name of several words)` : `unknown command "${action}"`;
    process.stderr.write(`${action === 'review' ? 'review takes no arguments' : one}\n${USAGE}\n`);
    return 1;
  } catch (error) {
    return inputErrorStatus(error);
  }
}

function said(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

process.exitCode = main(process.argv.slice(2));
