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
