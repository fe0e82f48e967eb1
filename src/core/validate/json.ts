import * as jsonc from 'jsonc-parser';
import * as v from 'valibot';
import type { InputProblem } from '../problem.ts';
import { InputError } from './fields.ts';

// Reading a file's JSON text strictly (a key given twice, nesting too deep, the line and column of an error), and
// valibot's issues as problems naming the file and the field.

/** How deep arrays and objects may nest in the files (the deepest they need is 8: a MultiPolygon's positions in places.geojson). */
const MAX_JSON_DEPTH = 64;

/**
 * The value of a file's JSON text, strictly: a leading byte-order mark is allowed (editors on Windows write one);
 * nesting deeper than MAX_JSON_DEPTH and a key given twice in one object are refused (JSON.parse would keep the last
 * without a word). Errors carry the line and column, found by jsonc-parser (Node 20's message has none).
 */
export function parseJson(text: string, file: string): unknown {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { deepAt, duplicateKey } = scanJson(json);
  if (deepAt >= 0) throw new InputError([{ file, field: '(json)', message: `nested more than ${MAX_JSON_DEPTH} levels deep (${lineAndColumn(json, deepAt)})` }]);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const errors: jsonc.ParseError[] = [];
    jsonc.parse(json, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const message = first ? `${lineAndColumn(json, first.offset)}: ${jsonc.printParseErrorCode(first.error)}` : (error as Error).message;
    throw new InputError([{ file, field: '(json)', message: `invalid JSON: ${message}` }]);
  }
  if (duplicateKey) {
    throw new InputError(duplicateKeys(json).map(({ path, times }) => ({ file, field: fieldOf('', path), message: `duplicate key: it is given ${times} times, and JSON would keep only the last` })));
  }
  return value;
}

/**
 * One pass over JSON text: the offset at which it first nests deeper than MAX_JSON_DEPTH (-1 if it does not), and
 * whether an object gives a key twice (meaningful for valid JSON only). By hand, and before any parser runs:
 * parsers recurse once a level (100,000 levels overflow jsonc-parser's stack with a RangeError), and JSON.parse keeps
 * the last of two keys without a word. Linear, a string at a time, so a 100 MB events.json costs little more.
 */
function scanJson(json: string): { deepAt: number; duplicateKey: boolean } {
  const open: (Set<string> | null)[] = []; // for each array (null) or object (its keys so far) being read
  const structural = /["[\]{}]/g; // the characters that matter here, found by the regular expression engine
  const colon = /[ \t\n\r]*:/y;
  let duplicateKey = false;
  for (let m = structural.exec(json); m !== null; m = structural.exec(json)) {
    const i = m.index;
    const c = json.charCodeAt(i);
    if (c === 0x22) {
      const end = closingQuote(json, i);
      if (end < 0) break; // an unterminated string: JSON.parse will say where
      const keys = open[open.length - 1];
      colon.lastIndex = end + 1;
      if (keys && colon.test(json)) {
        const raw = json.slice(i + 1, end);
        const key = raw.includes('\\') ? unescapeKey(raw) : raw;
        if (keys.has(key)) duplicateKey = true;
        keys.add(key);
      }
      structural.lastIndex = end + 1;
    } else if (c === 0x7b || c === 0x5b) {
      open.push(c === 0x7b ? new Set() : null);
      if (open.length > MAX_JSON_DEPTH) return { deepAt: i, duplicateKey };
    } else open.pop();
  }
  return { deepAt: -1, duplicateKey };
}

/** A key's escapes read ("\\u0061" is "a"); in JSON that is not valid, as it stands. */
function unescapeKey(raw: string): string {
  try {
    return String(JSON.parse(`"${raw}"`));
  } catch {
    return raw;
  }
}

/** The offset of the quote that closes the string opening at `start`, or -1. */
function closingQuote(json: string, start: number): number {
  for (let at = json.indexOf('"', start + 1); at >= 0; at = json.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (json.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

/** The keys given more than once in one object of valid JSON: their paths, and how many times each is given. */
function duplicateKeys(json: string): { path: jsonc.JSONPath; times: number }[] {
  const open: Map<string, number>[] = []; // for each object being read, its keys so far and how often each came
  const found = new Map<string, { path: jsonc.JSONPath; times: number }>();
  jsonc.visit(json, {
    onObjectBegin: () => void open.push(new Map()),
    onObjectEnd: () => void open.pop(),
    onObjectProperty: (key, _offset, _length, _line, _column, pathSupplier) => {
      const keys = open[open.length - 1];
      const times = (keys.get(key) ?? 0) + 1;
      keys.set(key, times);
      if (times < 2) return;
      const path = [...pathSupplier(), key];
      const id = JSON.stringify(path);
      found.set(id, { path: found.get(id)?.path ?? path, times });
    },
  });
  return [...found.values()];
}

function lineAndColumn(json: string, offset: number): string {
  const lines = json.slice(0, offset).split('\n');
  return `line ${lines.length}, column ${lines[lines.length - 1].length + 1}`;
}

/** A JSON path as the problems name it: `[2].published`, `features[0].geometry`; `(root)` for the whole. */
function fieldOf(prefix: string, keys: readonly PropertyKey[]): string {
  // A key that is not a plain name (a space, a line break, a dot in it) is quoted, so a problem stays one line.
  const path = keys.map((key) => (typeof key === 'number' ? `[${key}]` : /^[\w$-]+$/.test(String(key)) ? `.${String(key)}` : `[${JSON.stringify(String(key))}]`)).join('');
  return `${prefix}${path}`.replace(/^\./, '') || '(root)';
}

/**
 * A JSON file's text read as strictly as every other file here (see parseJson) and checked against `schema`, with
 * one problem per issue naming the field; for files this module has no parser of its own for.
 */
export function parseJsonWith<T extends v.GenericSchema>(text: string, file: string, schema: T): v.InferOutput<T> {
  const result = v.safeParse(schema, parseJson(text, file));
  if (!result.success) throw new InputError(issuesToProblems(result.issues, file, ''));
  return result.output;
}

export function issuesToProblems(issues: readonly v.BaseIssue<unknown>[], file: string, prefix: string): InputProblem[] {
  return issues.map((issue) => {
    const field = fieldOf(prefix, (issue.path ?? []).map((p) => p.key as PropertyKey));
    const message = issue.kind === 'schema' && issue.received === 'undefined' ? 'is missing' : issue.message;
    return { file, field, message };
  });
}
