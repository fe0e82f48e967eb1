import { execFileSync } from 'node:child_process';

/** Compiles the ingest CLI once, so the command-line tests run the same JavaScript that `npm run ingest` runs. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.cli.json'], { stdio: 'inherit' });
}
