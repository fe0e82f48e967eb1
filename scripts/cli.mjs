#!/usr/bin/env node
// Runs one of the pipeline's commands (ingest, add, places, eval, gazetteer, geoparse, train, review, worker, query) from build/cli, compiling the TypeScript
// sources first only when one of them is newer than the last compile (so a run without changes starts at once).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const COMMANDS = { ingest: 'ingest/cli/ingest-cli.js', add: 'ingest/cli/add-cli.js', places: 'ingest/cli/places-cli.js', eval: 'ingest/cli/eval-cli.js', gazetteer: 'ingest/cli/gazetteer-cli.js', geoparse: 'ingest/cli/geoparse-cli.js', train: 'ingest/cli/train-cli.js', review: 'review/review-cli.js', worker: 'ingest/cli/worker-cli.js', query: 'ingest/cli/query-cli.js' };
const [command, ...args] = process.argv.slice(2);
if (!COMMANDS[command]) {
  process.stderr.write(`usage: node scripts/cli.mjs ${Object.keys(COMMANDS).join('|')} [args]\n`);
  process.exit(1);
}
const stamp = join('build', 'cli', '.compiled');
const newest = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((t, e) => Math.max(t, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs), 0);
const sources = Math.max(...['src/core', 'src/io', 'src/ingest', 'src/data', 'src/review'].map(newest), statSync('src/csp.ts').mtimeMs, statSync('tsconfig.cli.json').mtimeMs);
if (!existsSync(stamp) || statSync(stamp).mtimeMs < sources) {
  const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.cli.json'], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  writeFileSync(stamp, '');
}
process.argv = [process.argv[0], join('build', 'cli', COMMANDS[command]), ...args];
await import(pathToFileURL(join('build', 'cli', COMMANDS[command])).href);
