import distance from '@turf/distance';
import type { Gazetteer } from '../gazetteer/gazetteer.ts';
import { probability, trainLogistic, type Example } from '../learn/logistic.ts';
import type { BenchmarkDoc } from './benchmark.ts';
import { FEATURES, candidatesOf } from './features.ts';
import { fieldPoint, readNames } from './geoparse.ts';
import { MODEL_FORMAT, type GeoparseModel, type ModelFile } from './model-file.ts';
import { matchGold } from './score.ts';

/**
 * Learning the geoparser from annotated documents. Each name the gazetteer scan finds is an example for the
 * recogniser: positive when it matches a gold toponym by the field's protocol. Each candidate of a matched name is
 * an example for the resolver: positive when it is the candidate nearest the gold point and within ACCURACY_KM
 * (a name none of whose candidates is that near teaches the resolver nothing).
 */
const ACCURACY_KM = 161;

export interface TrainingSet {
  recognize: Example[];
  resolve: Example[];
}

/** The examples of some documents. */
export function trainingSet(docs: readonly BenchmarkDoc[], gazetteer: Gazetteer): TrainingSet {
  const set: TrainingSet = { recognize: [], resolve: [] };
  for (const doc of docs) {
    const { resolutions, features } = readNames(doc.text, gazetteer);
    const spans = resolutions.map((r) => ({ start: r.span.start, end: r.span.end, name: doc.text.slice(r.span.start, r.span.end) }));
    const goldOf = new Map<number, (typeof doc.gold)[number]>();
    matchGold(doc.gold, spans).forEach((k, g) => k >= 0 && goldOf.set(k, doc.gold[g]));
    resolutions.forEach((r, i) => {
      const gold = goldOf.get(i);
      set.recognize.push({ features: features[i].recognize, label: gold !== undefined });
      if (!gold) return;
      const km = candidatesOf(r.span, gazetteer).map((c) => {
        const [lat, lon] = fieldPoint(gazetteer, gazetteer.entry(c));
        return distance([gold.lon, gold.lat], [lon, lat]);
      });
      const nearest = km.reduce((b, d, k) => (d < km[b] ? k : b), 0);
      if (km.length < 2 || km[nearest] >= ACCURACY_KM) return; // one candidate, or none right: nothing to choose
      features[i].candidates.forEach((f, k) => set.resolve.push({ features: f, label: k === nearest }));
    });
  }
  return set;
}

/** A model learned from a training set, its threshold the one that gives the best F1 on that set. */
export function trainGeoparser(set: TrainingSet): GeoparseModel {
  const recognize = trainLogistic(set.recognize);
  const resolve = trainLogistic(set.resolve);
  return { recognize, threshold: bestThreshold(set.recognize.map((e) => ({ p: probability(recognize, e.features), label: e.label }))), resolve };
}

/** The threshold (to two decimals) that maximises F1 over scored examples. */
export function bestThreshold(scored: readonly { p: number; label: boolean }[]): number {
  const positives = scored.filter((s) => s.label).length;
  let best = { threshold: 0.5, f1: -1 };
  for (let t = 5; t <= 95; t++) {
    const threshold = t / 100;
    const taken = scored.filter((s) => s.p >= threshold);
    const tp = taken.filter((s) => s.label).length;
    const f1 = taken.length && positives ? (2 * tp) / (taken.length + positives) : 0;
    if (f1 > best.f1) best = { threshold, f1 };
  }
  return best.threshold;
}

/** The weights file's contents for benchmarks read from `folder`: one model per training set (see model-file.ts). */
export function trainModelFile(docsById: ReadonlyMap<string, readonly BenchmarkDoc[]>, gazetteer: Gazetteer, gazetteerName: string): ModelFile {
  const sets = new Map([...docsById].map(([id, docs]) => [id, trainingSet(docs, gazetteer)]));
  const models: Record<string, GeoparseModel> = {};
  const ids = [...sets.keys()];
  const join = (parts: TrainingSet[]): TrainingSet => ({ recognize: parts.flatMap((p) => p.recognize), resolve: parts.flatMap((p) => p.resolve) });
  models[ids.join('+')] = trainGeoparser(join([...sets.values()]));
  if (ids.length > 1) for (const id of ids) models[id] = trainGeoparser(sets.get(id)!);
  return { format: MODEL_FORMAT, features: FEATURES, gazetteer: gazetteerName, models };
}

/** The weights file as written: the same contents give the same bytes. */
export function modelFileText(file: ModelFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}
