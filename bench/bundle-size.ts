import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** Every script in `assets/` but MapLibre's chunk and its worker: the app's own code and its other libraries. */
  appJsGzipKB: number;
  /** MapLibre's chunk (`assets/maplibre-gl-*.js`, split off by the build), without its worker. */
  maplibreJsGzipKB: number;
  /** The basemap files the build writes into `basemap/`. */
  basemapGzipKB: number;
}

const MAPLIBRE_CHUNK = /^maplibre-gl-(?!worker-)[\w-]+\.js$/;
const MAPLIBRE_WORKER = /^maplibre-gl-worker-[\w-]+\.m?js$/;

/** Sizes of a built app (`vite build` output), gzip at zlib's default level, in kB of 1024 bytes to 0.1 kB. */
export function measureBundle(distDir: string): BundleSize {
  const assets = readdirSync(join(distDir, 'assets'));
  const scripts = assets.filter((f) => /\.m?js$/.test(f) && !MAPLIBRE_WORKER.test(f));
  const basemapDir = join(distDir, 'basemap');
  const basemap = existsSync(basemapDir) ? readdirSync(basemapDir).map((f) => join(basemapDir, f)) : [];
  return {
    appJsGzipKB: gzipKB(scripts.filter((f) => !MAPLIBRE_CHUNK.test(f)).map((f) => join(distDir, 'assets', f))),
    maplibreJsGzipKB: gzipKB(scripts.filter((f) => MAPLIBRE_CHUNK.test(f)).map((f) => join(distDir, 'assets', f))),
    basemapGzipKB: gzipKB(basemap),
  };
}

function gzipKB(paths: string[]): number {
  const bytes = paths.reduce((sum, path) => sum + gzipSync(readFileSync(path)).length, 0);
  return Math.round((bytes / 1024) * 10) / 10;
}
