import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forTerminal, jsonForTerminal } from '../../src/ingest/add/terminal.ts';

const ADD = join(process.cwd(), 'build/cli/ingest/cli/add-cli.js');
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/; // all but the line end

describe('text from files, made safe to print', () => {
  it('escapes colour and title sequences, bells, line breaks, DEL, C1 controls and bidirectional overrides', () => {
    expect(forTerminal('red \x1b[31mred\x1b[0m, title \x1b]0;pwned\x07, CSI \u009b2J, DEL \x7f, a\rb\nc\td, \u202eevil\u2028')).toBe(
      'red \\x1b[31mred\\x1b[0m, title \\x1b]0;pwned\\x07, CSI \\x9b2J, DEL \\x7f, a\\rb\\nc\\td, \\u202eevil\\u2028',
    );
  });

  it('leaves ordinary text alone: accents, other scripts, emoji, quotes', () => {
    const text = 'São Paulo — “Kyiv” 東京 القاهرة 🌊 50 €';
    expect(forTerminal(text)).toBe(text);
  });

  it('keeps JSON the same value, with no raw control or override left in it', () => {
    const value = { headline: 'a\u009b2J\x7f\u202eb\x1b[31m', lines: ['x\ny'] };
    const json = jsonForTerminal(JSON.stringify(value, null, 2));
    expect(JSON.parse(json)).toEqual(value);
    expect(json).not.toMatch(CONTROL);
  });
});

describe('npm run add prints no terminal control from an article or a file name', () => {
  it('escapes them in the report, the problems and the JSON, one line per problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'datelines-terminal-'));
    const input = join(dir, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'evil\x1b[2Jname.txt'), 'Floods \x1b[31mred\x1b[0m \x1b]0;pwned\x07 hit \u009b2J\u202eAlegre\nPublished: 2024-05-05\n\nFloods hit Porto Alegre on Sunday.\n');
    writeFileSync(join(input, 'split\nline.txt'), 'Undated \x1b[5mblink\nFloods hit Porto Alegre on Sunday.\n');
    const r = spawnSync(process.execPath, [ADD, input, '--articles', join(dir, 'corpus', 'articles.json'), '--verbose', '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(CONTROL);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stderr).toContain(`${input}/evil\\x1b[2Jname.txt: added as `);
    expect(r.stderr).toContain('headline: the first line; published: the line "Published: 2024-05-05"');
    expect(r.stderr.split('\n').filter((line) => line.includes('split'))).toEqual([expect.stringMatching(/split\\nline\.txt: published: not found/)]);
    const printed = JSON.parse(r.stdout) as { files: { record?: { headline: string } }[] };
    expect(printed.files[0].record?.headline).toBe('Floods \x1b[31mred\x1b[0m \x1b]0;pwned\x07 hit \u009b2J\u202eAlegre');
  });
});
