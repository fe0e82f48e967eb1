import type { Category, MapEvent } from './model.ts';
import { overlaps, type TimeWindow } from './time-window.ts';
import type { Day } from './day.ts';

export interface PlaceCount {
  /** Events at the place inside the window. */
  count: number;
  /** The category with the most events in the window (ties: the earlier in CATEGORIES order). */
  dominant: Category | null;
  /** Events whose date is a range wider than one day. */
  uncertain: number;
}

/**
 * Events per place inside a window; places without events in it are absent. One pass over every event: the
 * reference that EventIndex (what the app uses) is tested against.
 */
export function countByPlace(events: readonly MapEvent[], window: TimeWindow, categories: readonly Category[]): Map<string, PlaceCount> {
  const tallies = new Map<string, { count: number; uncertain: number; byCategory: Map<Category, number> }>();
  for (const e of events) {
    if (!overlaps(e, window)) continue;
    let t = tallies.get(e.place);
    if (!t) tallies.set(e.place, (t = { count: 0, uncertain: 0, byCategory: new Map() }));
    t.count++;
    if (e.end > e.start) t.uncertain++;
    t.byCategory.set(e.category, (t.byCategory.get(e.category) ?? 0) + 1);
  }
  const result = new Map<string, PlaceCount>();
  for (const [place, t] of tallies) {
    let dominant: Category | null = null;
    for (const c of categories) if ((t.byCategory.get(c) ?? 0) > (dominant ? t.byCategory.get(dominant)! : 0)) dominant = c;
    result.set(place, { count: t.count, dominant, uncertain: t.uncertain });
  }
  return result;
}

export function countInWindow(events: readonly MapEvent[], window: TimeWindow): number {
  let n = 0;
  for (const e of events) if (overlaps(e, window)) n++;
  return n;
}

export interface DayBin {
  day: Day;
  /** Events known to have happened on this day. */
  exact: number;
  /** Events whose range includes this day: they may have happened on it. */
  possible: number;
}

/** A histogram of events per day over `[from, to]`; an event with a range counts as possible on each of its days. */
export function histogram(events: readonly MapEvent[], domain: TimeWindow): DayBin[] {
  const bins: DayBin[] = [];
  for (let day = domain.from; day <= domain.to; day++) bins.push({ day, exact: 0, possible: 0 });
  for (const e of events) {
    if (!overlaps(e, domain)) continue;
    if (e.start === e.end) bins[e.start - domain.from].exact++;
    else for (let d = Math.max(e.start, domain.from); d <= Math.min(e.end, domain.to); d++) bins[d - domain.from].possible++;
  }
  return bins;
}
