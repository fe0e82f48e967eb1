import { InputError, parseEvents, type InputProblem } from '../src/core/validate.ts';
import type { CompiledMeta } from '../src/data/compiled-format.ts';
import { compileDataset, type CompiledFiles } from '../src/data/compile.ts';
import { readInputs } from '../src/ingest/run/files.ts';
import { collect, readText } from '../src/io/read-files.ts';
import { corpusStories } from '../src/data/compile-stories.ts';

/** The files of a corpus, as the problems name them. */
export interface CorpusPaths {
  articles: string;
  events: string;
  places: string;
}

/**
 * Reads a corpus exactly as the ingest does (readInputs: strict UTF-8, only regular files, article texts only
 * inside the corpus folder with links resolved, the size limits, the curated places validated; the check that a
 * curated point lies in its country needs the gazetteer and is the ingest's, run before events.json was written),
 * and `events.json` with the same strictness, then compiles it (compileDataset, on the texts
 * just read). Throws an InputError naming every problem that makes the corpus unusable, all at once. A bad record
 * of events.json does not: it is left out and listed in `meta.json`, which the app shows as a warning.
 */
export function compileCorpus(paths: CorpusPaths): CompiledFiles {
  const problems: InputProblem[] = [];
  const inputs = collect(problems, () => readInputs({ articles: paths.articles, places: paths.places }));
  const events = collect(problems, () => readText(paths.events));
  if (!inputs) {
    // The events' own fatal problems (JSON, shape) too, so that one run names them all; their records need the inputs.
    if (events !== null) collect(problems, () => parseEvents(events, paths.events, { places: new Set(), articles: new Set() }));
    throw new InputError(problems);
  }
  if (events === null) throw new InputError(problems);
  const texts = new Map(inputs.corpus.map(({ article, text }) => [article.file, Buffer.from(text)]));
  const files = compileDataset({ articles: readText(paths.articles), places: readText(paths.places), events, text: (file) => texts.get(file) ?? null });
  const meta = JSON.parse(files.get('meta.json') as string) as CompiledMeta;
  // compileDataset names the files by their bare names (meta.json is published); the problems name them as given.
  const named: Record<string, string> = { 'articles.json': paths.articles, 'places.geojson': paths.places, 'events.json': paths.events };
  if (meta.fatal) throw new InputError(meta.fatal.map((p) => ({ ...p, file: named[p.file] ?? p.file })));
  // The stories beside articles.json (stories/<id>.json), each step's place one the dataset shows.
  files.set('stories.json', corpusStories(paths.articles, meta.places));
  return files;
}
