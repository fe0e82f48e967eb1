import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { ingestFiles } from '../../src/ingest/files.ts';
import { createTextCorpus, type TextArticle } from '../text-corpus.ts';

/** Where the browser tests look for Chromium: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(env: { CHROMIUM_PATH?: string } = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export const CHROMIUM = chromiumPath();

/**
 * Why the browser tests cannot start Chromium, in one line that says where it looked and how to get it; null when an
 * executable file is there. The global setup asks once, before anything is built.
 */
export function chromiumProblem(env: { CHROMIUM_PATH?: string } = process.env): string | null {
  const path = chromiumPath(env);
  const problem = executableProblem(path);
  if (problem === null) return null;
  const where = env.CHROMIUM_PATH ? `${path} (CHROMIUM_PATH)` : `${path} (CHROMIUM_PATH is not set)`;
  return `The browser tests need Chromium: ${problem} at ${where}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium executable.`;
}

/** Why a file cannot be run ('not found', 'not a file', 'not executable'), or null when it can. */
function executableProblem(path: string): string | null {
  try {
    if (!statSync(path).isFile()) return 'not a file';
    accessSync(path, constants.X_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'not found' : code === 'EACCES' ? 'not executable' : `unusable (${code})`;
  }
}

/** Flags for Debian's Chromium in a sandbox without a GPU or a network: WebGL in software, no calls home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
];

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves a built app (`dist/` unless told otherwise) on a free loopback port. */
export async function serveBuiltApp(outDir = 'dist'): Promise<Served> {
  const server: PreviewServer = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false }, logLevel: 'silent' });
  const address = server.httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

/** Builds the app on another corpus (DATELINES_DATA / DATELINES_PLACES, see vite.config.ts) into `<dir>/<name>`. */
export async function buildAppOn(corpus: { dir: string; data: string; places: string }, name: string): Promise<string> {
  const outDir = join(corpus.dir, name);
  process.env.DATELINES_DATA = corpus.data;
  process.env.DATELINES_PLACES = corpus.places;
  try {
    await build({ logLevel: 'warn', build: { outDir } });
  } finally {
    delete process.env.DATELINES_DATA;
    delete process.env.DATELINES_PLACES;
  }
  return outDir;
}

/**
 * Ingests a corpus of texts a test wrote (the gazetteer on, no place curated), builds the app on it and serves it;
 * with the places the ingest found.
 */
export async function serveTexts(articles: readonly TextArticle[]): Promise<{ served: Served; found: { id: string; geometry: { coordinates: [number, number] } }[] }> {
  const corpus = createTextCorpus(articles);
  const events = join(corpus.dir, 'events.json');
  ingestFiles({ articles: corpus.articles, places: corpus.places, out: events });
  const served = await serveBuiltApp(await buildAppOn({ dir: corpus.dir, data: corpus.dir, places: corpus.places }, 'dist'));
  return { served, found: JSON.parse(readFileSync(events, 'utf8')).places };
}

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

/**
 * A page on the app with every request outside `origin` recorded (and aborted), and console errors collected.
 * Waits until the map has loaded and gone idle, unless `waitForMap` is false.
 */
export async function openApp(context: BrowserContext, url: string, options: { waitForMap?: boolean } = {}) {
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  await page.route('**/*', (route) => {
    const requestUrl = route.request().url();
    if (requestUrl.startsWith(origin) || requestUrl.startsWith('data:') || requestUrl.startsWith('blob:')) return route.continue();
    foreignRequests.push(requestUrl);
    return route.abort();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = []);
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  if (options.waitForMap !== false) await waitForMapIdle(page);
  const cspViolations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  return { page, foreignRequests, consoleErrors, cspViolations };
}

/** Resolves once `window.map` exists, has loaded its style and sources, and has nothing left to draw. */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(window.map));
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.map!;
        const check = () => {
          if (map.loaded() && map.getSource('places') && map.areTilesLoaded() && !map.isMoving()) resolve();
          else map.once('idle', check);
        };
        check();
      }),
  );
}

/**
 * An init script that records, in `window.firstIdle`, the time since navigation (ms) at which the map first had
 * loaded its style and place marks and had nothing left to draw. It watches from the moment the app creates the
 * map, so no 'idle' event is missed and nothing polls.
 */
export function recordFirstIdle(): void {
  const w = window as unknown as { map?: unknown; firstIdle?: number };
  let current: unknown;
  Object.defineProperty(window, 'map', {
    configurable: true,
    get: () => current,
    set(map: { on(event: string, f: () => void): void; off(event: string, f: () => void): void; loaded(): boolean; getSource(id: string): unknown; areTilesLoaded(): boolean; isMoving(): boolean }) {
      current = map;
      const check = () => {
        if (w.firstIdle === undefined && map.loaded() && map.getSource('places') && map.areTilesLoaded() && !map.isMoving()) {
          w.firstIdle = performance.now();
          map.off('idle', check);
        }
      };
      map.on('idle', check);
    },
  });
}
