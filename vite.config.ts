import { defineConfig, type Plugin } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { CONTENT_SECURITY_POLICY } from './src/csp.ts';
import { datelinesData } from './vite/data-plugin.ts';
import { datelinesBasemap } from './vite/basemap-plugin.ts';
import { datelinesPreviewFiles } from './vite/preview-files.ts';
import { datelinesResponseHeaders } from './vite/response-headers.ts';

/** Puts the Content-Security-Policy into the built index.html (not in dev, where Vite injects inline styles). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'datelines-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  plugins: [datelinesResponseHeaders(), datelinesPreviewFiles(), solid(), contentSecurityPolicy(), datelinesData(), datelinesBasemap()],
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
    // MapLibre in a chunk of its own, so the app's own code can be measured (and cached) apart from it.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'maplibre-gl', test: /node_modules[\\/]maplibre-gl[\\/]/ }] } } },
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 180_000,
  },
});
