import type { Category, MapEvent } from './model.ts';

/** Categories that cannot both be true of one place on one day: it was taken, or it was taken back. */
const CONTRADICTIONS: readonly [Category, Category][] = [['capture', 'recapture']];

export interface Disagreement {
  a: MapEvent;
  b: MapEvent;
}

/**
 * Pairs of reports about the same place whose dates overlap, from different articles, that contradict each other
 * (one says militants overran a crossing, another that forces regained it). Each pair once, in input order.
 */
export function findDisagreements(events: readonly MapEvent[]): Disagreement[] {
  const pairs: Disagreement[] = [];
  for (let i = 0; i < events.length; i++) {
    for (let j = i + 1; j < events.length; j++) {
      const a = events[i];
      const b = events[j];
      if (a.place !== b.place || a.article === b.article) continue;
      if (a.start > b.end || b.start > a.end) continue;
      if (CONTRADICTIONS.some(([x, y]) => (a.category === x && b.category === y) || (a.category === y && b.category === x))) pairs.push({ a, b });
    }
  }
  return pairs;
}
