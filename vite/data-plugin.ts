import { mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { MAX_ARTICLE_BYTES, type InputProblem } from '../src/core/validate.ts';
import { compileDataset, failedDataset, type CompiledFiles } from '../src/data/compile.ts';

/**
 * The dataset the app shows, compiled from the canonical files when the app is built (into `<outDir>/data/`) or
 * served by `vite` (from memory, recompiled when an input changes). The corpus is this repository's `data/` and
 * `geo/places.geojson` unless DATELINES_DATA (a folder with articles.json, events.json and the article texts) and
 * DATELINES_PLACES (a places.geojson) name another.
 */
export function datelinesData(): Plugin {
  let outDir = 'dist';
  let root = process.cwd();
  const inputs = () => {
    const data = resolve(root, process.env.DATELINES_DATA ?? 'data');
    const places = resolve(root, process.env.DATELINES_PLACES ?? 'geo/places.geojson');
    return { data, places, paths: [join(data, 'articles.json'), join(data, 'events.json'), places] };
  };
  const compile = (): CompiledFiles => {
    const { data, places } = inputs();
    const unreadable: InputProblem[] = [];
    const read = (path: string) => {
      try {
        return readFileSync(path, 'utf8');
      } catch (error) {
        unreadable.push({ file: basename(path), field: '(file)', message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
        return '';
      }
    };
    const texts = {
      articles: read(join(data, 'articles.json')),
      events: read(join(data, 'events.json')),
      places: read(places),
    };
    const files = unreadable.length > 0 ? failedDataset(unreadable) : compileDataset({
      ...texts,
      text(file) {
        // A file name may not lead out of the corpus, nor may a link: its real path must lie inside the corpus
        // folder (a text linked to /proc/self/environ would publish the build's environment). Regular files only,
        // up to the ingest's size limit.
        try {
          const path = realpathSync(resolve(data, file));
          if (!path.startsWith(realpathSync(data) + sep)) return null;
          const stat = statSync(path);
          if (!stat.isFile() || stat.size > MAX_ARTICLE_BYTES) return null;
          return readFileSync(path);
        } catch {
          return null;
        }
      },
    });
    const meta = JSON.parse(files.get('meta.json') as string) as { fatal?: { file: string; field: string; message: string }[] };
    for (const p of meta.fatal ?? []) console.warn(`datelines: ${p.file}: ${p.field}: ${p.message}`);
    return files;
  };

  let cache: { stamp: string; files: CompiledFiles } | null = null;
  const current = () => {
    const stamp = inputs()
      .paths.map((p) => {
        try {
          return statSync(p).mtimeMs;
        } catch {
          return 0;
        }
      })
      .join();
    if (cache?.stamp !== stamp) cache = { stamp, files: compile() };
    return cache.files;
  };

  return {
    name: 'datelines-data',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use('/data/', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0].replace(/^\//, ''));
        const file = current().get(name);
        if (file === undefined) return next();
        res.setHeader('Content-Type', name.endsWith('.bin') ? 'application/octet-stream' : name.endsWith('.txt') ? 'text/plain; charset=utf-8' : 'application/json');
        res.end(file);
      });
    },
    writeBundle() {
      for (const [name, content] of compile()) {
        const path = join(outDir, 'data', name);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content);
      }
    },
  };
}
