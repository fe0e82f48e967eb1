import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gazetteer } from '../gazetteer/gazetteer.ts';
import { readBenchmark, type Benchmark } from './benchmark.ts';
import { geoparse, type GeoMention } from './geoparse.ts';
import { scoreDoc, sumGeoparse, type DocScore, type GeoparseFigures } from './score.ts';

/** Where the public benchmarks live, beside the project (see that folder's README); never in the repository. */
export const BENCHMARK_FOLDER = join('..', 'shared', 'geoparse');
export const BENCHMARKS = [
  { id: 'lgl', file: 'lgl.json', label: 'LGL' },
  { id: 'trnews', file: 'trnews.json', label: 'TR-News' },
] as const;

export interface BenchmarkResult {
  id: string;
  label: string;
  docs: number;
  figures: GeoparseFigures;
  scores: { doc: string; score: DocScore; text: string }[];
}

/** A published system's figures on a benchmark, as the benchmarks' README gives them. */
export interface PublishedRow {
  system: string;
  f1: number;
  acc161: number;
}

/** The benchmarks present in `folder` (none when the folder is absent), each geoparsed and scored. */
export function evaluateBenchmarks(folder: string, gazetteer: Gazetteer, parse: (text: string) => GeoMention[] = (text) => geoparse(text, gazetteer)): BenchmarkResult[] {
  const results: BenchmarkResult[] = [];
  for (const b of BENCHMARKS) {
    const path = join(folder, b.file);
    if (!existsSync(path)) continue;
    const benchmark: Benchmark = readBenchmark(path);
    const scores = benchmark.docs.map((d) => ({ doc: d.id, text: d.text, score: scoreDoc(d.gold, parse(d.text)) }));
    results.push({ id: b.id, label: b.label, docs: benchmark.docs.length, figures: sumGeoparse(scores.map((s) => s.score)), scores });
  }
  return results;
}

/**
 * The published end-to-end rows (F1 / acc@161) for each benchmark, read from the README's lines
 * "- LGL: System 0.713 / 0.643, …" at eval time, so that the figures are quoted from one place.
 */
export function publishedRows(folder: string): Map<string, PublishedRow[]> {
  const rows = new Map<string, PublishedRow[]>();
  const readme = join(folder, 'README.md');
  if (!existsSync(readme)) return rows;
  const text = readFileSync(readme, 'utf8');
  for (const b of BENCHMARKS) {
    const line = new RegExp(`^- ${b.label.replace('-', '\\-')}: (.*(?:\\n  .*)*)`, 'm').exec(text);
    if (!line) continue;
    const body = line[1].replace(/\n\s+/g, ' ').split(/;/)[0]; // "resolution alone" figures after the ";" are another measure
    rows.set(b.id, [...body.matchAll(/([A-Z][\w .+-]*?) (\d\.\d+) \/ (\d\.\d+)/g)].map((m) => ({ system: m[1].trim(), f1: Number(m[2]), acc161: Number(m[3]) })));
  }
  return rows;
}
