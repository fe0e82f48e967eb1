import { createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/core/day.ts';
import { buildColumns } from '../../src/core/event-columns.ts';
import type { MapEvent, PlaceSummary } from '../../src/core/model.ts';
import { readQuoteIndex, writeQuoteLines } from '../../src/core/quote-search.ts';
import { eventDataOf, type ArticleEntry, type Dataset, type PlaceSources } from '../../src/data/dataset.ts';
import { createAppState, type FrameScheduler } from '../../src/state/app-state.ts';

const day = (s: string) => parseDay(s)!;

/**
 * A dataset of three places: Tal Afar (22–23 June 2014, a range, a capture), Baghdad (a meeting on 23 June, a
 * recapture on 24 June) and Mosul (an airstrike on 10 July); articles "reuters-1" (Reuters: Tal Afar, the meeting)
 * and "afp-1" (AFP: the recapture, Mosul). Sources load when the test says so (`release`), so that the order of loads
 * can be chosen; the list of articles and the quotes load at once, counted in `fetched`. Judged (`judged`), the
 * four events have the confidences 0.8, 0.3, 0.6 and 0.2 and the data the threshold 0.47. `leaveOut` takes events
 * out by number (0–3, as a review's Wrong does), and a place left without events with them (as the compiler does).
 */
function createData(options: { judged?: boolean; leaveOut?: readonly number[] } = {}) {
  // In start order, so that an event's number is its index here (see EventColumns).
  const all = [
    { at: 'tal-afar', start: day('2014-06-22'), end: day('2014-06-23'), category: 2, article: 0, quote: 'Militants seized Tal Afar over the weekend.', confidence: 0.8 },
    { at: 'baghdad', start: day('2014-06-23'), end: day('2014-06-23'), category: 0, article: 0, quote: 'Kerry met Prime Minister Maliki in Baghdad.', confidence: 0.3 },
    { at: 'baghdad', start: day('2014-06-24'), end: day('2014-06-24'), category: 3, article: 1, quote: 'Troops retook a district of Baghdad.', confidence: 0.6 },
    { at: 'mosul', start: day('2014-07-10'), end: day('2014-07-10'), category: 5, article: 1, quote: 'Jets struck Mosul, officials said.', confidence: 0.2 },
  ].filter((_, i) => !options.leaveOut?.includes(i));
  const places: PlaceSummary[] = ['baghdad', 'tal-afar', 'mosul']
    .map((id, i) => ({ id, name: id, kind: 'city', lngLat: [44 - i, 33 + i], radiusKm: null, reviewed: true }) as PlaceSummary)
    .filter((p) => all.some((e) => e.at === p.id));
  const events = all.map(({ at, confidence, ...e }) => ({ ...e, place: places.findIndex((p) => p.id === at), ...(options.judged ? { confidence } : {}) }));
  const outlets = ['AFP', 'Reuters'];
  const columns = buildColumns(events, places.length, [1, 0]);
  const articles: ArticleEntry[] = [
    { id: 'reuters-1', title: 'Kerry in Baghdad', outlet: 'Reuters', published: day('2014-06-23') },
    { id: 'afp-1', title: 'Baghdad and Mosul', outlet: 'AFP', published: day('2014-07-10') },
  ];
  const pending = new Map<string, () => void>();
  const loads: string[] = [];
  const fetched = { articles: 0, quotes: 0 };
  const columnData = eventDataOf(columns, options.judged ? 0.47 : null);
  const data: Dataset = {
    ...columnData,
    places,
    placesById: new Map(places.map((p) => [p.id, p])),
    placeNumber: new Map(places.map((p, i) => [p.id, i])),
    totalOf: (id) => columnData.totals[places.findIndex((p) => p.id === id)] ?? 0,
    frame: null,
    eventCount: events.length,
    outlets,
    problems: [],
    checked: { count: 0, of: events.length },
    articleList: async () => (fetched.articles++, articles),
    quoteIndex: async () => (fetched.quotes++, readQuoteIndex(writeQuoteLines(events.map((e) => e.quote)), events.length)),
    sourcesOf: (id) => {
      loads.push(id);
      return new Promise<PlaceSources>((resolve) => pending.set(id, () => resolve({ place: { id } as PlaceSources['place'], events: [], articles: new Map(), total: 0, pages: [], loaded: new Set([0]) })));
    },
    placePage: async () => ({ events: [], articles: new Map() }),
    articleText: async () => '',
    rowFile: async () => events.map((e, i) => [`event-${i}`, e.quote] as [string, string]),
  };
  const release = async (id: string) => {
    pending.get(id)!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { data, release, loads, fetched };
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

function withState<T>(
  run: (state: ReturnType<typeof createAppState>, data: ReturnType<typeof createData>, frames: ReturnType<typeof createFrames>) => T,
  initial = {},
  options: { judged?: boolean } = {},
): T {
  return createRoot((dispose) => {
    const data = createData(options);
    const frames = createFrames();
    const result = run(createAppState(() => data.data, initial, { frame: frames.frame }), data, frames);
    if (!(result instanceof Promise)) dispose();
    return result;
  });
}

describe('the app state', () => {
  it("starts from the URL's window, clamped to the data, and ignores a place the data does not have, saying so", () => {
    withState((state) => {
      expect(state.timeWindow()).toEqual({ from: day('2014-06-22'), to: day('2014-06-30') });
      expect(state.selected()).toBeNull();
      expect(state.ignored()).toEqual(['place “nowhere”: no such place in this data', 'from 2014-01-01: before the first event (2014-06-22), so the window starts there']);
      state.dismissIgnored();
      expect(state.ignored()).toEqual([]);
    }, { from: day('2014-01-01'), to: day('2014-06-30'), place: 'nowhere' });
  });

  it('says a window entirely after the last event or before the first one was ignored', () => {
    withState((state) => {
      expect(state.ignored()).toEqual(['from 2099-01-01: after the last event (2014-07-10)', 'to 2000-01-01: before the first event (2014-06-22)']);
    }, { from: day('2099-01-01'), to: day('2000-01-01') });
  });

  it('says a bound before the first event or after the last was moved there, and a from or to that is no day was ignored', () => {
    withState((state) => {
      expect(state.timeWindow()).toEqual({ from: day('2014-06-22'), to: day('2014-07-10') });
      expect(state.ignored()).toEqual(['from 2010-01-01: before the first event (2014-06-22), so the window starts there', 'to 2020-01-01: after the last event (2014-07-10), so the window ends there']);
    }, { from: day('2010-01-01'), to: day('2020-01-01') });
    withState((state) => {
      expect(state.ignored()).toEqual(['from “2014-13-45”: not a day (YYYY-MM-DD)', 'to “banana”: not a day (YYYY-MM-DD)']);
    }, { unreadDays: [{ key: 'from', text: '2014-13-45' }, { key: 'to', text: 'banana' }] });
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

  it("joins the pages of a place's events fetched beyond the first, in date order, each once, and counts its events from the columns", async () => {
    await withState(async (state, { data }) => {
      const event = (id: string, start: string) => ({ id, article: 'reuters-1', place: 'baghdad', start: day(start), end: day(start) }) as MapEvent;
      const span = { firstStart: day('2014-06-23'), lastStart: day('2014-06-24'), lastEnd: day('2014-06-24') };
      data.sourcesOf = async (id) => ({ place: { id } as PlaceSources['place'], events: [event(`${id}-0`, '2014-06-23')], articles: new Map(), total: 3, pages: [span, span, span], loaded: new Set([0]) });
      const asked: number[] = [];
      data.placePage = async (id, k) => (asked.push(k), { events: [event(`${id}-${k}`, '2014-06-24')], articles: new Map() });
      const settle = () => new Promise((r) => setTimeout(r, 0));
      await state.select('baghdad');
      state.wantPage(2);
      state.wantPage(2); // asked twice while on its way: fetched once
      await settle();
      state.wantPage(1);
      state.wantPage(3); // no such page
      state.wantPage(0); // there already
      await settle();
      expect(asked).toEqual([2, 1]);
      expect(state.sources()!.events.map((e) => e.id)).toEqual(['baghdad-0', 'baghdad-1', 'baghdad-2']);
      expect(state.sources()!.loaded).toEqual(new Set([0, 1, 2]));
      // Baghdad's two events in the columns, whatever is loaded: all dates, and in the window
      expect(state.placeCounts()).toEqual({ sure: 2, kept: 2, inside: 2 });
      state.setCategories(['meeting']);
      expect(state.placeCounts()).toEqual({ sure: 2, kept: 1, inside: 1 });
      state.setWindow({ from: day('2014-06-24'), to: day('2014-07-10') });
      expect(state.placeCounts()).toEqual({ sure: 2, kept: 1, inside: 0 });
      // another place starts again from its first page
      await state.select('mosul');
      expect(state.sources()!.events.map((e) => e.id)).toEqual(['mosul-0']);
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

describe('the filters in the app state', () => {
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it('count only the categories chosen, on the map, in the total and in the histogram, and give them to the URL', () => {
    withState((state) => {
      state.toggleCategory('meeting');
      state.toggleCategory('recapture');
      expect(state.filtering()).toBe(true);
      expect(state.shown()).toBe(2); // the meeting and the recapture, both at Baghdad
      expect([0, 1, 2].map((p) => state.counts.count(p))).toEqual([2, 0, 0]);
      expect(state.daily().exact[day('2014-06-23') - day('2014-06-22')]).toBe(1);
      expect(state.daily().possible[0]).toBe(0); // the Tal Afar range is filtered out
      expect(state.eventDays()).toEqual([day('2014-06-23'), day('2014-06-24')]);
      expect(state.urlState().categories).toEqual(['meeting', 'recapture']);
      state.toggleCategory('meeting');
      state.toggleCategory('recapture');
      expect(state.filtering()).toBe(false);
      expect(state.shown()).toBe(4);
      expect(state.urlState().categories).toBeUndefined();
    });
  });

  it('keep the counts step by step as the window moves under a filter', () => {
    withState((state) => {
      state.setCategories(['capture', 'airstrike']);
      expect(state.shown()).toBe(2);
      state.setWindow({ from: day('2014-06-23'), to: day('2014-06-30') });
      expect(state.shown()).toBe(1); // Tal Afar's range reaches 23 June
      expect(state.touched()).not.toBeNull();
      state.setWindow({ from: day('2014-06-24'), to: day('2014-07-10') });
      expect([0, 1, 2].map((p) => state.counts.count(p))).toEqual([0, 0, 1]);
    });
  });

  it('filter by outlet, and by article once the list of articles is loaded, one replacing the other', async () => {
    await withState(async (state, { fetched }) => {
      state.setOutlet('AFP');
      expect(state.shown()).toBe(2);
      expect(state.urlState()).toMatchObject({ outlet: 'AFP', article: undefined });
      state.setArticle('reuters-1');
      expect(state.filtersPending()).toBe(true);
      await tick();
      expect(fetched.articles).toBe(1);
      expect(state.filtersPending()).toBe(false);
      expect(state.shown()).toBe(2); // Tal Afar and the meeting
      expect([0, 1, 2].map((p) => state.counts.count(p))).toEqual([1, 1, 0]);
      expect(state.urlState()).toMatchObject({ outlet: undefined, article: 'reuters-1' });
    });
  });

  it('search the quotes once they are loaded, fetched once, when a query is first typed', async () => {
    await withState(async (state, { fetched }) => {
      expect(fetched.quotes).toBe(0);
      state.setQuery('  BAGHDAD ');
      expect(state.filtersPending()).toBe(true);
      expect(state.shown()).toBe(4); // not applied yet
      await tick();
      expect(state.shown()).toBe(2);
      state.setQuery('baghdad troops');
      expect(state.shown()).toBe(1);
      expect(state.urlState().query).toBe('baghdad troops');
      state.setQuery('');
      expect(state.shown()).toBe(4);
      expect(fetched.quotes).toBe(1);
    });
  });

  it('combine filters with "and", and clear them all at once', async () => {
    await withState(async (state) => {
      state.setCategories(['meeting', 'capture', 'recapture']);
      state.setOutlet('Reuters');
      state.setQuery('baghdad');
      await tick();
      expect(state.shown()).toBe(1); // the meeting: Reuters, in Baghdad
      state.clearFilters();
      expect(state.filtering()).toBe(false);
      expect(state.shown()).toBe(4);
      expect(state.urlState()).toEqual({ from: day('2014-06-22'), to: day('2014-07-10') });
    });
  });

  it('start from the filters of a link, saying what it names that the data lacks', async () => {
    await withState(
      async (state) => {
        expect(state.filters().categories).toEqual(['capture']);
        expect(state.filters().outlet).toBeNull();
        expect(state.ignored()).toEqual(['outlet “The Times”: no article in this data is from it']);
        await tick();
        expect(state.filters().article).toBeNull();
        expect(state.ignored()).toEqual(['outlet “The Times”: no article in this data is from it', 'article “lost-1”: no such article in this data']);
        expect(state.shown()).toBe(0); // the capture at Tal Afar holds no "mosul"
        expect(state.urlState()).toMatchObject({ categories: ['capture'], query: 'mosul' });
      },
      { categories: ['capture'], outlet: 'The Times', article: 'lost-1', query: 'mosul' },
    );
  });

  it('apply the filters of a hash from Back or Forward, and clear those it does not name', async () => {
    await withState(async (state) => {
      state.setCategories(['attack']);
      state.apply({ outlet: 'AFP', query: 'jets' });
      await tick();
      expect(state.filters()).toMatchObject({ categories: null, outlet: 'AFP', article: null, query: 'jets' });
      expect(state.shown()).toBe(1);
      state.apply({});
      expect(state.filtering()).toBe(false);
    });
  });
});

describe('the minimum confidence in the app state', () => {
  it("hides the events under the data's threshold by default, on the map, in the total and the histogram, and says which shown are unsure", () => {
    withState(
      (state) => {
        expect(state.defaultConfidence()).toBe(0.47);
        expect(state.minConfidence()).toBe(0.47);
        expect(state.filtering()).toBe(false); // not a filter: the data's own default
        expect(state.shown()).toBe(2); // Tal Afar 0.8, the recapture 0.6
        expect([0, 1, 2].map((p) => state.counts.count(p))).toEqual([1, 1, 0]);
        expect(state.daily().exact[day('2014-06-23') - day('2014-06-22')]).toBe(0); // the meeting (0.3) is hidden
        expect(state.eventDays()).toEqual([day('2014-06-22'), day('2014-06-24')]);
        expect(state.urlState().sure).toBeUndefined();
        state.setMinConfidence(0.25);
        expect(state.shown()).toBe(3);
        expect([0, 1, 2].map((p) => state.counts.unsure(p))).toEqual([1, 0, 0]); // the meeting, under 0.47
        expect(state.urlState().sure).toBe(0.25);
        state.setMinConfidence(0);
        expect(state.shown()).toBe(4);
        expect(state.counts.unsure(2)).toBe(1);
        state.setMinConfidence(0.47); // the default again: nothing for the URL to keep
        expect(state.urlState().sure).toBeUndefined();
        state.setMinConfidence(0.9);
        expect(state.shown()).toBe(0);
        state.setMinConfidence(null);
        expect(state.minConfidence()).toBe(0.47);
      },
      {},
      { judged: true },
    );
  });

  it('is left alone by Clear filters, and combines with the filters with "and"', () => {
    withState(
      (state) => {
        state.setMinConfidence(0.1);
        state.setCategories(['meeting', 'airstrike']);
        expect(state.shown()).toBe(2);
        state.setMinConfidence(0.25);
        expect(state.shown()).toBe(1); // the meeting (0.3), not the airstrike (0.2)
        state.clearFilters();
        expect(state.minConfidence()).toBe(0.25);
        expect(state.shown()).toBe(3);
      },
      {},
      { judged: true },
    );
  });

  it('starts from a link\'s minimum confidence, and applies the one of a hash from Back or Forward (none: the default)', () => {
    withState(
      (state) => {
        expect(state.minConfidence()).toBe(0.25);
        expect(state.shown()).toBe(3);
        state.apply({ sure: 0 });
        expect(state.shown()).toBe(4);
        state.apply({});
        expect(state.minConfidence()).toBe(0.47);
        expect(state.shown()).toBe(2);
      },
      { sure: 0.25 },
      { judged: true },
    );
  });

  it('without a threshold in the data shows every event, and says that a link\'s minimum confidence was ignored', () => {
    withState(
      (state) => {
        expect(state.defaultConfidence()).toBeNull();
        expect(state.minConfidence()).toBeNull();
        expect(state.shown()).toBe(4);
        expect(state.ignored()).toEqual(['minimum confidence 0.9: the events of this data carry no confidence']);
        expect(state.urlState().sure).toBeUndefined();
        state.apply({ sure: 0.9 });
        expect(state.shown()).toBe(4);
      },
      { sure: 0.9 },
    );
  });
});

describe('a new dataset in the app state', () => {
  const tick = () => new Promise((r) => setTimeout(r, 0));

  /** The app state on a dataset signal: `change` gives it a new dataset, as review mode does after a correction. */
  async function withDataSignal<T>(run: (state: ReturnType<typeof createAppState>, change: (next: ReturnType<typeof createData>) => void, first: ReturnType<typeof createData>) => Promise<T> | T, initial = {}) {
    const first = createData();
    const [data, setData] = createSignal<Dataset>(first.data);
    // Created in a root, changed from outside it, as the page changes it (a change inside the root waits for its end).
    const { state, dispose } = createRoot((dispose) => ({ state: createAppState(data, initial, { frame: createFrames().frame }), dispose }));
    try {
      return await run(state, (next) => setData(next.data), first);
    } finally {
      dispose();
    }
  }

  it('recounts what shows from the new one and keeps the window and the filters', async () => {
    await withDataSignal(
      async (state, change) => {
        state.setListView('events');
        const counterBefore = state.counter();
        expect(state.shown()).toBe(3); // Tal Afar's capture, the meeting and the recapture
        expect(state.windowRows()!.rows.length).toBe(3);
        change(createData({ leaveOut: [1] })); // the meeting, marked wrong
        expect(state.shown()).toBe(2);
        expect(state.counter()).not.toBe(counterBefore);
        expect([0, 1].map((p) => state.counts.count(p))).toEqual([1, 1]); // Baghdad's recapture, Tal Afar's capture
        expect(state.daily().exact[day('2014-06-23') - day('2014-06-22')]).toBe(0);
        expect(state.windowRows()!.rows.length).toBe(2);
        expect(state.timeWindow()).toEqual({ from: day('2014-06-22'), to: day('2014-06-30') });
        expect(state.filters()).toMatchObject({ categories: ['capture', 'meeting', 'recapture'] });
        expect(state.urlState()).toMatchObject({ from: day('2014-06-22'), to: day('2014-06-30'), categories: ['capture', 'meeting', 'recapture'], list: 'events' });
      },
      { from: day('2014-06-22'), to: day('2014-06-30'), categories: ['capture', 'meeting', 'recapture'] },
    );
  });

  it("searches the new one's quotes, fetched from it, never the last one's, showing the last one until they are there", async () => {
    await withDataSignal(async (state, change, first) => {
      state.setQuery('baghdad');
      await tick();
      expect(state.shown()).toBe(2);
      const next = createData({ leaveOut: [1] });
      change(next);
      expect(next.fetched.quotes).toBe(1); // asked for at once
      expect(state.data()).toBe(first.data); // the search does not lapse while they load
      expect(state.filtersPending()).toBe(false);
      expect(state.shown()).toBe(2);
      await tick();
      expect(state.data()).toBe(next.data);
      expect(state.filtersPending()).toBe(false);
      expect(state.shown()).toBe(1); // the recapture: the meeting is gone
      expect(state.filters().query).toBe('baghdad');
    });
  });

  it('says an article the new one lacks, once its list of articles is there', async () => {
    await withDataSignal(async (state, change) => {
      state.setArticle('afp-1');
      await tick();
      expect(state.shown()).toBe(2); // the recapture and Mosul
      const next = createData({ leaveOut: [2, 3] }); // afp-1's events gone
      next.data.articleList = async () => [{ id: 'reuters-1', title: 'Kerry in Baghdad', outlet: 'Reuters', published: day('2014-06-23') }];
      change(next);
      await tick();
      expect(state.data()).toBe(next.data);
      expect(state.filters().article).toBeNull();
      expect(state.ignored()).toEqual(['article “afp-1”: no such article in this data']);
      expect(state.shown()).toBe(2); // Tal Afar and the meeting: no article filter
    });
  });

  it('keeps the selected place it still has, its sources fetched from it (the last ones shown meanwhile), and closes one it lacks', async () => {
    await withDataSignal(async (state, change, first) => {
      const opening = state.select('baghdad');
      await first.release('baghdad');
      await opening;
      await first.release('baghdad'); // asked for again by the panel's sources
      expect(state.placeCounts()).toEqual({ sure: 2, kept: 2, inside: 2 });
      const next = createData({ leaveOut: [1] });
      change(next);
      expect(state.selected()).toBe('baghdad');
      expect(next.loads).toEqual(['baghdad']);
      expect(state.sources()?.place.id).toBe('baghdad'); // the last ones, until the new ones arrive
      expect(state.placeCounts()).toEqual({ sure: 2, kept: 2, inside: 2 }); // counted as the sources shown
      await next.release('baghdad');
      expect(state.placeCounts()).toEqual({ sure: 1, kept: 1, inside: 1 });
      expect(state.placeTotal()).toBe(1);

      const toMosul = state.select('mosul');
      await next.release('mosul');
      await toMosul;
      change(createData({ leaveOut: [1, 3] })); // Mosul's only event, marked wrong: Mosul has none left
      expect(state.selected()).toBeNull();
      expect(state.selectedPlace()).toBeNull();
      expect(state.placeCounts()).toBeNull();
      expect(state.urlState().place).toBeUndefined();
    });
  });

  it('makes a window of all the dates all the new dates, and keeps another within them', async () => {
    await withDataSignal(async (state, change) => {
      expect(state.timeWindow()).toEqual({ from: day('2014-06-22'), to: day('2014-07-10') });
      change(createData({ leaveOut: [3] })); // the last day's event gone
      expect(state.timeWindow()).toEqual({ from: day('2014-06-22'), to: day('2014-06-24') });
      state.setWindow({ from: day('2014-06-23'), to: day('2014-06-24') });
      change(createData({ leaveOut: [0, 3] })); // the first day's too
      expect(state.timeWindow()).toEqual({ from: day('2014-06-23'), to: day('2014-06-24') });
      change(createData({ leaveOut: [0, 2, 3] })); // and the last of that window
      expect(state.timeWindow()).toEqual({ from: day('2014-06-23'), to: day('2014-06-23') });
    });
  });
});
