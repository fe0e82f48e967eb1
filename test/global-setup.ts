import { execFileSync } from 'node:child_process';
import { build } from 'vite';
import { chromiumProblem } from './browser/harness.ts';

/**
 * Checks that Chromium is there (else stops at once, with one line saying what is missing), compiles the ingest CLI,
 * so the command-line tests run the JavaScript that `npm run ingest` runs, makes sure the gazetteer's index exists,
 * and builds the app, so the browser tests drive what `npm run build` ships.
 */
export default async function setup(): Promise<void> {
  const problem = chromiumProblem();
  if (problem) {
    // Only this line: a thrown error would come with vitest's "No test files found" and its filters, which mislead.
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.cli.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['build/cli/ingest/gazetteer-cli.js'], { stdio: 'inherit' }); // the index, once, before the tests that read it
  await build({ logLevel: 'warn' });
}
