#!/usr/bin/env node
import { fork } from 'node:child_process';
import { readCommandLine } from './command-line.ts';
import { QUEUE_NAME, queueConnection, shownAddress } from '../queue/article-queue.ts';
import { startQueueWorker } from '../queue/queue-worker.ts';

const USAGE = 'usage: npm run worker -- --queue redis://HOST:PORT [--concurrency N] [--lock-ms MS] [--quiet]';

/**
 * `npm run worker`: reads the articles of the queue (see queue-worker.ts) until stopped (SIGTERM, SIGINT: the
 * article in hand is finished first). `--concurrency N` starts N worker processes, one article at a time each: the
 * pipeline is CPU-bound, so more jobs in one process would only take turns.
 */
async function main(argv: string[]): Promise<number> {
  const values = readCommandLine(argv, {
    queue: { type: 'string' },
    concurrency: { type: 'string', default: '1' },
    'lock-ms': { type: 'string', default: '30000' }, // a killed worker's article goes to another after about twice this
    quiet: { type: 'boolean', short: 'q', default: false },
  } as const, USAGE);
  if (typeof values === 'number') return values;
  const problems = [
    values.queue === undefined ? '--queue: give the Redis that holds the queue, redis://HOST:PORT' : '',
    wholeNumber(values.concurrency, 1) ? '' : '--concurrency: must be a whole number, 1 or more',
    wholeNumber(values['lock-ms'], 100) ? '' : '--lock-ms: must be a whole number of milliseconds, 100 or more',
  ].filter(Boolean);
  if (values.queue !== undefined) {
    try {
      queueConnection(values.queue);
    } catch (error) {
      problems.push(`--queue: ${(error as Error).message}`);
    }
  }
  if (problems.length) {
    process.stderr.write(`${problems.join('\n')}\n${USAGE}\n`);
    return 1;
  }
  const address = values.queue!;
  const concurrency = Number(values.concurrency);
  if (concurrency > 1) return supervise(concurrency, argv);
  const say = (line: string) => values.quiet || process.stderr.write(`${line}\n`);
  let gone = false;
  const worker = await startQueueWorker(address, {
    lockMs: Number(values['lock-ms']),
    onFailedTry: (article, attempt, tries, reason) => say(`worker ${process.pid}: ${article} failed (try ${attempt} of ${tries}): ${reason}`),
    onTrouble: (message) => say(`worker ${process.pid}: ${message}`),
    onGone: (message) => {
      gone = true;
      process.stderr.write(`${message}\n`);
      process.exit(1);
    },
  });
  say(`worker ${process.pid}: reading articles from queue ${QUEUE_NAME} on ${shownAddress(address)}`);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await worker.close();
  if (!gone) say(`worker ${process.pid}: read ${worker.read()} articles`);
  return 0;
}

/** N worker processes, each with --concurrency 1; a signal is passed on to each, and this ends when they all have. */
async function supervise(n: number, argv: string[]): Promise<number> {
  const args = argv.filter((a, i) => a !== '--concurrency' && argv[i - 1] !== '--concurrency' && !a.startsWith('--concurrency='));
  const children = Array.from({ length: n }, () => fork(process.argv[1], [...args, '--concurrency', '1'], { stdio: 'inherit' }));
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => children.forEach((c) => c.kill(signal)));
  const codes = await Promise.all(children.map((c) => new Promise<number>((resolve) => c.once('exit', (code) => resolve(code ?? 1)))));
  return Math.max(...codes);
}

function wholeNumber(text: string, least: number): boolean {
  return /^\d+$/.test(text) && Number(text) >= least;
}

process.exitCode = await main(process.argv.slice(2));
