import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from 'vite';
import { describe, expect, it } from 'vitest';
import { byteRange } from '../../vite/preview-files.ts';

const BODY = '0123456789abcdefghij'; // 20 bytes

/** `vite preview` on a built folder holding index.html and data/meta.json (BODY); the test gets its address. */
async function withPreview(test: (base: string) => Promise<void>): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'datelines-preview-files-'));
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>Datelines</title>');
  mkdirSync(join(outDir, 'data'));
  writeFileSync(join(outDir, 'data', 'meta.json'), BODY);
  const server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false }, logLevel: 'silent' });
  try {
    await test(`http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`);
  } finally {
    await new Promise((done) => server.httpServer.close(done));
  }
}

describe('a byte range, as RFC 9110 reads it', () => {
  it('takes a-b, a- and -n, clipped to the file', () => {
    expect(byteRange('bytes=0-4', 20)).toEqual([0, 4]);
    expect(byteRange('bytes=15-', 20)).toEqual([15, 19]);
    expect(byteRange('bytes=-10', 20)).toEqual([10, 19]);
    expect(byteRange('bytes=-50', 20)).toEqual([0, 19]);
    expect(byteRange('bytes=5-500', 20)).toEqual([5, 19]);
  });

  it('is unsatisfiable past the end or for no bytes, and ignored when it is not one range of bytes', () => {
    expect(byteRange('bytes=20-', 20)).toBe('unsatisfiable');
    expect(byteRange('bytes=99999999999999999999999-', 20)).toBe('unsatisfiable');
    expect(byteRange('bytes=-0', 20)).toBe('unsatisfiable');
    for (const nonsense of ['bytes=5-2', 'bytes=a-b', 'bytes=-', 'lines=1-2', 'bytes=0-1,4-5']) expect(byteRange(nonsense, 20), nonsense).toBe('ignore');
  });
});

describe('vite preview, the built app\'s files', () => {
  it('answers a data file that is not there with 404, not the page', async () => {
    await withPreview(async (base) => {
      const missing = await fetch(`${base}/data/places/7.json`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).not.toContain('<title>');
      expect((await fetch(`${base}/data/meta.json`)).status).toBe(200);
    });
  });

  it('serves the bytes a range asks for, 416 for one past the end, the whole file for nonsense', async () => {
    await withPreview(async (base) => {
      const last = await fetch(`${base}/data/meta.json`, { headers: { Range: 'bytes=-10' } });
      expect([last.status, last.headers.get('content-range'), await last.text()]).toEqual([206, 'bytes 10-19/20', 'abcdefghij']);
      const huge = await fetch(`${base}/data/meta.json`, { headers: { Range: 'bytes=99999999999999999999999-' } });
      expect([huge.status, huge.headers.get('content-range')]).toEqual([416, 'bytes */20']);
      const nonsense = await fetch(`${base}/data/meta.json`, { headers: { Range: 'bytes=5-2' } });
      expect([nonsense.status, await nonsense.text()]).toEqual([200, BODY]);
    });
  });
});
