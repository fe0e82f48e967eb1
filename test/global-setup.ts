import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { TEST_APP, chromiumProblem } from './browser/harness.ts';

/**
 * Checks that Chromium is there (else stops at once, with one line saying what is missing), compiles the ingest CLI,
 * so the command-line tests run the JavaScript that `npm run ingest` runs, makes sure the gazetteer's index exists,
 * and builds the app, so the browser tests drive what `npm run build` ships: into a folder of the tests' own
 * (TEST_APP), never dist/, which `npm start` may be serving a person's own corpus from.
 */
export default async function setup(project: { provide(key: string, value: unknown): void }): Promise<void> {
  const problem = chromiumProblem();
  if (problem) {
    // Only this line: a thrown error would come with vitest's "No test files found" and its filters, which mislead.
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.cli.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['build/cli/ingest/cli/gazetteer-cli.js'], { stdio: 'inherit' }); // the index, once, before the tests that read it
  project.provide('distBefore', distState());
  await build({ logLevel: 'warn', build: { outDir: TEST_APP } });
}

/** dist/'s index.html as it stands (absent, or its size and time): a test checks the run left it so. */
export function distState(): string {
  const file = join('dist', 'index.html');
  if (!existsSync(file)) return 'absent';
  const stat = statSync(file);
  return `${stat.size} ${stat.mtimeMs}`;
}
