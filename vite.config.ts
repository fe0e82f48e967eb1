import { defineConfig, type Plugin } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { CONTENT_SECURITY_POLICY } from './src/csp.ts';
import { datelinesData } from './vite/data-plugin.ts';
import { datelinesBasemap } from './vite/basemap-plugin.ts';
import { datelinesPreviewFiles } from './vite/preview-files.ts';
import { datelinesResponseHeaders } from './vite/response-headers.ts';
import { datelinesStandalone } from './vite/standalone-plugin.ts';

/** Puts the Content-Security-Policy into the built index.html (not in dev, where Vite injects inline styles). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'datelines-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

// `--mode standalone` (npm run standalone) builds the app as one HTML file: one script, every asset inlined, the
// data and basemap folded into the page (vite/standalone-plugin.ts), into standalone/ unless --outDir says otherwise.
export default defineConfig(({ mode }) => ({
  plugins: [datelinesResponseHeaders(), datelinesPreviewFiles(), solid(), mode === 'standalone' ? datelinesStandalone() : contentSecurityPolicy(), datelinesData(), datelinesBasemap()],
  base: './',
  logLevel: mode === 'standalone' ? 'warn' : 'info', // not the 4,000 files folded into the page, one line instead
  build: mode === 'standalone' ? {
    target: 'es2022',
    outDir: 'standalone',
    chunkSizeWarningLimit: 8000,
    assetsInlineLimit: () => true,
    reportCompressedSize: false,
    rolldownOptions: { output: { codeSplitting: false }, checks: { pluginTimings: false } },
  } : {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
    // MapLibre in a chunk of its own, so the app's own code can be measured (and cached) apart from it.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'maplibre-gl', test: /node_modules[\\/]maplibre-gl[\\/]/ }] } } },
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000, // a browser walk takes up to 20 s on a loaded 2-core CI machine with software WebGL; a hang still fails
    hookTimeout: 180_000,
  },
}));
