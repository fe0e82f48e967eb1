import { describe, expect, it } from 'vitest';
import type { DailyCounts } from '../../src/core/counts.ts';
import { parseDay } from '../../src/core/day.ts';
import { clusterLabels, dateClusters } from '../../src/core/date-clusters.ts';

const day = (iso: string) => parseDay(iso)!;

/** Daily counts from `first` to `last` with one known event on each day listed, and `ranged` spans possible. */
function createDaily(days: string[], ranged: [string, string][] = []): DailyCounts {
  const all = [...days, ...ranged.flat()].map(day);
  const firstDay = Math.min(...all);
  const length = Math.max(...all) - firstDay + 1;
  const exact = new Int32Array(length);
  const possible = new Int32Array(length);
  for (const d of days) exact[day(d) - firstDay]++;
  for (const [a, b] of ranged) for (let d = day(a); d <= day(b); d++) possible[d - firstDay]++;
  return { firstDay, exact, possible };
}

const iso = (w: { from: number; to: number }) => [new Date(w.from * 864e5).toISOString().slice(0, 10), new Date(w.to * 864e5).toISOString().slice(0, 10)];

describe('clusters of dates', () => {
  it('finds none in no events, one day, or one story', () => {
    expect(dateClusters({ firstDay: 0, exact: new Int32Array(0), possible: new Int32Array(0) })).toEqual([]);
    expect(dateClusters(createDaily(['2014-06-23']))).toEqual([]);
    expect(dateClusters(createDaily(['2014-06-10', '2014-06-23', '2014-07-02', '2014-08-15']))).toEqual([]);
  });

  it('splits two stories years apart into two clusters, each from its first day with events to its last', () => {
    const clusters = dateClusters(createDaily(['2014-06-10', '2014-06-23', '2014-07-02', '2022-02-24', '2022-03-10']));
    expect(clusters.map(iso)).toEqual([['2014-06-10', '2014-07-02'], ['2022-02-24', '2022-03-10']]);
  });

  it('splits three stories, cutting again inside each side of the longest gap', () => {
    const clusters = dateClusters(createDaily(['2004-12-26', '2005-01-06', '2014-06-10', '2014-06-20', '2015-11-13', '2015-11-20']));
    expect(clusters.map(iso)).toEqual([['2004-12-26', '2005-01-06'], ['2014-06-10', '2014-06-20'], ['2015-11-13', '2015-11-20']]);
  });

  it('keeps a gap no longer than three times the span beside it (a story with a quiet spell) in one cluster', () => {
    // 100 days of events, 250 quiet days, then a week: 250 is less than 3 × 100
    const days = ['2014-06-01', '2014-07-15', '2014-09-08', '2015-05-16', '2015-05-22'];
    expect(dateClusters(createDaily(days))).toEqual([]);
  });

  it('counts a short span as 30 days: single days a few weeks apart are one cluster', () => {
    expect(dateClusters(createDaily(['2014-06-01', '2014-07-30']))).toEqual([]); // 58 quiet days, not more than 90
    expect(dateClusters(createDaily(['2014-06-01', '2014-09-30'])).map(iso)).toEqual([['2014-06-01', '2014-06-01'], ['2014-09-30', '2014-09-30']]);
  });

  it('takes the days an event with a range may fall on as days with events: a range bridging a gap joins its sides', () => {
    expect(dateClusters(createDaily(['2014-06-01', '2016-06-01'], [['2014-06-02', '2016-05-31']]))).toEqual([]);
    const clusters = dateClusters(createDaily(['2014-06-01', '2022-06-01'], [['2022-05-20', '2022-05-31']]));
    expect(clusters.map(iso)).toEqual([['2014-06-01', '2014-06-01'], ['2022-05-20', '2022-06-01']]);
  });

  it('takes its factor and least span as options', () => {
    const daily = createDaily(['2014-06-01', '2014-07-30']);
    expect(dateClusters(daily, { minSpan: 1 }).length).toBe(2);
    expect(dateClusters(createDaily(['2014-06-01', '2014-09-30']), { gapFactor: 10 })).toEqual([]);
  });
});

describe('the names of clusters of dates', () => {
  const cluster = (from: string, to: string, events: number) => ({ window: { from: day(from), to: day(to) }, events });

  it('names each by its year when each lies within a year of its own', () => {
    expect(clusterLabels([cluster('2014-06-10', '2014-07-02', 31), cluster('2022-02-24', '2022-03-10', 1)])).toEqual(['2014 · 31 events', '2022 · 1 event']);
  });

  it('names each by its days when one spans two years or two share a year', () => {
    expect(clusterLabels([cluster('2004-12-26', '2005-01-06', 3), cluster('2014-06-10', '2014-06-20', 1200)])).toEqual(['26 Dec 2004 – 6 Jan 2005 · 3 events', '10–20 Jun 2014 · 1,200 events']);
    expect(clusterLabels([cluster('2014-01-10', '2014-01-12', 2), cluster('2014-11-01', '2014-11-03', 2)])).toEqual(['10–12 Jan 2014 · 2 events', '1–3 Nov 2014 · 2 events']);
  });
});
