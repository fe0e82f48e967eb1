import type { DailyCounts } from './counts.ts';
import { partsOf } from './day.ts';
import { formatCount, formatRange } from './format.ts';
import type { TimeWindow } from './time-window.ts';

/** Options of dateClusters, each with its unit. */
export const DATE_CLUSTER_OPTIONS = {
  gapFactor: 3, // a gap splits the dates when it is longer than this many times the span on either side of it
  minSpan: 30, // days: a span shorter than this counts as this long (two single days a week apart are one cluster)
};

/**
 * The clusters of dates of a dataset: the days with events (known or possible, `daily`), cut where they are apart
 * by a gap much longer than what lies on either side of it. The dates are cut at their longest gap when that gap
 * is longer than `gapFactor` times the span (first to last day with events, both included, at least `minSpan` days)
 * of the dates before it and of those after it; then each side is cut again the same way, until no gap qualifies.
 * So articles of 2014 and of 2022 give two clusters, a story told over a few months with quiet weeks in it gives
 * one. Returns the clusters in date order, each from its first day with events to its last; none (an empty list)
 * when the dates make one cluster or there are no events.
 */
export function dateClusters(daily: DailyCounts, options: Partial<typeof DATE_CLUSTER_OPTIONS> = {}): TimeWindow[] {
  const { gapFactor, minSpan } = { ...DATE_CLUSTER_OPTIONS, ...options };
  const runs = runsOfDays(daily);
  if (runs.length < 2) return [];
  const clusters: TimeWindow[] = [];
  const span = (first: number, last: number) => Math.max(minSpan, runs[last].to - runs[first].from + 1);
  const split = (first: number, last: number) => {
    let at = -1;
    let longest = 0;
    for (let i = first; i < last; i++) {
      const gap = runs[i + 1].from - runs[i].to - 1;
      if (gap > longest) [at, longest] = [i, gap];
    }
    if (at >= 0 && longest > gapFactor * span(first, at) && longest > gapFactor * span(at + 1, last)) {
      split(first, at);
      split(at + 1, last);
    } else clusters.push({ from: runs[first].from, to: runs[last].to });
  };
  split(0, runs.length - 1);
  return clusters.length > 1 ? clusters : [];
}

/** The runs of consecutive days on which some event is known or possible, in order. */
function runsOfDays(daily: DailyCounts): TimeWindow[] {
  const runs: TimeWindow[] = [];
  for (let i = 0; i < daily.exact.length; i++) {
    if (daily.exact[i] + daily.possible[i] === 0) continue;
    const day = daily.firstDay + i;
    const last = runs.at(-1);
    if (last && last.to === day - 1) last.to = day;
    else runs.push({ from: day, to: day });
  }
  return runs;
}

/**
 * What each cluster is called to people, with its events: its year ("2014 · 31 events") when every cluster lies
 * within a year of its own, else its days ("9 Jun – 14 Jul 2014 · 12 events").
 */
export function clusterLabels(clusters: readonly { window: TimeWindow; events: number }[]): string[] {
  const years = clusters.map(({ window }) => [yearOf(window.from), yearOf(window.to)]);
  const byYear = years.every(([a, b], i) => a === b && years.findIndex(([c]) => c === a) === i);
  return clusters.map(({ window, events }, i) => `${byYear ? years[i][0] : formatRange(window.from, window.to)} · ${formatCount(events)} ${events === 1 ? 'event' : 'events'}`);
}

function yearOf(day: number): number {
  return partsOf(day).year;
}
