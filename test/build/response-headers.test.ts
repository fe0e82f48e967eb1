import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, preview } from 'vite';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/csp.ts';

// What `vite` and `vite preview` send with every response: nosniff, and who may frame the app.

describe('vite (the dev server)', () => {
  it('sends nosniff and frame-ancestors with a static file, the data, and a malformed path’s 400', async () => {
    const server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
    try {
      await server.listen();
      const base = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
      for (const [path, status] of [['/favicon.svg', 200], ['/data/meta.json', 200], ['/data/%E0%A4%A', 400]] as const) {
        const response = await fetch(base + path);
        expect(response.status, path).toBe(status);
        expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
        expect(response.headers.get('content-security-policy'), path).toBe('frame-ancestors *');
      }
    } finally {
      await server.close();
    }
  });
});

describe('vite preview', () => {
  it('sends nosniff and the Content-Security-Policy with frame-ancestors, which a <meta> cannot carry, with every response', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'datelines-preview-'));
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>Datelines</title>');
    const server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false }, logLevel: 'silent' });
    try {
      const base = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
      for (const path of ['/', '/data/missing.json', '/data/%E0%A4%A']) {
        const response = await fetch(base + path);
        expect(response.status, path).toBeLessThan(500);
        expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
        expect(response.headers.get('content-security-policy'), path).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors *`);
      }
    } finally {
      await server.close();
    }
  });
});
