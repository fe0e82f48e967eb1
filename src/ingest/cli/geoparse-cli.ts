#!/usr/bin/env node
import { inputErrorStatus, readCommandLine } from './command-line.ts';
import { InputError, MAX_ARTICLE_BYTES, type InputProblem } from '../../core/validate.ts';
import { writeAtomically, writeFailure } from '../../io/atomic-write.ts';
import { loadGazetteer } from '../gazetteer/gazetteer.ts';
import { geoparse } from '../geoparse/geoparse.ts';
import { ALL_BENCHMARKS, modelTrainedOn, readModelFile } from '../geoparse/model-file.ts';
import { jsonLines } from '../geoparse/jsonl.ts';

const USAGE = `usage: npm run geoparse -- --in DOCS.jsonl --out MENTIONS.jsonl
Each input line: {"id": "...", "text": "..."}. Each output line, one per place name found, in input order:
{"id","start","end","name","lat","lon","ref","kind","country","confidence"} (offsets in UTF-16 code units).
Every line is checked before anything is written: a bad line is named, and the output is left as it was.`;

interface Doc {
  id: string;
  text: string;
}

function main(argv: string[]): number {
  const values = readCommandLine(argv, { in: { type: 'string' }, out: { type: 'string' } } as const, USAGE);
  if (typeof values === 'number') return values;
  if (!values.in || !values.out) {
    process.stderr.write(`name the input and the output: --in DOCS.jsonl --out MENTIONS.jsonl\n${USAGE}\n`);
    return 1;
  }
  const input = values.in;
  const out = values.out;
  try {
    // First every line is read and checked (nothing is written if one is bad), then the names are found.
    const problems: InputProblem[] = [];
    let count = 0;
    for (const doc of docs(input, problems)) if (doc) count++;
    if (problems.length) throw new InputError(problems);
    const gazetteer = loadGazetteer();
    const model = modelTrainedOn(readModelFile(), ALL_BENCHMARKS);
    let mentions = 0;
    function* lines(): Generator<string> {
      for (const doc of docs(input, [])) {
        if (!doc) continue;
        for (const m of geoparse(doc.text, gazetteer, model)) {
          mentions++;
          yield `${JSON.stringify({ id: doc.id, start: m.start, end: m.end, name: m.name, lat: m.lat, lon: m.lon, ref: m.ref, kind: m.kind, country: m.country, confidence: m.confidence })}\n`;
        }
      }
    }
    try {
      writeAtomically(out, lines(), 'mentions');
    } catch (error) {
      throw new InputError([{ file: out, field: '(file)', message: writeFailure(error) }]);
    }
    process.stderr.write(`${out}: ${mentions} place names in ${count} documents\n`);
    return 0;
  } catch (error) {
    return inputErrorStatus(error);
  }
}

/** The documents of the input, checked line by line (null for a line with a problem, which is added). */
function* docs(file: string, problems: InputProblem[]): Generator<Doc | null> {
  const ids = new Set<string>();
  for (const { line, value } of jsonLines(file, MAX_ARTICLE_BYTES, problems)) {
    const doc = value as { id?: unknown; text?: unknown };
    const field = `line ${line}`;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      problems.push({ file, field, message: 'must be a JSON object {"id", "text"}' });
      yield null;
    } else if (typeof doc.text !== 'string') {
      problems.push({ file, field: `${field}, text`, message: doc.text === undefined ? 'is missing' : 'must be a string' });
      yield null;
    } else if (typeof doc.id !== 'string' && typeof doc.id !== 'number') {
      problems.push({ file, field: `${field}, id`, message: doc.id === undefined ? 'is missing' : 'must be a string or a number' });
      yield null;
    } else if (ids.has(String(doc.id))) {
      problems.push({ file, field: `${field}, id`, message: `"${doc.id}" is given twice` });
      yield null;
    } else {
      ids.add(String(doc.id));
      yield { id: String(doc.id), text: doc.text };
    }
  }
}

process.exitCode = main(process.argv.slice(2));
