import { parseDay } from '../src/core/day.ts';
import { findDisagreements } from '../src/core/disagreements.ts';
import type { MapEvent } from '../src/core/model.ts';
import { median } from './stats.ts';
import type { SyntheticEvent } from './synthetic-corpus.ts';

const RUNS = 5;

/**
 * Times `findDisagreements` (what the Sources panel runs when a place opens) on the busiest place of a corpus, its
 * events as the app reads them from the place's file: parsed JSON, days as numbers, in date order. Median of RUNS (ms).
 */
export function measureDisagreements(events: readonly SyntheticEvent[]): { ms: number; events: number; pairs: number } {
  const totals = new Map<string, number>();
  for (const e of events) totals.set(e.place, (totals.get(e.place) ?? 0) + 1);
  const busiest = [...totals].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const records = events.filter((e) => e.place === busiest).map((e): MapEvent => ({ ...e, start: parseDay(e.start)!, end: parseDay(e.end)!, dateBasis: 'stated', dateText: null }));
  const placeEvents = JSON.parse(JSON.stringify(records)) as MapEvent[];
  const times: number[] = [];
  let pairs = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    pairs = findDisagreements(placeEvents).length;
    times.push(performance.now() - started);
  }
  return { ms: median(times), events: placeEvents.length, pairs };
}
