import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAppOn } from '../browser/harness.ts';

describe('the build on a corpus with links in it', () => {
  it('refuses to build on a text linked from outside the corpus folder or to a special file, and publishes neither', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'datelines-links-'));
    const data = join(dir, 'data');
    cpSync('data', data, { recursive: true });
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'DATELINES_SECRET_TOKEN=hunter2');
    const files = (JSON.parse(readFileSync(join(data, 'articles.json'), 'utf8')) as { file: string }[]).map((a) => a.file);
    rmSync(join(data, files[0]));
    symlinkSync(secret, join(data, files[0]));
    rmSync(join(data, files[1]));
    symlinkSync('/dev/zero', join(data, files[1]));
    await expect(buildAppOn({ dir, data, places: 'geo/places.geojson' }, 'dist')).rejects.toThrow(/\[0\]\.file: lies outside the corpus folder .* \(through a link\)\n.*\[1\]\.file: is not a regular file/);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  }, 120_000);
});
