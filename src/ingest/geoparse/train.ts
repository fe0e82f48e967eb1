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

/** How far the annotators' point of an area may lie from the embedded one and still be that area's (Canada's: 900 km). */
const AREA_KM = 1500;
/** An area point is learned from at least this many toponyms, most of them within AGREE_KM of their median. */
const AREA_MIN_TOPONYMS = 2;
const AGREE_KM = 50;
/** A learned point nearer than this to the embedded one changes nothing that matters, and is left out of the file. */
const AREA_SAME_KM = 25;

export interface TrainingSet {
  recognize: Example[];
  /** The document of each recogniser example (its id), for choosing the threshold on documents held out. */
  recognizeDocs: string[];
  resolve: Example[];
  /** The gold points of the toponyms whose nearest candidate is an area, by that area's ref. */
  areas: Map<string, [number, number][]>;
}

/** The examples of some documents. */
export function trainingSet(docs: readonly BenchmarkDoc[], gazetteer: Gazetteer): TrainingSet {
  const set: TrainingSet = { recognize: [], recognizeDocs: [], resolve: [], areas: new Map() };
  for (const doc of docs) {
    const { resolutions, features } = readNames(doc.text, gazetteer);
    const spans = resolutions.map((r) => ({ start: r.span.start, end: r.span.end, name: doc.text.slice(r.span.start, r.span.end) }));
    const goldOf = new Map<number, (typeof doc.gold)[number]>();
    matchGold(doc.gold, spans).forEach((k, g) => k >= 0 && goldOf.set(k, doc.gold[g]));
    resolutions.forEach((r, i) => {
      const gold = goldOf.get(i);
      set.recognize.push({ features: features[i].recognize, label: gold !== undefined });
      set.recognizeDocs.push(doc.id);
      if (!gold) return;
      const candidates = candidatesOf(r.span, gazetteer);
      const km = candidates.map((c) => {
        const [lat, lon] = fieldPoint(gazetteer, gazetteer.entry(c));
        return distance([gold.lon, gold.lat], [lon, lat]);
      });
      const nearest = km.reduce((b, d, k) => (d < km[b] ? k : b), 0);
      const nearestEntry = km.length ? gazetteer.entry(candidates[nearest]) : null;
      if (nearestEntry && (nearestEntry.kind === 'country' || nearestEntry.kind === 'province') && km[nearest] < AREA_KM) {
        const points = set.areas.get(nearestEntry.ref);
        if (points) points.push([gold.lat, gold.lon]);
        else set.areas.set(nearestEntry.ref, [[gold.lat, gold.lon]]);
      }
      if (km.length < 2 || km[nearest] >= ACCURACY_KM) return; // one candidate, or none right: nothing to choose
      features[i].candidates.forEach((f, k) => set.resolve.push({ features: f, label: k === nearest }));
    });
  }
  return set;
}

/** How many parts the documents are cut into to choose the recogniser's threshold on documents it did not learn from. */
const THRESHOLD_FOLDS = 5;

/**
 * A model learned from a training set, its threshold the one that gives the best F1 on that set's documents each
 * scored by a recogniser learned from the other folds: chosen in-sample, on the probabilities of a model that saw
 * those very names, it came out too high or too low by chance (0.51 one day, 0.59 the next, for TR-News).
 */
export function trainGeoparser(set: TrainingSet, gazetteer: Gazetteer): GeoparseModel {
  const recognize = trainLogistic(set.recognize);
  const resolve = trainLogistic(set.resolve);
  const fold = set.recognizeDocs.map((doc) => foldOf(doc));
  const heldOut = Array.from({ length: THRESHOLD_FOLDS }, (_, k) => {
    const model = trainLogistic(set.recognize.filter((_, i) => fold[i] !== k));
    return set.recognize.flatMap((e, i) => (fold[i] === k ? [{ p: probability(model, e.features), label: e.label }] : []));
  }).flat();
  return { recognize, threshold: bestThreshold(heldOut), resolve, areaPoints: areaPoints(set.areas, gazetteer) };
}

/** A document's fold, from its id (the same id, the same fold, on every run). */
function foldOf(doc: string): number {
  let h = 0;
  for (let i = 0; i < doc.length; i++) h = (h * 31 + doc.charCodeAt(i)) >>> 0;
  return h % THRESHOLD_FOLDS;
}

/**
 * The point of each area as the training set's annotators put it: the median of its toponyms' gold points, where
 * at least AREA_MIN_TOPONYMS of them agree (most within AGREE_KM of the median: one annotator's slip, "Turkey" put
 * in Texas, teaches nothing) and it lies more than AREA_SAME_KM from the embedded point. Sorted by ref, rounded to
 * 0.01°, so that the file is the same bytes for the same data.
 */
export function areaPoints(areas: ReadonlyMap<string, readonly [number, number][]>, gazetteer: Gazetteer): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const ref of [...areas.keys()].sort()) {
    const points = areas.get(ref)!;
    const entry = gazetteer.byRef(ref);
    if (!entry || points.length < AREA_MIN_TOPONYMS) continue;
    const median: [number, number] = [medianOf(points.map((p) => p[0])), medianOf(points.map((p) => p[1]))];
    const agreeing = points.filter((p) => distance([p[1], p[0]], [median[1], median[0]]) < AGREE_KM).length;
    if (agreeing * 2 <= points.length) continue;
    const [lat, lon] = fieldPoint(gazetteer, entry);
    if (distance([lon, lat], [median[1], median[0]]) < AREA_SAME_KM) continue;
    out[ref] = [Math.round(median[0] * 100) / 100, Math.round(median[1] * 100) / 100];
  }
  return out;
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
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
  const join = (parts: TrainingSet[]): TrainingSet => ({
    recognize: parts.flatMap((p) => p.recognize),
    recognizeDocs: parts.flatMap((p) => p.recognizeDocs),
    resolve: parts.flatMap((p) => p.resolve),
    areas: parts.reduce((all, p) => {
      for (const [ref, points] of p.areas) all.set(ref, [...(all.get(ref) ?? []), ...points]);
      return all;
    }, new Map<string, [number, number][]>()),
  });
  models[ids.join('+')] = trainGeoparser(join([...sets.values()]), gazetteer);
  if (ids.length > 1) for (const id of ids) models[id] = trainGeoparser(sets.get(id)!, gazetteer);
  return { format: MODEL_FORMAT, features: FEATURES, gazetteer: gazetteerName, models };
}

/** The weights file as written: the same contents give the same bytes. */
export function modelFileText(file: ModelFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}
