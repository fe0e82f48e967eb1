import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumProblem } from '../browser/harness.ts';

// Without Chromium, `npm test` stops in its global setup with this one line, not a stack trace.

describe('the check for Chromium', () => {
  it('says in one line where it looked and how to install Chromium, when CHROMIUM_PATH names nothing', () => {
    expect(chromiumProblem({ CHROMIUM_PATH: '/nonexistent/chromium' })).toBe(
      'The browser tests need Chromium: not found at /nonexistent/chromium (CHROMIUM_PATH). Install it (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium executable.',
    );
  });

  it('says a file that cannot be run is not executable, and a folder not a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'datelines-chromium-'));
    const file = join(dir, 'chromium');
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, 0o644);
    expect(chromiumProblem({ CHROMIUM_PATH: file })).toMatch(/^The browser tests need Chromium: not executable at .*\/chromium \(CHROMIUM_PATH\)\. /);
    expect(chromiumProblem({ CHROMIUM_PATH: dir })).toMatch(/^The browser tests need Chromium: not a file at /);
  });

  it('finds nothing missing when CHROMIUM_PATH names an executable file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'datelines-chromium-')), 'chromium');
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, 0o755);
    expect(chromiumProblem({ CHROMIUM_PATH: file })).toBeNull();
  });
});
