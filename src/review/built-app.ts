import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Where `npm run review` builds the app it serves (its `data/` is never served: the session compiles the corpus in memory). */
export const REVIEW_APP = 'build/review-app';

/** What the built app is made of: when one of these is newer than its index.html, it is built again. */
const SOURCES = ['src', 'vite', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

/**
 * The folder of a built app to serve: `outDir` as it is when it is newer than every source of the app, else built
 * again there (`vite build`, on the corpus under review so that the build's check of the data is this corpus's).
 */
export async function builtApp(corpus: { articles: string; places: string }, outDir = REVIEW_APP, log: (line: string) => void = () => {}): Promise<string> {
  const index = join(outDir, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(SOURCES)) return outDir;
  log(`building the app into ${outDir}…`);
  const { build } = await import('vite');
  const before = { data: process.env.DATELINES_DATA, places: process.env.DATELINES_PLACES };
  process.env.DATELINES_DATA = resolve(dirname(corpus.articles));
  process.env.DATELINES_PLACES = resolve(corpus.places);
  try {
    await build({ logLevel: 'warn', build: { outDir } });
  } finally {
    restore('DATELINES_DATA', before.data);
    restore('DATELINES_PLACES', before.places);
  }
  return outDir;
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** The latest modification time (ms) of the files under these paths; 0 for one that is missing. */
function newest(paths: readonly string[]): number {
  let latest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    latest = Math.max(latest, stat.isDirectory() ? newest(readdirSync(path).map((name) => join(path, name))) : stat.mtimeMs);
  }
  return latest;
}
