import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAppOn } from '../browser/harness.ts';

/** Every file under a folder, as text. */
function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile()).map((f) => readFileSync(f, 'latin1')).join('\n');
}

describe('the build on a corpus with links in it', () => {
  it('publishes no file from outside the corpus folder through a link, and no special file', async () => {
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
    const out = await buildAppOn({ dir, data, places: 'geo/places.geojson' }, 'dist');
    expect(allText(out)).not.toContain('DATELINES_SECRET_TOKEN');
  }, 120_000);
});
