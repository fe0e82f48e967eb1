import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { TEST_APP } from '../browser/harness.ts';
import { distState } from '../global-setup.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    distBefore: string;
  }
}

describe('npm test', () => {
  it('builds the app it drives into a folder of its own, and leaves dist/ as it was (npm start may be serving it)', () => {
    expect(existsSync(join(TEST_APP, 'index.html'))).toBe(true);
    expect(distState()).toBe(inject('distBefore'));
  });
});
