import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/core/day.ts';
import { WindowCounts, buildColumns, dailyCounts, placeTotals, startDays } from '../../src/core/event-columns.ts';
import type { PlaceSummary } from '../../src/core/model.ts';
import type { Dataset, PlaceSources } from '../../src/data/dataset.ts';
import { createAppState, type FrameScheduler } from '../../src/state/app-state.ts';

const day = (s: string) => parseDay(s)!;

/**
 * A dataset of three places: Baghdad (events on 23 and 24 June 2014), Tal Afar (22–23 June, a range) and Mosul
 * (10 July). Sources load when the test says so (`release`), so that the order of loads can be chosen.
 */
function createData() {
  const places: PlaceSummary[] = ['baghdad', 'tal-afar', 'mosul'].map((id, i) => ({ id, name: id, kind: 'city', lngLat: [44 - i, 33 + i], radiusKm: null, reviewed: true }) as PlaceSummary);
  const columns = buildColumns([
    { place: 0, start: day('2014-06-23'), end: day('2014-06-23'), category: 0 },
    { place: 0, start: day('2014-06-24'), end: day('2014-06-24'), category: 3 },
    { place: 1, start: day('2014-06-22'), end: day('2014-06-23'), category: 2 },
    { place: 2, start: day('2014-07-10'), end: day('2014-07-10'), category: 5 },
  ], places.length);
  const pending = new Map<string, () => void>();
  const loads: string[] = [];
  const totals = placeTotals(columns);
  const data: Dataset = {
    places,
    placesById: new Map(places.map((p) => [p.id, p])),
    placeNumber: new Map(places.map((p, i) => [p.id, i])),
    daily: { firstDay: columns.firstDay, ...dailyCounts(columns) },
    eventDays: startDays(columns),
    createWindowCounts: () => new WindowCounts(columns),
    totals,
    totalOf: (id) => totals[places.findIndex((p) => p.id === id)] ?? 0,
    frame: null,
    eventCount: 4,
    extent: { from: columns.firstDay, to: columns.firstDay + columns.days - 1 },
    problems: [],
    sourcesOf: (id) => {
      loads.push(id);
      return new Promise<PlaceSources>((resolve) => pending.set(id, () => resolve({ place: { id } as PlaceSources['place'], events: [], articles: new Map() })));
    },
    articleText: async () => '',
  };
  const release = async (id: string) => {
    pending.get(id)!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { data, release, loads };
}

/** A frame scheduler run by hand: `flush` draws the next frame. */
function createFrames() {
  let queued: (() => void)[] = [];
  const frame: FrameScheduler = (callback) => {
    queued.push(callback);
    return () => (queued = queued.filter((c) => c !== callback));
  };
  return { frame, flush: () => [...queued.splice(0)].forEach((c) => c()), pending: () => queued.length };
}

function withState<T>(run: (state: ReturnType<typeof createAppState>, data: ReturnType<typeof createData>, frames: ReturnType<typeof createFrames>) => T, initial = {}): T {
  return createRoot((dispose) => {
    const data = createData();
    const frames = createFrames();
    const result = run(createAppState(data.data, initial, { frame: frames.frame }), data, frames);
    if (!(result instanceof Promise)) dispose();
    return result;
  });
}

describe('the app state', () => {
  it("starts from the URL's window, clamped to the data, and ignores a place the data does not have, saying so", () => {
    withState((state) => {
      expect(state.timeWindow()).toEqual({ from: day('2014-06-22'), to: day('2014-06-30') });
      expect(state.selected()).toBeNull();
      expect(state.ignored()).toEqual(['place “nowhere”: no such place in this data']);
      state.dismissIgnored();
      expect(state.ignored()).toEqual([]);
    }, { from: day('2014-01-01'), to: day('2014-06-30'), place: 'nowhere' });
  });

  it('says a window entirely after the last event or before the first one was ignored', () => {
    withState((state) => {
      expect(state.ignored()).toEqual(['from 2099-01-01: after the last event (2014-07-10)', 'to 2000-01-01: before the first event (2014-06-22)']);
    }, { from: day('2099-01-01'), to: day('2000-01-01') });
  });

  it('counts the events of the window, ranges included where they overlap it, and says how many it shows', () => {
    withState((state) => {
      expect(state.shown()).toBe(4);
      state.setWindow({ from: day('2014-06-23'), to: day('2014-06-23') });
      expect(state.shown()).toBe(2);
      expect([0, 1, 2].map((p) => state.counts.count(p))).toEqual([1, 1, 0]);
      expect(state.counts.uncertain(1)).toBe(1);
      expect(state.urlState()).toEqual({ from: day('2014-06-23'), to: day('2014-06-23'), place: undefined, view: undefined });
    });
  });

  it('gives the list of places its counts once a frame, however often the window moves in it', () => {
    withState((state, _data, frames) => {
      let reads = 0;
      const list = () => (reads++, state.listCounts.count(2));
      expect(list()).toBe(1);
      state.setWindow({ from: day('2014-06-22'), to: day('2014-06-30') });
      state.setWindow({ from: day('2014-06-22'), to: day('2014-06-24') });
      expect(frames.pending()).toBe(1);
      frames.flush();
      expect(list()).toBe(0);
      expect(frames.pending()).toBe(0);
    });
  });

  it('opens a chosen place once its sources are loaded, and only the last of two quick choices', async () => {
    await withState(async (state, { release, loads }) => {
      const opened: string[] = [];
      void state.select('baghdad', (id) => opened.push(id));
      void state.select('mosul', (id) => opened.push(id));
      expect(state.selected()).toBeNull(); // nothing drawn half-empty
      await release('mosul');
      await release('baghdad');
      expect(state.selected()).toBe('mosul');
      expect(opened).toEqual(['mosul']);
      expect(loads).toContain('baghdad');
      expect(state.selectedPlace()?.id).toBe('mosul');
    });
  });

  it('does not open a place whose sources arrive after the panel was closed, and returns the focus to the last one', async () => {
    await withState(async (state, { release }) => {
      const first = state.select('baghdad');
      await release('baghdad');
      await first;
      void state.select('tal-afar');
      state.close();
      await release('tal-afar');
      expect(state.selected()).toBeNull();
      expect(state.returnFocusTo()).toBe('baghdad');
    });
  });

  it('applies a hash from Back or Forward at once: window, place and view, what it cannot name ignored', () => {
    withState((state) => {
      state.apply({ from: day('2014-07-01'), to: day('2014-07-31'), place: 'mosul', view: { zoom: 6, lat: 36, lng: 43 } });
      expect(state.selected()).toBe('mosul');
      expect(state.timeWindow()).toEqual({ from: day('2014-07-01'), to: day('2014-07-10') });
      expect(state.view()).toEqual({ zoom: 6, lat: 36, lng: 43 });
      state.apply({ place: 'atlantis' });
      expect(state.selected()).toBeNull();
      expect(state.timeWindow()).toEqual(state.timeWindow());
    });
  });
});
