import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusPaths } from '../../vite/data-plugin.ts';

/** A copy of this repository's corpus (data/ and geo/places.geojson) in a fresh folder, with the paths the build reads. */
export function createCorpusCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'datelines-build-'));
  const data = join(dir, 'data');
  cpSync('data', data, { recursive: true });
  const places = join(dir, 'places.geojson');
  cpSync('geo/places.geojson', places);
  const articles = JSON.parse(readFileSync(join(data, 'articles.json'), 'utf8')) as { id: string; file: string }[];
  return { dir, data, places, articles, paths: corpusPaths(dir, { DATELINES_DATA: data, DATELINES_PLACES: places }) };
}

/** Puts one byte that is not UTF-8 (0xFF) into a file, just after the first occurrence of `after`. */
export function insertInvalidByte(file: string, after: string): void {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(after) + Buffer.byteLength(after);
  writeFileSync(file, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]));
}
