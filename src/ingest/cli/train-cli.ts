#!/usr/bin/env node
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../core/validate.ts';
import { writeAtomically, writeFailure } from '../../io/atomic-write.ts';
import { inputErrorStatus, readCommandLine } from './command-line.ts';
import { readDevCorpus } from '../eval/evaluate.ts';
import { loadGazetteer } from '../gazetteer/gazetteer.ts';
import { readBenchmark, type BenchmarkDoc } from '../geoparse/benchmark.ts';
import { BENCHMARKS, BENCHMARK_FOLDER } from '../geoparse/benchmarks.ts';
import { modelFileText, trainModelFile } from '../geoparse/train.ts';
import { correctionExamples } from '../judge/correction-examples.ts';
import { readJudgeFile } from '../judge/model-file.ts';
import { trainJudgeFile } from '../judge/train.ts';
import { gazetteerName, modelsFolder } from '../learn/weights-file.ts';

const USAGE = `usage: npm run train -- [--geoparse ${BENCHMARK_FOLDER}] [--corpus test/corpus] [--models models/]
                        [--with-corrections [--articles data/articles.json] [--places geo/places.geojson]]
Learns the geoparser from the public benchmarks (LGL, TR-News) in --geoparse and the judge from the development
corpus in --corpus, and writes their weights to --models (geoparse.json, judge.json): the same data and code give
the same files, byte for byte. --with-corrections: the judge learns also from the corrections people made on the
map to the corpus of --articles (its corrections.json; docs/corrections.md), labelled by what they decided.`;

function main(argv: string[]): number {
  const values = readCommandLine(argv, { geoparse: { type: 'string', default: BENCHMARK_FOLDER }, corpus: { type: 'string', default: 'test/corpus' }, models: { type: 'string', default: modelsFolder() }, 'with-corrections': { type: 'boolean', default: false }, articles: { type: 'string' }, places: { type: 'string' } } as const, USAGE);
  if (typeof values === 'number') return values;
  if (!values['with-corrections'] && (values.articles !== undefined || values.places !== undefined)) {
    process.stderr.write(`--articles and --places name the corpus whose corrections the judge learns from: add --with-corrections\n${USAGE}\n`);
    return 1;
  }
  try {
    const present = BENCHMARKS.filter((b) => existsSync(join(values.geoparse, b.file)));
    if (present.length === 0) throw new InputError([{ file: values.geoparse, field: '(folder)', message: `holds none of ${BENCHMARKS.map((b) => b.file).join(', ')}: nothing to learn the geoparser from` }]);
    const dev = readDevCorpus(values.corpus); // read first: a bad corpus (or corrections file) stops the run before anything is written
    const gazetteer = loadGazetteer();
    const corpus = { articles: values.articles ?? 'data/articles.json', places: values.places ?? 'geo/places.geojson' };
    const corrections = values['with-corrections'] ? { corpus: corpus.articles, ...correctionExamples(corpus, gazetteer, readJudgeFile()) } : undefined;
    if (corrections) process.stderr.write(`train: ${corrections.examples.length} examples from ${corrections.used} corrections of ${corpus.articles}${corrections.unmatched ? ` (${corrections.unmatched} name a sentence × place the rules no longer propose)` : ''}\n`);
    let started = performance.now();
    const docs = new Map<string, BenchmarkDoc[]>(present.map((b) => [b.id, readBenchmark(join(values.geoparse, b.file)).docs]));
    const geoparser = trainModelFile(docs, gazetteer, gazetteerName());
    const geoparseOut = join(values.models, 'geoparse.json');
    write(geoparseOut, modelFileText(geoparser));
    const sizes = Object.entries(geoparser.models).map(([id, m]) => `${id}: ${Object.keys(m.recognize.weights).length} + ${Object.keys(m.resolve.weights).length} weights, threshold ${m.threshold}`);
    process.stderr.write(`train: geoparser from ${[...docs.values()].reduce((n, d) => n + d.length, 0)} documents in ${Math.round(performance.now() - started)} ms → ${geoparseOut}\n  ${sizes.join('\n  ')}\n`);
    started = performance.now();
    const judge = trainJudgeFile(dev, values.corpus, gazetteer, gazetteerName(), corrections);
    const judgeOut = join(values.models, 'judge.json');
    write(judgeOut, `${JSON.stringify(judge, null, 1)}\n`);
    process.stderr.write(`train: judge from ${judge.trainedOn.articles} articles of ${judge.trainedOn.stories} stories in ${Math.round(performance.now() - started)} ms → ${judgeOut}\n  ${Object.keys(judge.model.weights).length} weights, threshold ${judge.threshold} (${judge.thresholdRule}), floor ${judge.floor}\n`);
    return 0;
  } catch (error) {
    return inputErrorStatus(error);
  }
}

function write(file: string, text: string): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeAtomically(file, [text], 'model');
  } catch (error) {
    throw new InputError([{ file, field: '(file)', message: writeFailure(error) }]);
  }
}

process.exitCode = main(process.argv.slice(2));
