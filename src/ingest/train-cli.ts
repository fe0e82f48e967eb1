#!/usr/bin/env node
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError, formatProblem } from '../core/validate.ts';
import { writeAtomically, writeFailure } from './atomic-write.ts';
import { loadGazetteer } from './gazetteer/gazetteer.ts';
import { readBenchmark, type BenchmarkDoc } from './geoparse/benchmark.ts';
import { BENCHMARKS, BENCHMARK_FOLDER } from './geoparse/benchmarks.ts';
import { MODEL_FILE, gazetteerName } from './geoparse/model-file.ts';
import { modelFileText, trainModelFile } from './geoparse/train.ts';

const USAGE = `usage: npm run train -- [--geoparse ${BENCHMARK_FOLDER}] [--out ${MODEL_FILE}]
Learns the geoparser's weights from the public benchmarks (LGL, TR-News) in that folder and writes them to
${MODEL_FILE}: the same benchmarks and code give the same file, byte for byte.`;

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { geoparse: { type: 'string', default: BENCHMARK_FOLDER }, out: { type: 'string', default: MODEL_FILE }, help: { type: 'boolean', short: 'h', default: false } } }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 1;
  }
  if (values.help) return process.stdout.write(`${USAGE}\n`), 0;
  try {
    const present = BENCHMARKS.filter((b) => existsSync(join(values.geoparse, b.file)));
    if (present.length === 0) throw new InputError([{ file: values.geoparse, field: '(folder)', message: `holds none of ${BENCHMARKS.map((b) => b.file).join(', ')}: nothing to learn from` }]);
    const started = performance.now();
    const docs = new Map<string, BenchmarkDoc[]>(present.map((b) => [b.id, readBenchmark(join(values.geoparse, b.file)).docs]));
    const file = trainModelFile(docs, loadGazetteer(), gazetteerName());
    try {
      mkdirSync(dirname(values.out), { recursive: true });
      writeAtomically(values.out, [modelFileText(file)], 'model');
    } catch (error) {
      throw new InputError([{ file: values.out, field: '(file)', message: writeFailure(error) }]);
    }
    const sizes = Object.entries(file.models).map(([id, m]) => `${id}: ${Object.keys(m.recognize.weights).length} + ${Object.keys(m.resolve.weights).length} weights, threshold ${m.threshold}`);
    process.stderr.write(`train: ${[...docs.values()].reduce((n, d) => n + d.length, 0)} documents in ${Math.round(performance.now() - started)} ms → ${values.out}\n  ${sizes.join('\n  ')}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
