import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

// Driving the built app in headless Chromium, for the bench and the browser tests (test/browser/harness.ts).

/** Where the bench and the browser tests look for Chromium: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(env: { CHROMIUM_PATH?: string } = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export const CHROMIUM = chromiumPath();

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

/** Chromium with CHROMIUM_ARGS, and any flags a caller adds. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
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
