import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, type InputProblem } from '../../src/core/validate.ts';
import { readInputs } from '../../src/ingest/run/files.ts';
import { compileCorpus } from '../../vite/compile-corpus.ts';
import { createCorpusCopy, insertInvalidByte } from './corpus-copy.ts';
import { COMPILED_FORMAT } from '../../src/data/compiled-format.ts';

// The build reads a corpus as the ingest does: what the ingest refuses, the build refuses.

function problemsOf(run: () => unknown): InputProblem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  return [];
}

describe('the dataset the build compiles', () => {
  it('is refused where the ingest refuses it, with the same problems: a byte that is not UTF-8 in articles.json', () => {
    const corpus = createCorpusCopy();
    insertInvalidByte(join(corpus.data, 'articles.json'), '"headline": "');
    const problems = problemsOf(() => compileCorpus(corpus.paths));
    expect(problems).toEqual([{ file: corpus.paths.articles, field: '(file)', message: 'is not valid UTF-8' }]);
    expect(problems).toEqual(problemsOf(() => readInputs({ articles: corpus.paths.articles, places: corpus.paths.places })));
  });

  it('is refused, not published as it is, when an article text is not UTF-8', () => {
    const corpus = createCorpusCopy();
    insertInvalidByte(join(corpus.data, corpus.articles[0].file), ' ');
    expect(problemsOf(() => compileCorpus(corpus.paths))).toEqual([
      { file: join(corpus.data, corpus.articles[0].file), field: `${corpus.paths.articles}: [0].file`, message: 'is not valid UTF-8' },
    ]);
  });

  it('is refused when events.json is not JSON, naming the file as given', () => {
    const corpus = createCorpusCopy();
    writeFileSync(join(corpus.data, 'events.json'), '{"events": [');
    expect(problemsOf(() => compileCorpus(corpus.paths))).toEqual([
      { file: corpus.paths.events, field: '(json)', message: 'invalid JSON: line 1, column 13: CloseBracketExpected' },
    ]);
  });

  it('leaves out a record of events.json that fails validation, and lists it in meta.json under its bare file name', () => {
    const corpus = createCorpusCopy();
    const events = JSON.parse(readFileSync(join(corpus.data, 'events.json'), 'utf8'));
    events.events.push({ ...events.events[0], id: 'broken#1', place: 'atlantis' });
    writeFileSync(join(corpus.data, 'events.json'), JSON.stringify(events));
    const meta = JSON.parse(compileCorpus(corpus.paths).get('meta.json') as string);
    expect(meta.problems).toEqual([{ file: 'events.json', field: `events[${events.events.length - 1}].place`, message: 'unknown place "atlantis"' }]);
    expect(meta.events).toBe(events.events.length - 1);
  });

  it('keeps a corpus the ingest accepts whole: every text byte for byte, no record left out', () => {
    const corpus = createCorpusCopy();
    const files = compileCorpus(corpus.paths);
    expect(JSON.parse(files.get('meta.json') as string)).toMatchObject({ format: COMPILED_FORMAT, problems: [] });
    for (const { id, file } of corpus.articles) expect(Buffer.from(files.get(`texts/${id}.txt`)!)).toEqual(readFileSync(join(corpus.data, file)));
  });
});
