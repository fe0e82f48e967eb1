import { readText } from '../files.ts';
import { InputError, type InputProblem } from '../../core/validate.ts';

/**
 * A geoparsing benchmark as `../shared/geoparse/` holds them (LGL, TR-News): documents with the toponyms people
 * marked in them. Read at eval and test time, never copied into this repository (see that folder's README).
 * The files give offsets in code points; they are turned into UTF-16 code units here, as the rest of the code uses.
 */
export interface BenchmarkDoc {
  id: string;
  text: string;
  gold: GoldToponym[];
}

export interface GoldToponym {
  /** UTF-16 offsets into the text, `end` exclusive. */
  start: number;
  end: number;
  name: string;
  lat: number;
  lon: number;
}

export interface Benchmark {
  name: string;
  docs: BenchmarkDoc[];
}

/** The benchmark in `file`; an InputError naming the file and the field for anything not of its shape. */
export function readBenchmark(file: string): Benchmark {
  let json: unknown;
  try {
    json = JSON.parse(readText(file));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([{ file, field: '(file)', message: `is not JSON: ${(error as Error).message}` }]);
  }
  const problems: InputProblem[] = [];
  const root = json as { name?: unknown; docs?: unknown };
  if (typeof root !== 'object' || root === null || !Array.isArray(root.docs)) throw new InputError([{ file, field: 'docs', message: 'must be an array of documents' }]);
  const docs: BenchmarkDoc[] = [];
  root.docs.forEach((raw: unknown, i: number) => {
    const d = raw as { id?: unknown; text?: unknown; gold?: unknown };
    if (typeof d?.text !== 'string' || !Array.isArray(d.gold)) {
      problems.push({ file, field: `docs[${i}]`, message: 'must have a text and a gold array' });
      return;
    }
    const toUtf16 = codePointToUtf16(d.text);
    const gold: GoldToponym[] = [];
    d.gold.forEach((g: unknown, k: number) => {
      const t = g as Record<string, unknown>;
      const ok = Number.isInteger(t.start) && Number.isInteger(t.end) && typeof t.lat === 'number' && typeof t.lon === 'number' && typeof t.name === 'string';
      if (!ok) problems.push({ file, field: `docs[${i}].gold[${k}]`, message: 'must have integer start and end, a name and numeric lat and lon' });
      else gold.push({ start: toUtf16(t.start as number), end: toUtf16(t.end as number), name: t.name as string, lat: t.lat as number, lon: t.lon as number });
    });
    docs.push({ id: String(d.id ?? i), text: d.text, gold });
  });
  if (problems.length) throw new InputError(problems);
  return { name: typeof root.name === 'string' ? root.name : file, docs };
}

/** A function from code-point offsets of `text` to UTF-16 offsets (the same for text without astral characters). */
function codePointToUtf16(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (offset) => offset;
  const map: number[] = [];
  let unit = 0;
  for (const ch of text) {
    map.push(unit);
    unit += ch.length;
  }
  map.push(unit);
  return (offset) => map[Math.min(offset, map.length - 1)];
}
