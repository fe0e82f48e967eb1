import { readText } from '../../io/read-files.ts';
import * as v from 'valibot';
import { parseJsonWith } from '../../core/validate.ts';

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

const OFFSET = v.pipe(v.number(), v.integer(), v.minValue(0));
const BenchmarkSchema = v.object({
  name: v.optional(v.string()),
  docs: v.array(v.object({
    id: v.optional(v.union([v.string(), v.number()])),
    text: v.string(),
    gold: v.array(v.object({ start: OFFSET, end: OFFSET, name: v.string(), lat: v.number(), lon: v.number() })),
  })),
});

/** The benchmark in `file`; an InputError naming the file and the field for anything not of its shape. */
export function readBenchmark(file: string): Benchmark {
  const { name, docs } = parseJsonWith(readText(file), file, BenchmarkSchema);
  return {
    name: name ?? file,
    docs: docs.map((d, i) => {
      const toUtf16 = codePointToUtf16(d.text);
      return { id: String(d.id ?? i), text: d.text, gold: d.gold.map((g) => ({ start: toUtf16(g.start), end: toUtf16(g.end), name: g.name, lat: g.lat, lon: g.lon })) };
    }),
  };
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
