import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/ingest/evaluate.ts';

const FLOORS = JSON.parse(readFileSync('test/corpus/floors.json', 'utf8')) as Record<string, Record<string, { f1: number; placesFound: number }>>;

describe('the pipeline on the development corpus (npm run eval)', () => {
  const { figures } = evaluate('test/corpus', ['tune', 'test']);
  for (const setting of ['out of the box', 'curated places']) {
    for (const half of ['tune', 'test']) {
      it(`keeps F1 and the places it finds at or above the recorded floor: ${setting}, ${half} half`, () => {
        expect(figures[setting][half].f1).toBeGreaterThanOrEqual(FLOORS[setting][half].f1);
        expect(figures[setting][half].placesFound).toBeGreaterThanOrEqual(FLOORS[setting][half].placesFound);
      });
    }
  }
});
