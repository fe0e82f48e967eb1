import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** Every script in `assets/` but MapLibre's chunk and its worker: the app's own code and its other libraries. */
  appJsGzipKB: number;
  /** MapLibre's chunk (`assets/maplibre-gl-*.js`, split off by the build), without its worker. */
  maplibreJsGzipKB: number;
  /** Citation.js and its styles (`assets/citation-format-*.js`): loaded when a citation is first asked for, not on load. */
  citationJsGzipKB: number;
  /** What of the basemap every view loads first: the files directly in `basemap/` (land, borders, labels, seas). */
  basemapGzipKB: number;
  /** What loads only on zoom: every tile of the populated places (`basemap/<set>/<z>/<x>/<y>.pbf`), all together. */
  basemapTilesGzipKB: number;
  /** The largest of those tiles: the most a view fetches for one tile. */
  basemapLargestTileGzipKB: number;
}

const MAPLIBRE_CHUNK = /^maplibre-gl-(?!worker-)[\w-]+\.js$/;
const MAPLIBRE_WORKER = /^maplibre-gl-worker-[\w-]+\.m?js$/;
const CITATION_CHUNK = /^citation-format-[\w-]+\.js$/;

/** Sizes of a built app (`vite build` output), gzip at zlib's default level, in kB of 1024 bytes to 0.1 kB. */
export function measureBundle(distDir: string): BundleSize {
  const assets = readdirSync(join(distDir, 'assets'));
  const scripts = assets.filter((f) => /\.m?js$/.test(f) && !MAPLIBRE_WORKER.test(f));
  const basemapDir = join(distDir, 'basemap');
  const basemap = existsSync(basemapDir) ? readdirSync(basemapDir, { recursive: true, encoding: 'utf8' }).map((f) => join(basemapDir, f)).filter((f) => statSync(f).isFile()) : [];
  const tiles = basemap.filter((f) => f.endsWith('.pbf'));
  return {
    appJsGzipKB: gzipKB(scripts.filter((f) => !MAPLIBRE_CHUNK.test(f) && !CITATION_CHUNK.test(f)).map((f) => join(distDir, 'assets', f))),
    citationJsGzipKB: gzipKB(scripts.filter((f) => CITATION_CHUNK.test(f)).map((f) => join(distDir, 'assets', f))),
    maplibreJsGzipKB: gzipKB(scripts.filter((f) => MAPLIBRE_CHUNK.test(f)).map((f) => join(distDir, 'assets', f))),
    basemapGzipKB: gzipKB(basemap.filter((f) => !f.endsWith('.pbf'))),
    basemapTilesGzipKB: gzipKB(tiles),
    basemapLargestTileGzipKB: Math.max(0, ...tiles.map((f) => gzipKB([f]))),
  };
}

/** An empty file counts as none: it is sent as it is, no gzip header around nothing. */
function gzipKB(paths: string[]): number {
  const bytes = paths.reduce((sum, path) => {
    const data = readFileSync(path);
    return sum + (data.length === 0 ? 0 : gzipSync(data).length);
  }, 0);
  return Math.round((bytes / 1024) * 10) / 10;
}
