#!/usr/bin/env node
import { CORPUS_OPTIONS, inputErrorStatus, readCommandLine } from '../ingest/cli/command-line.ts';
import { InputError, formatProblem } from '../core/validate.ts';
import { readJudgeFile } from '../ingest/judge/model-file.ts';
import { REVIEW_APP, builtApp } from './built-app.ts';
import { startReviewServer } from './server.ts';
import { openSession } from './session.ts';

const USAGE = `usage: npm run review -- [--articles data/articles.json] [--places geo/places.geojson] [--port 4174] [--no-judge] [--app DIR]
Ingests the corpus (with the judge, as npm run ingest does), builds the app (or reuses ${REVIEW_APP}) and serves it
on http://127.0.0.1:PORT/ with editing on: Right, Wrong, Move and Date beside every event, Accept, Choose another and
Reject beside every place under review, and Undo. What is decided goes to corrections.json beside articles.json (and
settled places to the places file), and events.json is written again after every change. --port 0 takes a free port.`;

async function main(argv: string[]): Promise<number> {
  const values = readCommandLine(argv, {
    ...CORPUS_OPTIONS,
    port: { type: 'string', default: '4174' },
    'no-judge': { type: 'boolean', default: false },
    app: { type: 'string' }, // a built app to serve as it is (the tests' build), instead of building one
  } as const, USAGE);
  if (typeof values === 'number') return values;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port: "${values.port}" must be a port number (0 for a free one)\n${USAGE}\n`);
    return 1;
  }
  try {
    const judge = values['no-judge'] ? null : readJudgeFile();
    const corpus = { articles: values.articles, places: values.places };
    const session = openSession(corpus, judge);
    const run = session.run();
    process.stderr.write(`ingested ${run.count} events from ${run.report.length} articles into ${session.paths.events}; ${run.corrections.checked} checked by a person\n`);
    for (const problem of run.corrections.unmatched) process.stderr.write(`${formatProblem(problem)}\n`);
    const app = values.app ?? (await builtApp(corpus, REVIEW_APP, (line) => process.stderr.write(`${line}\n`)));
    const server = await startReviewServer(session, app, port).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') throw new InputError([{ file: '(command line)', field: '--port', message: `${port} ${error.code === 'EADDRINUSE' ? 'is in use' : 'may not be used'}: give another with --port N (0 for a free one)` }]);
      throw error;
    });
    process.stdout.write(`${server.url}\n`);
    process.stderr.write(`Review on the map at ${server.url} (this run's token is in the page it serves: writes without it are refused). Ctrl-C stops.\n`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return 0;
  } catch (error) {
    return inputErrorStatus(error);
  }
}

const status = await main(process.argv.slice(2));
if (status !== 0) process.exitCode = status;
