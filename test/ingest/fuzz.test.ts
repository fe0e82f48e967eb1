import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, checkEventsOutput, formatProblem, parseEvents } from '../../src/core/validate.ts';
import { ingestFiles, readInputs } from '../../src/ingest/run/files.ts';

// The ingest fed a small corpus mutated at random (its bytes, its JSON's structure, its texts), through its
// library function with the curated places only. Every run either writes an output the contract allows, or
// refuses with problems that each name a file, a field and what is wrong, the old output left byte for byte.
// Fixed seed, so a failure is the same on every machine; FUZZ_SEED and FUZZ_RUNS explore further
// (`FUZZ_SEED=7 FUZZ_RUNS=2000 TZ=UTC npx vitest run test/ingest/fuzz.test.ts`).

const SEED = Number(process.env.FUZZ_SEED ?? 15);
const RUNS = Number(process.env.FUZZ_RUNS ?? 80); // per property; three properties
const PREVIOUS_OUTPUT = Buffer.from('{"events": "from an earlier run"}\n');

type FileName = 'articles.json' | 'places.geojson' | 'articles/a.txt' | 'articles/b.txt';
type Corpus = Record<FileName, Buffer>;

/** The corpus every run starts from: two articles (LF, and CRLF with a byte-order mark), four places, a Polygon among them. */
function createSeedCorpus(): Corpus {
  const place = (id: string, name: string, kind: string, geometry: unknown, extra: Record<string, unknown> = {}) => ({
    type: 'Feature',
    id,
    geometry,
    properties: { id, name, aliases: [name], kind, country: 'IQ', source: 'test', ...extra },
  });
  const places = {
    type: 'FeatureCollection',
    features: [
      place('baghdad', 'Baghdad', 'city', { type: 'Point', coordinates: [44.366, 33.315] }),
      place('mosul', 'Mosul', 'city', { type: 'Point', coordinates: [43.13, 36.34] }, { aliases: ['Mosul', 'Mossul'] }),
      place('anbar', 'Anbar', 'province', { type: 'Polygon', coordinates: [[[39, 32], [44, 32], [44, 35], [39, 35], [39, 32]]] }),
      place('ramadi', 'Ramadi', 'city', { type: 'Point', coordinates: [43.3, 33.42] }, { within: 'anbar' }),
    ],
    notPlaces: [{ name: 'Anbar Awakening' }],
  };
  const article = (id: string, published: string) => ({ id, file: `articles/${id}.txt`, headline: null, outlet: 'Wire', published, url: null });
  return {
    'articles.json': Buffer.from(JSON.stringify([article('a', '2014-06-23'), article('b', '2014-07-02')], null, 2)),
    'places.geojson': Buffer.from(JSON.stringify(places, null, 2)),
    'articles/a.txt': Buffer.from(
      'BAGHDAD - Wire\nMilitants seized Mosul on Monday, officials said.\n\nU.S. Secretary of State John Kerry met ' +
        'Prime Minister Nuri al-Maliki in Baghdad on June 23.\nFighting spread across Anbar in early June.\n',
    ),
    'articles/b.txt': Buffer.from('\uFEFFAirstrikes hit Ramadi yesterday.\r\nProtesters gathered in Baghdad last week, witnesses said.\r\n'),
  };
}

const FILES: FileName[] = ['articles.json', 'places.geojson', 'articles/a.txt', 'articles/b.txt'];

