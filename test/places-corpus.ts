import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { NO_PLACES, createTextCorpus } from './text-corpus.ts';

/** The compiled CLIs the `npm run ingest` and `npm run places` scripts run. */
export const INGEST = join(process.cwd(), 'build/cli/ingest/cli/ingest-cli.js');
export const PLACES = join(process.cwd(), 'build/cli/ingest/cli/places-cli.js');

/** A corpus of short texts of our own, published on one day, ingested once with no curated place; its folder. */
export function createIngested(texts: Record<string, string>, published: string): string {
  const { dir } = createTextCorpus(Object.entries(texts).map(([id, text]) => ({ id, text, published })), NO_PLACES);
  expect(ingest(dir).status).toBe(0);
  return dir;
}

/** `npm run ingest` on the corpus in `dir`, quietly, by the rules alone (the places loop is the judge's too; these tests fix its events). */
export function ingest(dir: string) {
  return spawnSync(process.execPath, [INGEST, '--articles', join(dir, 'articles.json'), '--places', join(dir, 'places.geojson'), '--out', join(dir, 'events.json'), '--quiet', '--no-judge'], { encoding: 'utf8' });
}

/** `npm run places -- ARGS` on the corpus in `dir`. */
export function places(dir: string, args: string[]) {
  const result = spawnSync(process.execPath, [PLACES, ...args, '--articles', join(dir, 'articles.json'), '--places', join(dir, 'places.geojson'), '--events', join(dir, 'events.json')], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A command the CLIs printed, run as a person pasting it into a shell would, npm run's scripts being the compiled CLIs. */
export function runPrinted(command: string) {
  const line = command.replace(/^npm run places(?: --)?/, `'${process.execPath}' '${PLACES}'`).replace(/^npm run ingest(?: --)?/, `'${process.execPath}' '${INGEST}'`);
  expect(line).not.toBe(command); // one of ours
  const result = spawnSync('sh', ['-c', line], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
