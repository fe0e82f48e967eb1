import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { createCorpusCopy, insertInvalidByte } from './corpus-copy.ts';
import { COMPILED_FORMAT } from '../../src/data/compiled-format.ts';

// `vite build` fails loudly on a corpus the ingest would refuse; `vite` shows the app's error page instead.

describe('vite build', () => {
  it('fails on a corpus it cannot use, one "file: field: problem" line for each problem, and writes nothing', () => {
    const corpus = createCorpusCopy();
    insertInvalidByte(corpus.places, '"name": "');
    writeFileSync(join(corpus.data, 'events.json'), '{"events": [');
    const secret = join(corpus.dir, 'secret.txt');
    writeFileSync(secret, 'DATELINES_SECRET_TOKEN=hunter2');
    const linked = join(corpus.data, corpus.articles[1].file);
    rmSync(linked);
    symlinkSync(secret, linked);
    const outDir = join(corpus.dir, 'dist');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'earlier-build.txt'), '');

    const run = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir'], {
      encoding: 'utf8',
      env: { ...process.env, DATELINES_DATA: corpus.data, DATELINES_PLACES: corpus.places, NO_COLOR: '1' },
    });

    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines).toContain(`${corpus.places}: (file): is not valid UTF-8`);
    expect(lines).toContain(`${linked}: ${join(corpus.data, 'articles.json')}: [1].file: lies outside the corpus folder ${corpus.data} (through a link)`);
    expect(lines.filter((line) => line.startsWith(`${join(corpus.data, 'events.json')}: (json): invalid JSON: line 1, column 13: `))).toHaveLength(1);
    expect(run.stderr + run.stdout).not.toContain('hunter2');
    expect(readdirSync(outDir)).toEqual(['earlier-build.txt']);
  });
});

describe('vite (the dev server)', () => {
  it('serves the error page’s data, naming the problems, on a corpus it cannot use, and answers 400 to a malformed path', async () => {
    const corpus = createCorpusCopy();
    insertInvalidByte(join(corpus.data, 'articles.json'), '"headline": "');
    process.env.DATELINES_DATA = corpus.data;
    process.env.DATELINES_PLACES = corpus.places;
    const server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
    try {
      await server.listen();
      const base = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
      const meta = await fetch(`${base}/data/meta.json`);
      expect(meta.status).toBe(200);
      expect(await meta.json()).toEqual({ format: COMPILED_FORMAT, fatal: [{ file: corpus.paths.articles, field: '(file)', message: 'is not valid UTF-8' }] });
      const malformed = await fetch(`${base}/data/%E0%A4%A`);
      expect(malformed.status).toBe(400);
      expect(await malformed.text()).toMatch(/malformed percent-encoding/);
    } finally {
      await server.close();
      delete process.env.DATELINES_DATA;
      delete process.env.DATELINES_PLACES;
    }
  });
});

describe('vite build on a corpus the ingest accepts', () => {
  it('builds, and publishes the texts byte for byte', async () => {
    const corpus = createCorpusCopy();
    const outDir = join(corpus.dir, 'dist');
    const run = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--logLevel', 'warn'], {
      encoding: 'utf8',
      env: { ...process.env, DATELINES_DATA: corpus.data, DATELINES_PLACES: corpus.places, NO_COLOR: '1' },
    });
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    expect(JSON.parse(readFileSync(join(outDir, 'data', 'meta.json'), 'utf8'))).toMatchObject({ format: COMPILED_FORMAT, problems: [] });
    for (const { id, file } of corpus.articles) expect(readFileSync(join(outDir, 'data', 'texts', `${id}.txt`))).toEqual(readFileSync(join(corpus.data, file)));
  });
});