/** Runs the ingest on a corpus in a fresh folder and checks the contract whichever way it ends. */
function expectContractHolds(corpus: Corpus): void {
  const dir = mkdtempSync(join(tmpdir(), 'datelines-fuzz-'));
  try {
    runIn(dir, corpus);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runIn(dir: string, corpus: Corpus): void {
  mkdirSync(join(dir, 'articles'));
  for (const name of FILES) writeFileSync(join(dir, name), corpus[name]);
  const paths = { articles: join(dir, 'articles.json'), places: join(dir, 'places.geojson'), out: join(dir, 'events.json') };
  writeFileSync(paths.out, PREVIOUS_OUTPUT);
  try {
    ingestFiles(paths, { gazetteer: false });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.problems.length).toBeGreaterThan(0);
    for (const problem of error.problems) {
      for (const part of [problem.file, problem.field, problem.message]) expect(typeof part === 'string' && part.length > 0).toBe(true);
      expect(formatProblem(problem)).not.toMatch(/[\n\r\u2028\u2029]/);
    }
    expect(readFileSync(paths.out)).toEqual(PREVIOUS_OUTPUT);
    expect(readdirSync(dir).sort()).toEqual(['articles', 'articles.json', 'events.json', 'places.geojson']);
    return;
  }
  // Written: the file holds, for the ingest's checker and for the app's reader alike.
  const { corpus: texts, places } = readInputs(paths);
  const written = readFileSync(paths.out, 'utf8');
  const inputs = { places: new Set(places.map((p) => p.id)), texts: new Map(texts.map(({ article, text }) => [article.id, text])) };
  expect(checkEventsOutput(JSON.parse(written), paths.out, inputs)).toEqual([]);
  expect(parseEvents(written, paths.out, { places: inputs.places, articles: new Set(inputs.texts.keys()) }).problems).toEqual([]);
  expect(readdirSync(dir).sort()).toEqual(['articles', 'articles.json', 'events.json', 'places.geojson']);
}

// Mutations of bytes: a flipped bit, bytes inserted or cut, a truncation, a byte-order mark, bytes not UTF-8.
interface ByteMutation {
  file: FileName;
  at: number; // where, as a fraction of the file's length
  kind: 'flip' | 'insert' | 'cut' | 'truncate' | 'bom' | 'invalid-utf8';
  bytes: Uint8Array;
}
const byteMutation: fc.Arbitrary<ByteMutation> = fc.record({
  file: fc.constantFrom(...FILES),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('flip', 'insert', 'cut', 'truncate', 'bom', 'invalid-utf8'),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
});

function mutateBytes(corpus: Corpus, m: ByteMutation): Corpus {
  const data = corpus[m.file];
  const i = Math.floor(m.at * data.length);
  const parts: Record<ByteMutation['kind'], () => Buffer> = {
    flip: () => Buffer.from(data.map((b, k) => (k === i ? b ^ (1 << (m.bytes[0] % 8)) : b))),
    insert: () => Buffer.concat([data.subarray(0, i), m.bytes, data.subarray(i)]),
    cut: () => Buffer.concat([data.subarray(0, i), data.subarray(i + m.bytes.length)]),
    truncate: () => data.subarray(0, i),
    bom: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), data]),
    'invalid-utf8': () => Buffer.concat([data.subarray(0, i), Buffer.from([0xc3, 0x28, 0xff]), data.subarray(i)]),
  };
  return { ...corpus, [m.file]: parts[m.kind]() };
}

// Mutations of JSON structure: a field dropped, a value of another type, a value nested deep, a key given twice.
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface JsonMutation {
  file: FileName;
  target: number; // which value of the document, counted in document order (modulo their number)
  kind: 'drop' | 'replace' | 'nest' | 'duplicate';
  value: Json;
  depth: number;
}
const jsonMutation: fc.Arbitrary<JsonMutation> = fc.record({
  file: fc.constantFrom<FileName>('articles.json', 'places.geojson'),
  target: fc.nat(),
  kind: fc.constantFrom('drop', 'replace', 'nest', 'duplicate'),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, fc.constantFrom<Json>('', '9999-12-31', '0050-01-01', 'ramadi', 'Polygon', -181, 1e300, [], {}, null)),
  depth: fc.constantFrom(1, 3, 100_000),
});

