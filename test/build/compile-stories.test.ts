import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/validate.ts';
import type { StoriesFile } from '../../src/data/compiled-format.ts';
import { compileCorpus } from '../../vite/compile-corpus.ts';
import { createCorpusCopy } from './corpus-copy.ts';

describe('the stories the build compiles', () => {
  it('compiles the seed corpus story, every step at a place the dataset shows', () => {
    const corpus = createCorpusCopy();
    const files = compileCorpus(corpus.paths);
    const { stories } = JSON.parse(files.get('stories.json') as string) as StoriesFile;
    const shown = new Set((JSON.parse(files.get('meta.json') as string) as { places: { id: string }[] }).places.map((p) => p.id));
    expect(stories.map((s) => s.id)).toEqual(['kerry-week']);
    for (const step of stories[0].steps) expect(shown.has(step.place!)).toBe(true);
  });

  it('fails the build on a bad story, naming the file and the field', () => {
    const corpus = createCorpusCopy();
    const file = join(corpus.data, 'stories', 'broken.json');
    writeFileSync(file, JSON.stringify({ title: 'Broken', steps: [{ from: '2014-06-22', to: '2014-06-22', place: 'atlantis', caption: 'Nowhere.' }] }));
    let problems: unknown = null;
    try {
      compileCorpus(corpus.paths);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([{ file, field: 'steps[0].place', message: 'unknown place "atlantis" (no place with events has this id)' }]);
  });
});
