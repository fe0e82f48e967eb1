import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { foldIntoPage } from '../../vite/standalone-plugin.ts';

// Folding a built app into one page (the standalone copy): what it inlines, and what it refuses to leave linked.

let dir: string | null = null;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function built(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'datelines-fold-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const page = (body: string) => `<!doctype html><html><head>${body}</head><body><div id="root"></div></body></html>`;

describe('folding the built app into one page', () => {
  it('inlines the script and the style, carries data and basemap files in base64, and allows those two by hash', () => {
    const out = built({ 'assets/a.js': 'console.log("</script>")', 'assets/a.css': 'body{color:red}', 'data/meta.json': '{"format":1}', 'basemap/land.json': '{}' });
    const html = foldIntoPage(page('<script type="module" crossorigin src="./assets/a.js"></script><link rel="stylesheet" crossorigin href="./assets/a.css">'), out);
    expect(html).toContain('<script type="module">console.log("<\\/script>")</script>');
    expect(html).toContain('<style>body{color:red}</style>');
    const files = JSON.parse(/id="datelines-files">(.*)<\/script>/.exec(html)![1]) as Record<string, string>;
    expect(Object.keys(files)).toEqual(['data/meta.json', 'basemap/land.json']);
    expect(Buffer.from(files['data/meta.json'], 'base64').toString()).toBe('{"format":1}');
    const policy = /Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
    expect(policy).toMatch(/script-src 'sha256-[^']+'/);
    expect(policy).not.toMatch(/unsafe-inline|'self'/);
  });

  it('refuses a page that would still link to a file or a script that still names one', () => {
    const out = built({ 'assets/a.js': 'new URL("./assets/font.woff2", import.meta.url)', 'data/x': '', 'basemap/y': '' });
    expect(() => foldIntoPage(page('<script type="module" crossorigin src="./assets/a.js"></script>'), out)).toThrow(/still links to a file in assets/);
    expect(() => foldIntoPage(page('<script src="https://example.com/x.js"></script>'), out)).toThrow(/index.html still links to a file/);
  });
});
