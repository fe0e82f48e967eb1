import distance from '@turf/distance';
import type { GoldToponym } from './benchmark.ts';

/**
 * The field's end-to-end geoparsing protocol (Gritta et al. 2018, as the EUPEG platform runs it; see
 * `../shared/geoparse/README.md`): a predicted toponym matches a gold one when the midpoints of their spans are
 * less than MIDPOINT_CHARS apart and the names are equal in lowercase; each gold toponym, in order, takes the first
 * unmatched prediction that matches it. Geocoding is scored over the matched pairs.
 */
export const MIDPOINT_CHARS = 10;
const ACCURACY_KM = 161; // 100 miles
const EARTH_HALF_CIRCUMFERENCE_KM = 20_039; // the largest error possible

export interface Predicted {
  start: number;
  end: number;
  name: string;
  lat: number;
  lon: number;
}

export interface DocScore {
  tp: number;
  fp: number;
  fn: number;
  /** Error of each matched pair, km. */
  errorsKm: number[];
  /** Gold toponyms not matched, and predictions that matched none. */
  missed: GoldToponym[];
  spurious: Predicted[];
}

export interface GeoparseFigures {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of matched pairs with error under 161 km. */
  acc161: number;
  /** Area under the curve of ln(1 + error) / ln(20,039), lower is better. */
  auc: number;
  meanKm: number;
  medianKm: number;
}

/** For each gold toponym in order, the index of the prediction it matches by the protocol, or -1. */
export function matchGold(gold: readonly GoldToponym[], predicted: readonly { start: number; end: number; name: string }[]): number[] {
  const used = new Array<boolean>(predicted.length).fill(false);
  return gold.map((g) => {
    const mid = (g.start + g.end) / 2;
    const name = g.name.toLowerCase();
    const k = predicted.findIndex((p, i) => !used[i] && Math.abs((p.start + p.end) / 2 - mid) < MIDPOINT_CHARS && p.name.toLowerCase() === name);
    if (k >= 0) used[k] = true;
    return k;
  });
}

/** One document's matches, by the protocol. */
export function scoreDoc(gold: readonly GoldToponym[], predicted: readonly Predicted[]): DocScore {
  const matches = matchGold(gold, predicted);
  const used = new Set(matches);
  const errorsKm = matches.flatMap((k, i) => (k < 0 ? [] : [distance([gold[i].lon, gold[i].lat], [predicted[k].lon, predicted[k].lat])]));
  const missed = gold.filter((_, i) => matches[i] < 0);
  const spurious = predicted.filter((_, i) => !used.has(i));
  return { tp: errorsKm.length, fp: spurious.length, fn: missed.length, errorsKm, missed, spurious };
}

/** The corpus's figures from its documents' scores. */
export function sumGeoparse(scores: readonly DocScore[]): GeoparseFigures {
  const tp = scores.reduce((n, s) => n + s.tp, 0);
  const fp = scores.reduce((n, s) => n + s.fp, 0);
  const fn = scores.reduce((n, s) => n + s.fn, 0);
  const errors = scores.flatMap((s) => s.errorsKm).sort((a, b) => a - b);
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    tp,
    fp,
    fn,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    acc161: errors.length ? errors.filter((e) => e < ACCURACY_KM).length / errors.length : 0,
    auc: areaUnderCurve(errors),
    meanKm: errors.length ? errors.reduce((a, b) => a + b, 0) / errors.length : 0,
    medianKm: errors.length ? median(errors) : 0,
  };
}

/** ln(1 + error) / ln(20,039) for the sorted errors, integrated by the trapezoidal rule over n − 1 steps. */
export function areaUnderCurve(sortedErrorsKm: readonly number[]): number {
  const n = sortedErrorsKm.length;
  if (n < 2) return n === 1 ? Math.log(1 + sortedErrorsKm[0]) / Math.log(EARTH_HALF_CIRCUMFERENCE_KM) : 0;
  const y = sortedErrorsKm.map((e) => Math.min(1, Math.log(1 + e) / Math.log(EARTH_HALF_CIRCUMFERENCE_KM)));
  let area = 0;
  for (let i = 1; i < n; i++) area += (y[i - 1] + y[i]) / 2;
  return area / (n - 1);
}

function median(sorted: readonly number[]): number {
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}
