import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gazetteer } from '../gazetteer/gazetteer.ts';
import { readBenchmark, type Benchmark } from './benchmark.ts';
import { geoparse } from './geoparse.ts';
import type { GeoparseModel, ModelFile } from './model-file.ts';
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
  /** "rules" (the gazetteer scan and the rules' resolver alone), or "learned, trained on X" (never on this benchmark). */
  system: string;
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

/**
 * The benchmarks present in `folder` (none when the folder is absent), each geoparsed and scored by the rules alone
 * and, given the weights file, by the learned geoparser trained on the other benchmarks only.
 */
export function evaluateBenchmarks(folder: string, gazetteer: Gazetteer, models: ModelFile | null): BenchmarkResult[] {
  const results: BenchmarkResult[] = [];
  for (const b of BENCHMARKS) {
    const path = join(folder, b.file);
    if (!existsSync(path)) continue;
    const benchmark: Benchmark = readBenchmark(path);
    const systems: [string, GeoparseModel | null][] = [['rules', null]];
    const heldOut = models && heldOutModel(models, b.id);
    if (heldOut) systems.push([`learned, trained on ${heldOut.trainedOn}`, heldOut.model]);
    for (const [system, model] of systems) {
      const scores = benchmark.docs.map((d) => ({ doc: d.id, text: d.text, score: scoreDoc(d.gold, geoparse(d.text, gazetteer, model)) }));
      results.push({ id: b.id, label: b.label, system, docs: benchmark.docs.length, figures: sumGeoparse(scores.map((s) => s.score)), scores });
    }
  }
  return results;
}

/** The model of the file that learned from the most benchmarks, none of them `id`; null if every model saw it. */
export function heldOutModel(models: ModelFile, id: string): { model: GeoparseModel; trainedOn: string } | null {
  const keys = Object.keys(models.models).filter((k) => !k.split('+').includes(id)).sort((a, b) => b.split('+').length - a.split('+').length || (a < b ? -1 : 1));
  if (keys.length === 0) return null;
  const label = (k: string) => k.split('+').map((part) => BENCHMARKS.find((b) => b.id === part)?.label ?? part).join(' + ');
  return { model: models.models[keys[0]], trainedOn: label(keys[0]) };
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
