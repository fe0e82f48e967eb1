import { firstIndex } from './bisect.ts';
import type { Category, MapEvent } from './model.ts';

/** Categories that cannot both be true of one place on one day: it was taken, or it was taken back. */
const CONTRADICTIONS: readonly [Category, Category][] = [['capture', 'recapture']];

export interface Disagreement {
  a: MapEvent;
  b: MapEvent;
}

/**
 * Pairs of reports about the same place whose dates overlap, from different articles, that contradict each other
 * (one says militants overran a crossing, another that forces regained it). Each pair once, `a` before `b` in input
 * order, the pairs ordered by a's index, then b's; any input order gives the same pairs. O(n log n + p log p) for
 * n reports and p pairs: each place's reports of a contradicting category are sorted by start day, and each report
 * finds by bisection the reports of the other category that start within its dates.
 */
export function findDisagreements(events: readonly MapEvent[]): Disagreement[] {
  const found: [number, number][] = [];
  for (const [x, y] of CONTRADICTIONS) {
    const ysByPlace = reportsOf(events, y);
    for (const [place, xs] of reportsOf(events, x)) {
      const ys = ysByPlace.get(place);
      if (!ys) continue;
      // Of two overlapping reports, one starts within the other's dates: each pair is found once, from the one that
      // starts first (on a tie, from the x side).
      pairStartingWithin(events, xs, ys, 0, found);
      pairStartingWithin(events, ys, xs, 1, found);
    }
  }
  found.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const pairs: Disagreement[] = [];
  for (let k = 0; k < found.length; k++) {
    const [i, j] = found[k];
    if (k > 0 && found[k - 1][0] === i && found[k - 1][1] === j) continue; // a pair two contradictions name
    pairs.push({ a: events[i], b: events[j] });
  }
  return pairs;
}

/** A place's reports of one category: event indices sorted by start day (then index), and per position the next one from another article. */
interface Reports {
  indices: number[];
  /** `nextArticle[k]`: the first position after k whose article differs from position k's (length when none). */
  nextArticle: Int32Array;
}

function reportsOf(events: readonly MapEvent[], category: Category): Map<string, Reports> {
  const byPlace = new Map<string, number[]>();
  events.forEach((e, i) => {
    if (e.category !== category) return;
    const list = byPlace.get(e.place);
    if (list) list.push(i);
    else byPlace.set(e.place, [i]);
  });
  const reports = new Map<string, Reports>();
  for (const [place, indices] of byPlace) {
    indices.sort((i, j) => events[i].start - events[j].start || i - j); // already in order for events in date order
    const nextArticle = new Int32Array(indices.length);
    for (let k = indices.length - 1; k >= 0; k--) {
      const next = k + 1;
      nextArticle[k] = next === indices.length || events[indices[next]].article !== events[indices[k]].article ? next : nextArticle[next];
    }
    reports.set(place, { indices, nextArticle });
  }
  return reports;
}

/**
 * Adds, as [lower index, higher index], each pair of a report of `firsts` and a report of `others` from another article
 * that starts within the first's dates: on or after its start (`after` 0) or strictly after it (`after` 1), and on or
 * before its end.
 */
function pairStartingWithin(events: readonly MapEvent[], firsts: Reports, others: Reports, after: 0 | 1, found: [number, number][]): void {
  const { indices, nextArticle } = others;
  for (const i of firsts.indices) {
    const { start, end, article } = events[i];
    const stop = firstStartingAfter(events, indices, end);
    for (let k = firstStartingAfter(events, indices, start + after - 1); k < stop; ) {
      const j = indices[k];
      if (events[j].article === article) {
        k = nextArticle[k]; // skips the run of that article: the next position is another's
        continue;
      }
      if (events[j].end >= start) found.push(i < j ? [i, j] : [j, i]); // always so, unless a record ends before it starts
      k++;
    }
  }
}

/** The first position of `indices` (sorted by start day) whose event starts after `day`. */
function firstStartingAfter(events: readonly MapEvent[], indices: readonly number[], day: number): number {
  return firstIndex(0, indices.length, (m) => events[indices[m]].start <= day);
}