function mutateJson(corpus: Corpus, m: JsonMutation): Corpus {
  // Left as it is once an earlier mutation nested it deep: JSON.stringify would overflow the stack on it, as the
  // ingest's reader must not.
  if (/[[{]{65}/.test(corpus[m.file].toString('latin1'))) return corpus;
  let doc: Json;
  try {
    doc = JSON.parse(corpus[m.file].toString('utf8').replace(/^\uFEFF/, '')) as Json;
  } catch {
    return corpus; // an earlier mutation left it no JSON to change
  }
  const paths = pathsIn(doc);
  const path = paths[m.target % paths.length];
  const value = m.value;
  if (m.kind === 'duplicate') {
    const parent = path.length ? valueAt(doc, path.slice(0, -1)) : null;
    const key = path[path.length - 1];
    if (parent === null || Array.isArray(parent) || typeof parent !== 'object' || typeof key !== 'string') return corpus;
    return { ...corpus, [m.file]: Buffer.from(stringify(doc, { path: path.slice(0, -1), key, value })) };
  }
  if (path.length === 0) return { ...corpus, [m.file]: Buffer.from(m.kind === 'nest' ? nest(doc, m.depth) : JSON.stringify(m.kind === 'drop' ? null : value)) };
  const parent = valueAt(doc, path.slice(0, -1)) as Record<string, Json> & Json[];
  const key = path[path.length - 1] as string & number;
  if (m.kind === 'drop') {
    if (Array.isArray(parent)) parent.splice(key, 1);
    else delete parent[key];
    return { ...corpus, [m.file]: Buffer.from(JSON.stringify(doc)) };
  }
  if (m.kind === 'replace') {
    parent[key] = value;
    return { ...corpus, [m.file]: Buffer.from(JSON.stringify(doc)) };
  }
  const nested = nest(parent[key], m.depth);
  parent[key] = NEST_MARKER;
  return { ...corpus, [m.file]: Buffer.from(JSON.stringify(doc).replace(JSON.stringify(NEST_MARKER), () => nested)) };
}

const NEST_MARKER = '\u0000nested here\u0000';

/** The paths of a document's values, down to 12 levels (deeper only where an earlier mutation nested it). */
function pathsIn(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const children = at.length >= 12 ? [] : Array.isArray(value) ? value.map((v, i) => pathsIn(v, [...at, i])) : value !== null && typeof value === 'object' ? Object.entries(value).map(([k, v]) => pathsIn(v, [...at, k])) : [];
  return [at, ...children.flat()];
}

function valueAt(value: Json, path: readonly (string | number)[]): Json {
  return path.reduce<Json>((v, key) => (v as Record<string | number, Json>)[key], value);
}

function nest(value: Json, depth: number): string {
  return `${'['.repeat(depth)}${JSON.stringify(value)}${']'.repeat(depth)}`;
}

/** JSON text with one object's key given a second time, as a careless hand edit leaves it. */
function stringify(value: Json, duplicate: { path: (string | number)[]; key: string; value: Json }, at: (string | number)[] = []): string {
  if (Array.isArray(value)) return `[${value.map((v, i) => stringify(v, duplicate, [...at, i])).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${stringify(v, duplicate, [...at, k])}`);
  if (JSON.stringify(at) === JSON.stringify(duplicate.path)) entries.push(`${JSON.stringify(duplicate.key)}:${JSON.stringify(duplicate.value)}`);
  return `{${entries.join(',')}}`;
}

// Mutations of a text: odd line ends, dates at the edges of the calendar, names, characters news copy rarely holds.
interface TextMutation {
  file: FileName;
  lineEnd: string; // put for every line end of the text
  at: number; // where to insert, as a fraction of the text's length
  insert: string;
  line: string; // a line put before one of the text's lines
  lineAt: number; // which, as a fraction of their number
}
const textMutation: fc.Arbitrary<TextMutation> = fc.record({
  file: fc.constantFrom<FileName>('articles/a.txt', 'articles/b.txt'),
  lineEnd: fc.constantFrom('\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', ''),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  line: fc.constantFrom(
    'Militants attacked Mosul on Jan. 1, 1800.', 'Militants attacked Ramadi in 1799.', 'Militants attacked Mosul on Dec. 31, 2100.',
    'Militants attacked Mosul on Dec. 31, 9999.',
    'Protesters gathered in Baghdad between June 20 and June 22.', 'MOSUL - Wire', 'Kerry met Maliki on Tuesday.',
    'Airstrikes hit Anbar and Ramadi on 2014-06-01, officials said.', 'Mr.', 'Gen.', '',
  ),
  lineAt: fc.double({ min: 0, max: 1, noNaN: true }),
  insert: fc.oneof(
    fc.constantFrom(
      ' on December 31, 9999', ' on Jan. 1, 0050', ' in 1799', ' since 1800', ' between June 20 and June 22', ' on 2100-12-31',
      ' Mosul', ' MOSUL - ', ' Ramadi, Anbar', ' Mr.', ' U.S.\r', '\u202E', '\u200D', '\uD800', '📰', '\u0000', '. ', '',
    ),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
  ),
});

function mutateText(corpus: Corpus, m: TextMutation): Corpus {
  const lines = corpus[m.file].toString('utf8').split(/\r\n|\n/);
  lines.splice(Math.floor(m.lineAt * lines.length), 0, m.line);
  const text = lines.join(m.lineEnd);
  const i = Math.floor(m.at * text.length);
  return { ...corpus, [m.file]: Buffer.from(text.slice(0, i) + m.insert + text.slice(i)) };
}

describe('the ingest under fuzzing: a valid output or problems, never a stack trace', () => {
  it('holds for corpora with mutated bytes', () => {
    fc.assert(
      fc.property(fc.array(byteMutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        expectContractHolds(mutations.reduce(mutateBytes, createSeedCorpus()));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('holds for JSON with fields dropped, retyped, nested deep or given twice', () => {
    fc.assert(
      fc.property(fc.array(jsonMutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        expectContractHolds(mutations.reduce(mutateJson, createSeedCorpus()));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('holds for texts with odd line ends, edge dates and stray characters', () => {
    fc.assert(
      fc.property(fc.array(textMutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        expectContractHolds(mutations.reduce(mutateText, createSeedCorpus()));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
