#!/usr/bin/env node
import { rebuildIndex } from './gazetteer/gazetteer.ts';

// `npm run gazetteer`: builds the gazetteer's index now (the ingest otherwise builds it on first use).
const started = performance.now();
const { path, entries, bytes } = rebuildIndex();
process.stderr.write(`gazetteer: ${entries.toLocaleString('en-US')} places, ${(bytes / 1e6).toFixed(1)} MB, in ${Math.round(performance.now() - started)} ms → ${path}\n`);
