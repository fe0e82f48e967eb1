import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Place } from '../core/model.ts';
import { runIngest, serializeEvents, type ArticleWithText } from './pipeline.ts';
import { InputError, parseArticles, parsePlaces, type InputProblem } from '../core/validate.ts';

export interface IngestPaths {
  articles: string;
  places: string;
  out: string;
}

/** Reads and validates a corpus and its places; throws an InputError naming every bad file and field. */
export function readInputs(paths: Omit<IngestPaths, 'out'>): { corpus: ArticleWithText[]; places: Place[] } {
  const problems: InputProblem[] = [];
  const places = collect(problems, () => parsePlaces(readText(paths.places), paths.places));
  const articles = collect(problems, () => parseArticles(readText(paths.articles), paths.articles)) ?? [];
  const folder = dirname(paths.articles);
  const corpus: ArticleWithText[] = [];
  articles.forEach((article, i) => {
    const file = join(folder, article.file);
    const text = collect(problems, () => readText(file, `${paths.articles}: [${i}].file`));
    if (text !== null) corpus.push({ article, text });
  });
  if (problems.length || !places) throw new InputError(problems);
  return { corpus, places };
}

/** Runs the pipeline from files to file. The output is written to a temporary file, then renamed over the old one. */
export function ingestFiles(paths: IngestPaths): number {
  const { corpus, places } = readInputs(paths);
  const bytes = serializeEvents(runIngest(corpus, places));
  const out = resolve(paths.out);
  const temporary = `${out}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, out);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new InputError([{ file: paths.out, field: '(file)', message: `cannot write: ${(error as Error).message}` }]);
  }
  return JSON.parse(bytes).events.length;
}

/** A file's text, strictly UTF-8; a byte-order mark is kept, as the text is kept verbatim. */
function readText(file: string, field = '(file)'): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError([{ file, field, message: code === 'ENOENT' ? 'no such file' : `cannot read (${code})` }]);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InputError([{ file, field, message: 'is not valid UTF-8' }]);
  }
}

function collect<T>(problems: InputProblem[], read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
    return null;
  }
}
