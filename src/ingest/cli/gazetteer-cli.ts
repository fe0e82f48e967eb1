#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { indexPath, rebuildIndex } from '../gazetteer/gazetteer.ts';

// `npm run gazetteer [-- --rebuild]`: builds the gazetteer's index if it is missing (npm install does this once;
// the ingest would otherwise build it on first use), or anew with --rebuild.
const path = indexPath();
if (existsSync(path) && !process.argv.includes('--rebuild')) {
  process.stderr.write(`gazetteer: index up to date → ${path}\n`);
} else {
  const started = performance.now();
  const { entries, bytes } = rebuildIndex();
  process.stderr.write(`gazetteer: ${entries.toLocaleString('en-US')} places, ${(bytes / 1e6).toFixed(1)} MB, in ${Math.round(performance.now() - started)} ms → ${path}\n`);
}
