import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { accessSync, constants, cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { build } from 'vite';
import { ingestFiles } from '../../src/ingest/run/files.ts';
import { createTextCorpus, type TextArticle } from '../text-corpus.ts';
import { chromiumPath, launchChromium, serveBuiltApp, type Served } from '../../bench/browser.ts';

// Chromium and the built app's server are set up as the bench sets them up: one home, in bench/browser.ts.
export { CHROMIUM, CHROMIUM_ARGS, chromiumPath, launchChromium, serveBuiltApp, type Served } from '../../bench/browser.ts';

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

/** Where the test run builds the app on the seed data (global-setup.ts): not dist/, which may be a person's. */
export const TEST_APP = 'build/test-app';

/**
 * The events of an events.json that the app shows at its default minimum confidence: those at or above the file's
 * threshold (and any the judge did not score); every event when the file has no threshold (`--no-judge`).
 */
export function shownByDefault<E extends { confidence?: number }>(file: { threshold?: number; events: E[] }): E[] {
  const { threshold } = file;
  return threshold === undefined ? file.events : file.events.filter((e) => e.confidence === undefined || e.confidence >= threshold);
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
  ingestFiles({ articles: corpus.articles, places: corpus.places, out: events }); // judged, as npm run ingest writes them
  const served = await serveBuiltApp(await buildAppOn({ dir: corpus.dir, data: corpus.dir, places: corpus.places }, 'dist'));
  return { served, found: JSON.parse(readFileSync(events, 'utf8')).places };
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

/**
 * Resolves once `window.map` exists, has loaded its style and sources, and has nothing left to draw. The map it
 * waits on is whichever `window.map` is now: should the map be made anew (a page loaded again), the new one is waited on in turn.
 */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(window.map));
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let watched: typeof window.map;
        const check = () => {
          const map = window.map;
          if (!map) return;
          if (map.loaded() && map.getSource('places') && map.areTilesLoaded() && !map.isMoving()) {
            clearInterval(recheck);
            resolve();
          } else if (map !== watched) {
            watched = map;
            map.once('idle', () => ((watched = undefined), check()));
          }
        };
        // Holds `check` (and so this promise) while a map that was replaced can no longer call it back.
        const recheck = setInterval(check, 250);
        check();
      }),
  );
}

/**
 * For a test file: the seed corpus (data/, geo/places.geojson) built into a folder of its own and served, and a
 * browser, made before its tests and closed after them. A build of dist/ running beside the file (another test
 * file's setup) cannot change what it drives. `judged`: the seed's articles ingested again with the judge
 * (models/judge.json) into that folder, whatever data/events.json holds; `events` is then that file's path.
 */
export function ownSeedApp(
  name: string,
  options: { judged?: boolean } = {},
): { readonly served: Served; readonly browser: Browser; readonly events: string; open(options: BrowserContextOptions, hash?: string): ReturnType<typeof openInContext> } {
  const app = {
    events: 'data/events.json',
    open: (options: BrowserContextOptions, hash = '') => openInContext(app.browser, options, app.served.url + hash),
  } as { dir?: string; served: Served; browser: Browser; events: string; open(options: BrowserContextOptions, hash?: string): ReturnType<typeof openInContext> };
  beforeAll(async () => {
    app.dir = mkdtempSync(join(tmpdir(), `datelines-${name}-`));
    let data = 'data';
    if (options.judged) {
      data = join(app.dir, 'data');
      cpSync('data', data, { recursive: true });
      app.events = join(data, 'events.json');
      ingestFiles({ articles: join(data, 'articles.json'), places: 'geo/places.geojson', out: app.events });
    }
    app.served = await serveBuiltApp(await buildAppOn({ dir: app.dir, data, places: 'geo/places.geojson' }, 'dist'));
    app.browser = await launchChromium();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.served?.close();
    if (app.dir) rmSync(app.dir, { recursive: true, force: true });
  });
  return app;
}

/** The app at `url` in a new browser context of its own; `close` closes the context. */
async function openInContext(browser: Browser, options: BrowserContextOptions, url: string) {
  const context = await browser.newContext(options);
  const opened = await openApp(context, url);
  return { ...opened, close: () => context.close() };
}

/** The time window's two handles, and the window they say (`aria-valuetext`, YYYY-MM-DD). */
export function windowHandles(page: Page) {
  const start = page.getByRole('slider', { name: 'Start date' });
  const end = page.getByRole('slider', { name: 'End date' });
  return { start, end, window: async () => [await start.getAttribute('aria-valuetext'), await end.getAttribute('aria-valuetext')] };
}

/**
 * The serious and critical axe-core violations on the page as it is now ("id (nodes)"). axe is evaluated through the
 * DevTools protocol: the page's own CSP rightly refuses an injected script tag.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run(document, {});
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/** An item of the top bar's Share menu (Export, Save picture, Embed), the menu opened first if it is folded. */
export async function shareItem(page: Page, name: string) {
  const share = page.getByRole('button', { name: 'Share' });
  if ((await share.getAttribute('aria-expanded')) !== 'true') await share.click();
  return page.getByRole('button', { name, exact: true });
}

/** For a test file: the app the global setup built (TEST_APP) served, and a browser, made before its tests and closed after. */
export function servedTestApp(): { readonly served: Served; readonly browser: Browser } {
  const app = {} as { served: Served; browser: Browser };
  beforeAll(async () => {
    app.served = await serveBuiltApp(TEST_APP);
    app.browser = await launchChromium();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.served?.close();
  });
  return app;
}

/**
 * For a test file: a browser launched before its tests and closed after, and a list of cleanups (servers, folders,
 * contexts) a test pushes, run after each test, the last pushed first.
 */
export function browserWithCleanups(): { readonly browser: Browser; cleanups: (() => Promise<unknown> | unknown)[] } {
  const held = { browser: null as unknown as Browser, cleanups: [] as (() => Promise<unknown> | unknown)[] };
  beforeAll(async () => {
    held.browser = await launchChromium();
  });
  afterAll(async () => {
    await held.browser?.close();
  });
  afterEach(async () => {
    for (const cleanup of held.cleanups.splice(0).reverse()) await cleanup();
  });
  return held;
}
