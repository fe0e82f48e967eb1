import type { TimeWindow } from './time-window.ts';
import type { Day } from './day.ts';

export interface DayBin {
  day: Day;
  /** Events known to have happened on this day. */
  exact: number;
  /** Events whose range includes this day: they may have happened on it. */
  possible: number;
}

/** Events per day of the dataset's extent (see `dailyCounts`), from `firstDay` on. */
export interface DailyCounts {
  firstDay: Day;
  exact: Int32Array;
  possible: Int32Array;
}

/** A histogram of events per day over `[from, to]`; an event with a range counts as possible on each of its days. */
export function histogram(daily: DailyCounts, domain: TimeWindow): DayBin[] {
  const bins: DayBin[] = [];
  for (let day = domain.from; day <= domain.to; day++) {
    const i = day - daily.firstDay;
    const inside = i >= 0 && i < daily.exact.length;
    bins.push({ day, exact: inside ? daily.exact[i] : 0, possible: inside ? daily.possible[i] : 0 });
  }
  return bins;
}
