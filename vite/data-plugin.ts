import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Logger, Plugin } from 'vite';
import { InputError, formatProblem, type InputProblem } from '../src/core/validate.ts';
import { failedDataset, type CompiledFiles } from '../src/data/compile.ts';
import { compileCorpus, type CorpusPaths } from './compile-corpus.ts';

/**
 * The dataset the app shows, compiled from the canonical files when the app is built (into `<outDir>/data/`) or
 * served by `vite` (from memory, recompiled when an input changes). The corpus is this repository's `data/` and
 * `geo/places.geojson` unless DATELINES_DATA (a folder with articles.json, events.json and the article texts) and
 * DATELINES_PLACES (a places.geojson) name another.
 *
 * The corpus is read and validated as `npm run ingest` reads it (compile-corpus.ts). On a corpus it cannot use,
 * `vite build` fails, one "file: field: problem" line per problem, and writes nothing; `vite` logs the same lines
 * and serves the app's error page, so that a file being edited does not stop the server.
 */
export function datelinesData(): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  let logger: Logger | null = null;
  let building = false;
  let built: CompiledFiles | null = null;
  const paths = () => corpusPaths(root, process.env);

  /** The compiled files, or the error page's when the corpus cannot be used (dev only). */
  const compileForServer = (): CompiledFiles => {
    try {
      return compileLogged(paths(), logger);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const p of error.problems) logger?.error(`datelines: ${formatProblem(p)}`);
      return failedDataset(error.problems);
    }
  };
  let cache: { stamp: string; files: CompiledFiles } | null = null;
  const current = () => {
    const { articles, events, places } = paths();
    const stamp = [articles, events, places].map(modifiedAt).join();
    if (cache?.stamp !== stamp) cache = { stamp, files: compileForServer() };
    return cache.files;
  };

  return {
    name: 'datelines-data',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      logger = config.logger;
      building = config.command === 'build';
    },
    buildStart() {
      if (!building) return;
      try {
        built = compileLogged(paths(), logger);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        throw datasetError(error.problems);
      }
    },
    configureServer(server) {
      server.middlewares.use('/data/', (req, res, next) => {
        let name: string;
        try {
          name = decodeURIComponent((req.url ?? '').split('?')[0].replace(/^\//, ''));
        } catch {
          res.statusCode = 400; // a malformed percent-encoding (`%E0%A4%A`) is the client's error, not the server's
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          res.end('Bad request: malformed percent-encoding in the path\n');
          return;
        }
        const file = current().get(name);
        if (file === undefined) return next();
        res.setHeader('Content-Type', name.endsWith('.bin') ? 'application/octet-stream' : name.endsWith('.txt') ? 'text/plain; charset=utf-8' : 'application/json');
        res.end(file);
      });
    },
    writeBundle() {
      if (!built) return;
      for (const [name, content] of built) {
        const path = join(outDir, 'data', name);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content);
      }
    },
  };
}

/**
 * The corpus the app is built on: DATELINES_DATA (default `data`) and DATELINES_PLACES (default
 * `geo/places.geojson`), resolved against the project root. A path inside the working folder is given relative to
 * it, as the ingest's command line takes it, so that the problems name files as a person typed them.
 */
export function corpusPaths(root: string, env: { DATELINES_DATA?: string; DATELINES_PLACES?: string }): CorpusPaths {
  const shown = (path: string) => {
    const fromCwd = relative(process.cwd(), path);
    return fromCwd !== '' && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : path;
  };
  const data = resolve(root, env.DATELINES_DATA ?? 'data');
  return {
    articles: shown(join(data, 'articles.json')),
    events: shown(join(data, 'events.json')),
    places: shown(resolve(root, env.DATELINES_PLACES ?? 'geo/places.geojson')),
  };
}

/** compileCorpus, with each record left out of events.json logged as a warning. */
function compileLogged(paths: CorpusPaths, logger: Logger | null): CompiledFiles {
  const files = compileCorpus(paths);
  const meta = JSON.parse(files.get('meta.json') as string) as { problems?: InputProblem[] };
  for (const p of meta.problems ?? []) logger?.warn(`datelines: ${paths.events}: ${p.field}: ${p.message} (left out)`);
  return files;
}

/**
 * The error a build fails with: one "file: field: problem" line per problem. Its stack is its message, so that
 * Vite, which prints an error's stack, prints the problems and no trace of this plugin's insides.
 */
function datasetError(problems: readonly InputProblem[]): Error {
  const message = `the dataset cannot be used:\n${problems.map(formatProblem).join('\n')}`;
  const error = new Error(message);
  error.stack = `${error.name}: ${message}`;
  return error;
}

/** A file's modification time (ms), or 0 when it cannot be read: what decides that the dev server recompiles. */
function modifiedAt(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
