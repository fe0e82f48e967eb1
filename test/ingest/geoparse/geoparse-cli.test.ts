import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const GEOPARSE = join(process.cwd(), 'build/cli/ingest/cli/geoparse-cli.js');

function run(args: string[]) {
  const result = spawnSync(process.execPath, [GEOPARSE, ...args], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

/** A folder with an input file of the given lines and an output file that already holds "old". */
function createFiles(lines: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'datelines-geoparse-'));
  writeFileSync(join(dir, 'docs.jsonl'), lines.join('\n'));
  writeFileSync(join(dir, 'out.jsonl'), 'old\n');
  return { input: join(dir, 'docs.jsonl'), out: join(dir, 'out.jsonl') };
}

describe('npm run geoparse', () => {
  it('writes one line per place name found, with UTF-16 offsets, in input order', () => {
    const f = createFiles([JSON.stringify({ id: 'a', text: '🙂 Floods hit Porto Alegre, Brazil.' }), '', JSON.stringify({ id: 7, text: 'Iraqi troops entered Mosul.' })]);
    const result = run(['--in', f.input, '--out', f.out]);
    expect(result.status).toBe(0);
    const lines = readFileSync(f.out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.id, l.name, l.kind, l.country])).toEqual([['a', 'Porto Alegre', 'city', 'BR'], ['a', 'Brazil', 'country', 'BR'], ['7', 'Iraqi', 'country', 'IQ'], ['7', 'Mosul', 'city', 'IQ']]);
    expect(lines[0].start).toBe('🙂 Floods hit '.length); // 13 UTF-16 units: the emoji is two
    expect(Object.keys(lines[0])).toEqual(['id', 'start', 'end', 'name', 'lat', 'lon', 'ref', 'kind', 'country', 'confidence']);
  });

  it('names each bad line (not JSON, no text, an id twice) and leaves the output as it was', () => {
    const f = createFiles([JSON.stringify({ id: 'a', text: 'In Kyiv.' }), 'not json', JSON.stringify({ id: 'b' }), JSON.stringify({ id: 'a', text: 'x' })]);
    const result = run(['--in', f.input, '--out', f.out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${f.input}: line 2: is not JSON`);
    expect(result.stderr).toContain(`${f.input}: line 3, text: is missing`);
    expect(result.stderr).toContain(`${f.input}: line 4, id: "a" is given twice`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(f.out, 'utf8')).toBe('old\n');
  });

  it('refuses a 50 MB line without reading it into memory, naming it, and writes nothing', () => {
    const f = createFiles([JSON.stringify({ id: 'big', text: 'a'.repeat(50 * 1024 * 1024) }), JSON.stringify({ id: 'small', text: 'In Paris.' })]);
    const result = run(['--in', f.input, '--out', f.out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${f.input}: line 1: is over 10485760 bytes: not read`);
    expect(readFileSync(f.out, 'utf8')).toBe('old\n');
  });

  it('says a missing input file plainly', () => {
    const f = createFiles([]);
    const result = run(['--in', `${f.input}.missing`, '--out', f.out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`${f.input}.missing: (file): no such file\n`);
  });
});
