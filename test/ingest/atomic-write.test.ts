import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTemporary, writeAtomically } from '../../src/io/atomic-write.ts';

function createFolder(): string {
  return mkdtempSync(join(tmpdir(), 'datelines-write-'));
}

describe('writeAtomically', () => {
  it('writes the chunks whole and leaves no temporary behind', () => {
    const folder = createFolder();
    writeAtomically(join(folder, 'out.json'), ['{"a":', '1}'], 'events');
    expect(readFileSync(join(folder, 'out.json'), 'utf8')).toBe('{"a":1}');
    expect(readdirSync(folder)).toEqual(['out.json']);
  });

  it('keeps the mode of the file it replaces', () => {
    const folder = createFolder();
    const out = join(folder, 'out.json');
    writeFileSync(out, 'old');
    chmodSync(out, 0o640);
    writeAtomically(out, ['new'], 'events');
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(readFileSync(out, 'utf8')).toBe('new');
  });

  it('leaves the old file and no temporary when the write fails', () => {
    const folder = createFolder();
    const out = join(folder, 'out.json');
    writeFileSync(out, 'old');
    function* failing(): Generator<string> {
      yield 'partial';
      throw new Error('disk full');
    }
    expect(() => writeAtomically(out, failing(), 'events')).toThrow('disk full');
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(readdirSync(folder)).toEqual(['out.json']);
  });

  it('removes stale temporaries of its own naming, and only those', () => {
    const folder = createFolder();
    const stale = join(folder, '.0123456789ab.events.tmp');
    const fresh = join(folder, '.ba9876543210.events.tmp');
    const other = join(folder, '.notours.tmp');
    const target = join(folder, 'target.txt');
    writeFileSync(target, 'keep');
    for (const f of [stale, fresh, other]) writeFileSync(f, 'x');
    const dayAgo = new Date(Date.now() - 24 * 3600 * 1000);
    utimesSync(stale, dayAgo, dayAgo);
    utimesSync(other, dayAgo, dayAgo);
    const link = join(folder, '.aaaaaaaaaaaa.events.tmp');
    symlinkSync(target, link); // a link of our naming is not ours to remove, nor followed
    writeAtomically(join(folder, 'out.json'), ['{}'], 'events');
    expect(readdirSync(folder).sort()).toEqual(['.aaaaaaaaaaaa.events.tmp', '.ba9876543210.events.tmp', '.notours.tmp', 'out.json', 'target.txt']);
    expect(readFileSync(target, 'utf8')).toBe('keep');
  });

  it('names its temporaries so that they can be told from other files', () => {
    expect(isTemporary('/x/.0123456789ab.events.tmp')).toBe(true);
    expect(isTemporary('/x/events.json')).toBe(false);
    expect(isTemporary('/x/.events.1234.tmp')).toBe(false);
  });
});
