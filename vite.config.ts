import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { CONTENT_SECURITY_POLICY } from './src/csp.ts';

/** Puts the Content-Security-Policy into the built index.html (not in dev, where Vite injects inline styles). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'datelines-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  plugins: [solid(), contentSecurityPolicy()],
  base: './',
  // The corpus the app embeds: this repository's unless DATELINES_DATA (a folder with articles.json, events.json and
  // articles/) and DATELINES_PLACES (a places.geojson) name another.
  resolve: {
    alias: [
      { find: /^@datelines\/data(?=\/)/, replacement: resolve(process.env.DATELINES_DATA ?? 'data') },
      { find: /^@datelines\/places(?=\?|$)/, replacement: resolve(process.env.DATELINES_PLACES ?? 'geo/places.geojson') },
    ],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 2500 },
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 180_000,
  },
});
