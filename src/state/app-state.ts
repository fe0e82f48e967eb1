import { batch, createComputed, createMemo, createResource, createSignal, on, onCleanup, untrack, type Accessor } from 'solid-js';
import { formatDay } from '../core/day.ts';
import { NO_FILTERS, categoryFilter, isFiltering, type EventFilters } from '../core/event-filters.ts';
import { dateClusters } from '../core/date-clusters.ts';
import { intersectMasks } from '../core/event-mask.ts';
import type { Article, Category, MapEvent, PlaceSummary } from '../core/model.ts';
import { quoteMask, searchTerms, type QuoteIndex } from '../core/quote-search.ts';
import { clampWindow, type TimeWindow } from '../core/time-window.ts';
import { urlFilterValue, urlFilters, type ListView, type MapView, type UrlState } from '../core/url-state.ts';
import type { WindowCounts } from '../core/event-columns.ts';
import type { WindowEvents, WindowRows } from '../core/window-events.ts';
import type { Dataset, PlaceSources } from '../data/dataset.ts';
import type { PlaceCounts } from '../map/marks.ts';
import { createPlayback } from './playback.ts';

/** A page of a place's events beyond the first, as fetched. */
type PlacePageEvents = Awaited<ReturnType<Dataset['placePage']>>;

/** A cluster of dates (see dateClusters) and how many events the filters keep in it. */
export interface DateCluster {
  window: TimeWindow;
  events: number;
}

/** An event being read in its article. */
export interface Reading {
  event: MapEvent;
  article: Article;
}

/**
 * Where the list of events by date was, kept while it is not shown (a place opened from it is open): the event at the
 * top of its view, the event of the row last used, and whether that row takes the focus back when the list returns.
 */
export interface ListMemory {
  top: number;
  active: number;
  refocus: boolean;
}

/**
 * A change of the data made from the page (review mode), once the new data shows: the event whose quote the open
 * Sources panel brings into view and focuses again, or null for its heading (the event is gone, or a place was decided).
 */
export interface Refocus {
  event: string | null;
}

/** Runs `callback` once before the next frame is drawn; returns what cancels it. */
export type FrameScheduler = (callback: () => void) => () => void;

const nextFrame: FrameScheduler = (callback) => {
  const id = requestAnimationFrame(callback);
  return () => cancelAnimationFrame(id);
};

/**
 * The app's state and the only ways to change it: the time window, the filters, the selected place, the map's view,
 * the article being read, playback; and what is derived from them, once: the events the filters keep (a mask), the
 * counts under the window and the filters (for the map at once, for the list of places once a frame), the number
 * shown, the histogram's daily counts, the selected place's record and sources.
 * Components read these and call the actions; none keeps a copy. Create it inside a reactive root.
 *
 * The dataset is a signal (review mode loads a new one after every change). A new one shows (`data`) once what the
 * filters need of it is loaded (its quotes, its list of articles, if they were asked for), so that no filter lapses
 * meanwhile; then what is derived from it follows, and what is built from one dataset's columns (counters, readers,
 * the lazy lists) is built again for it, never mixed with another's. The window (unless it was all the dates: then it
 * is all the new ones), the filters, the list shown and the view stay; the selected place stays if the new dataset
 * has it, else its panel closes.
 */
export function createAppState(dataset: Accessor<Dataset>, initial: UrlState, options: { frame?: FrameScheduler; refocus?: Accessor<Refocus | null> } = {}) {
  const frame = options.frame ?? nextFrame;
  const first = untrack(dataset);
  /** The dataset shown: `dataset`'s, once what the filters need of it is loaded. */
  const [data, showData] = createSignal(first);
  const known = (id: string | undefined | null) => (id && data().placesById.has(id) ? id : null);
  const clamp = (w: Partial<TimeWindow>) => {
    const { extent } = data();
    return clampWindow({ from: w.from ?? extent.from, to: w.to ?? extent.to }, extent);
  };

  const [timeWindow, setTimeWindow] = createSignal<TimeWindow>(clamp(initial));
  const [selected, setSelected] = createSignal<string | null>(known(initial.place));
  const [view, setView] = createSignal<MapView | null>(initial.view ?? null);
  const [reading, setReading] = createSignal<Reading | null>(null);
  const [returnFocusTo, setReturnFocusTo] = createSignal<string | null>(null);
  const [ignored, setIgnored] = createSignal<string[]>(ignoredIn(initial, first));
  const [listView, setListView] = createSignal<ListView>(initial.list ?? 'places');
  /** The place lit on the map from the chronological list (pointed at or focused), or null. */
  const [lit, setLit] = createSignal<string | null>(null);
  /**
   * The event whose quote the Sources panel brings into view and focuses, when a place is opened at it; set again
   * (the same event, or null for the heading) to have the panel focus it again.
   */
  const [focusEvent, setFocusEvent] = createSignal<string | null>(null, { equals: false });

  // The filters. An outlet the data does not name is ignored at once; an article id once the list of articles
  // (fetched when an article filter first needs it) says it is unknown. The text search needs the quotes, fetched
  // when a query is first typed: until then the query waits (`filtersPending`).
  const knownOutlet = (outlet: string | null | undefined) => (outlet && data().outlets.includes(outlet) ? outlet : null);
  const [categories, writeCategories] = createSignal<readonly Category[] | null>(urlFilterValue(initial, 'categories'));
  const [outlet, writeOutlet] = createSignal<string | null>(knownOutlet(urlFilterValue(initial, 'outlet')));
  const [article, writeArticle] = createSignal<string | null>(urlFilterValue(initial, 'article'));
  const [query, writeQuery] = createSignal(urlFilterValue(initial, 'query'));
  const terms = createMemo(() => searchTerms(query()), [], { equals: (a, b) => a.length === b.length && a.every((t, i) => t === b[i]) });
  const articles = createLazy(data, (d) => d.articleList().then((list) => ({ list, number: new Map(list.map((a, i) => [a.id, i])) })));
  const quotes = createLazy<QuoteIndex, Dataset>(data, (d) => d.quoteIndex());
  const unknownArticle = (id: string) => setIgnored((said) => [...said, `article “${id}”: no such article in this data`]);
  /** Sets the article filter; an id the loaded list lacks is dropped, and said. */
  const chooseArticle = (id: string | null) => {
    const loaded = articles.value();
    if (id !== null && loaded && !loaded.number.has(id)) {
      unknownArticle(id);
      id = null;
    }
    writeArticle(id);
    if (id !== null && !loaded) articles.request();
  };
  articles.onLoad((loaded) => {
    const id = article();
    if (id !== null && !loaded.number.has(id)) {
      unknownArticle(id);
      writeArticle(null);
    }
  });
  if (initial.article) articles.request();
  if (terms().length > 0) quotes.request();
  createComputed(
    on(
      dataset,
      (next) => {
        const waits = [articles.prepare(next), quotes.prepare(next)].filter((p) => p !== null);
        const show = () => void (untrack(dataset) === next && showData(() => next));
        if (waits.length === 0) show();
        else void Promise.all(waits).then(show);
      },
      { defer: true },
    ),
  );

  const filters = createMemo((): EventFilters => ({ categories: categories(), outlet: outlet(), article: article(), query: query() }));
  const categoryMask = createMemo(() => {
    const c = categories();
    return c ? data().categoryMask(c) : null;
  });
  const sourceMask = createMemo(() => {
    const o = outlet();
    const a = article();
    const number = a === null ? undefined : articles.value()?.number.get(a);
    const d = data();
    return intersectMasks([o === null ? null : d.outletMask(d.outlets.indexOf(o)), number === undefined ? null : d.articleMask(number)]);
  });
  const textMask = createMemo(() => {
    const t = terms();
    const index = quotes.value();
    return t.length > 0 && index ? quoteMask(index, t) : null;
  });
  // The minimum confidence: the data's threshold unless the reader chose another (a link, the control); none when the
  // data has no threshold (a file the rules alone wrote: every event shows, and a link's `sure` is ignored).
  const defaultConfidence = createMemo(() => data().threshold);
  const [chosenConfidence, writeChosenConfidence] = createSignal<number | null>(first.threshold === null ? null : (initial.sure ?? null));
  const minConfidence = createMemo(() => {
    const byDefault = defaultConfidence();
    return byDefault === null ? null : (chosenConfidence() ?? byDefault);
  });
  /** Sets the minimum confidence (0–1, in hundredths); the data's default is held as "no choice". */
  const chooseConfidence = (min: number | null) => {
    const rounded = min === null ? null : Math.round(Math.min(1, Math.max(0, min)) * 100) / 100;
    writeChosenConfidence(rounded === untrack(defaultConfidence) ? null : rounded);
  };
  const confidenceMask = createMemo(() => {
    const min = minConfidence();
    return min === null ? null : data().confidenceMask(min);
  });
  /** The events the filters and the minimum confidence keep, by event number; null for every event. */
  const mask = createMemo(() => intersectMasks([confidenceMask(), categoryMask(), sourceMask(), textMask()]));
  const filtering = createMemo(() => isFiltering(filters()));
  /** A filter waits for its data (the quotes, the list of articles). */
  const filtersPending = () => (terms().length > 0 && !quotes.value() && !quotes.error()) || (article() !== null && !articles.value() && !articles.error());
  const filterProblem = () => (terms().length > 0 && quotes.error()) || (article() !== null && articles.error()) || null;

  // Counts under the window and the filters, kept up to date step by step (see WindowCounts): `counted` changes
  // with the window, carrying the places the step touched (null after a change of filters or of dataset: any place
  // may have changed); whatever shows a count reads it through `counts`. A new dataset has a counter of its own.
  const newCounter = createMemo(() => data().createWindowCounts());
  const counted = createMemo(
    (before: { counter: WindowCounts; touched: ArrayLike<number> | null } | undefined) => {
      const counter = newCounter();
      const m = mask();
      const w = timeWindow();
      if (counter === before?.counter && m === counter.mask) return { counter, touched: counter.moveTo(w) };
      counter.setMask(m);
      counter.moveTo(w);
      return { counter, touched: null };
    },
    undefined,
    { equals: false },
  );
  /** The counter of the dataset shown, counted under the window and the filters; a new one only with a new dataset. */
  const counter = createMemo(() => counted().counter);
  const following = (track: () => unknown): PlaceCounts => ({
    count: (p) => (track(), counter().count(p)),
    uncertain: (p) => (track(), counter().uncertain(p)),
    unsure: (p) => (track(), counter().unsure(p)),
    dominant: (p) => (track(), counter().dominant(p)),
  });
  // The list of places follows once a frame: a drag that moves the window several times a frame re-sorts it once.
  const [listFrame, setListFrame] = createSignal(0, { equals: false });
  let cancelListFrame: (() => void) | null = null;
  createMemo(() => {
    counted();
    cancelListFrame ??= frame(() => {
      cancelListFrame = null;
      setListFrame(0);
    });
  });
  onCleanup(() => cancelListFrame?.());

  // The chronological list: its reader of a dataset's columns is made when the list is first shown on it, and its
  // rows follow the window and the filters once a frame (at the list of places' frame), not at every step of a
  // drag; a new dataset at once (its places are those the rows name).
  let windowEvents: { of: Dataset; reader: WindowEvents } | null = null;
  const [rowsWanted, setRowsWanted] = createSignal(false);
  const windowRows = createMemo((): { rows: WindowRows; events: WindowEvents } | null => {
    if (listView() !== 'events' && !rowsWanted()) return null;
    listFrame();
    const d = data();
    return untrack(() => {
      if (windowEvents?.of !== d) windowEvents = { of: d, reader: d.createWindowEvents() };
      const { reader } = windowEvents;
      reader.setMask(mask());
      return { rows: reader.rows(timeWindow()), events: reader };
    });
  });
  /** Where the list of events was, while a place opened from it is open (see ListMemory). */
  const listMemory: ListMemory = { top: -1, active: -1, refocus: false };

  // The clusters of dates the filters leave (see dateClusters), each with its events, counted by a counter of
  // their own: a pass over the columns per cluster, only when the filters change.
  const daily = createMemo(() => data().dailyOf(mask()));
  let clusterCounter: { of: Dataset; counter: WindowCounts } | null = null;
  const clusters = createMemo((): DateCluster[] => {
    const found = dateClusters(daily());
    if (found.length === 0) return [];
    const d = untrack(data);
    if (clusterCounter?.of !== d) clusterCounter = { of: d, counter: d.createWindowCounts() };
    const { counter } = clusterCounter;
    counter.setMask(untrack(mask));
    return found.map((window) => {
      counter.moveTo(window);
      return { window, events: counter.total() };
    });
  });

  const eventDays = createMemo(() => data().eventDaysOf(mask()));
  /** Play/Pause: the one owner of whether the window is playing; it moves the window through setTimeWindow. */
  const playback = createPlayback({ window: timeWindow, data: () => ({ extent: data().extent, eventDays: eventDays(), daily: daily() }), onWindow: (w) => setTimeWindow(clamp(w)) });

  const selectedPlace = createMemo((): PlaceSummary | null => data().placesById.get(selected() ?? '') ?? null);
  /** The dataset each place's sources fetched are of (a dataset's sourcesOf gives its own objects). */
  const sourcesData = new WeakMap<PlaceSources, Dataset>();
  const [sources] = createResource(
    () => {
      const id = selected();
      return id ? { of: data(), id } : undefined;
    },
    ({ of, id }) => {
      const fetching = of.sourcesOf(id);
      fetching.then((place) => sourcesData.set(place, of), () => {}); // before the resource's own callback
      return fetching;
    },
  );
  /**
   * The selected place's first page of sources and the dataset they are of: while a new dataset's are loading, the last
   * ones of the same place (its panel is not emptied meanwhile); undefined while they load or when they failed.
   */
  const fetched = () => {
    if (sources.error) return undefined;
    const place = sources.latest;
    const of = place && sourcesData.get(place);
    return place && of && place.place.id === selected() ? { of, place } : undefined;
  };
  // The pages of the selected place's events fetched beyond the first (see PlaceFile), and why one failed.
  const [morePages, setMorePages] = createSignal<{ of: Dataset | null; id: string | null; pages: ReadonlyMap<number, PlacePageEvents> }>({ of: null, id: null, pages: new Map() });
  const [pageError, setPageError] = createSignal<string | null>(null);
  const asking = new WeakMap<Dataset, Set<string>>();
  /** Fetches page k of the selected place's events, once; it joins `sources` when it arrives. */
  const wantPage = (k: number) => {
    const id = selected();
    const d = data();
    const base = fetched();
    if (!id || !base || base.of !== d || base.place.place.id !== id || base.place.loaded.has(k) || k >= base.place.pages.length) return;
    const key = `${id}/${k}`;
    const now = morePages();
    const asked = asking.get(d) ?? asking.set(d, new Set()).get(d)!;
    if (asked.has(key) || (now.of === d && now.id === id && now.pages.has(k))) return;
    asked.add(key);
    setPageError(null);
    d.placePage(id, k).then(
      (page) => {
        asked.delete(key);
        if (selected() !== id || data() !== d) return;
        const before = morePages();
        setMorePages({ of: d, id, pages: new Map(before.of === d && before.id === id ? before.pages : []).set(k, page) });
      },
      (error: unknown) => {
        asked.delete(key);
        if (selected() === id && data() === d) setPageError(String(error instanceof Error ? error.message : error));
      },
    );
  };
  /** The selected place's sources with every page fetched so far, in date order. */
  const loadedSources = createMemo((): PlaceSources | undefined => {
    const got = fetched();
    const base = got?.place;
    const more = morePages();
    if (!base || more.of !== got.of || more.id !== base.place.id || more.pages.size === 0) return base;
    const order = [...more.pages.keys()].sort((a, b) => a - b);
    const articles = new Map(base.articles);
    for (const k of order) for (const [id, a] of more.pages.get(k)!.articles) articles.set(id, a);
    const pages = [{ k: 0, events: base.events }, ...order.map((k) => ({ k, events: more.pages.get(k)!.events }))].sort((a, b) => a.k - b.k);
    return { ...base, events: pages.flatMap((p) => p.events), articles, loaded: new Set([...base.loaded, ...order]) };
  });
  /**
   * How many of the selected place's events, all dates, the minimum confidence keeps (`sure`), and the filters too
   * (`kept`), counted from the columns: exact whatever pages are loaded; and in the window under both (`inside`).
   * While a new dataset's sources of the place load, the counts of the dataset of those shown.
   */
  const sourcesBehind = () => {
    const of = fetched()?.of;
    return of !== undefined && of !== data();
  };
  const selectedNumber = () => data().placeNumber.get(selected() ?? '');
  const placeTotals = createMemo((before: { total: number; sure: number; kept: number } | null) => {
    const n = selectedNumber();
    if (n === undefined) return null;
    if (before && sourcesBehind()) return before;
    const d = data();
    return { total: d.totals[n], sure: d.countAtPlace(n, confidenceMask()), kept: d.countAtPlace(n, mask()) };
  }, null);
  const placeInside = createMemo((before: number | null) => {
    const n = selectedNumber();
    if (n === undefined) return null;
    if (before !== null && sourcesBehind()) return before;
    return counted().counter.count(n);
  }, null);

  // A chosen place opens once its sources are fetched (at once for one seen before): the panel is drawn once,
  // full. Only the last choice opens; `opened` runs then (the map reveals the place).
  let choosing = 0;
  const select = (id: string, opened?: (id: string) => void, eventId: string | null = null): Promise<void> => {
    const choice = ++choosing;
    const open = () => {
      if (choice !== choosing || !known(id)) return;
      batch(() => {
        setSelected(id);
        if (focusEvent() !== eventId) setFocusEvent(eventId);
        setReturnFocusTo(null);
      });
      opened?.(id);
    };
    return data().sourcesOf(id).then(open, open);
  };

  // A new dataset: a selected place it lacks is closed, a window of all the dates becomes all its dates (another
  // window is kept, within its dates).
  let shownData = first;
  createComputed(
    on(
      data,
      (now) => {
        const before = shownData;
        shownData = now;
        const id = untrack(selected);
        if (id !== null && !now.placesById.has(id)) {
          ++choosing;
          batch(() => (setSelected(null), setReturnFocusTo(null)));
        }
        const w = untrack(timeWindow);
        const next = w.from === before.extent.from && w.to === before.extent.to ? now.extent : clampWindow(w, now.extent);
        if (next.from !== w.from || next.to !== w.to) setTimeWindow(next);
      },
      { defer: true },
    ),
  );
  // A change made from the page (review mode) gives the focus back to the open panel, once its new data shows.
  if (options.refocus) createComputed(on(options.refocus, (r) => r && untrack(selected) !== null && setFocusEvent(r.event), { defer: true }));

  return {
    timeWindow,
    selected,
    selectedPlace,
    view,
    reading,
    /** Whether the window is playing (see playback). */
    playing: playback.playing,
    playback,
    /** What the opening link asked for that the data cannot show, said to the person (a place it lacks, days outside it). */
    ignored,
    dismissIgnored: () => setIgnored([]),
    /** The place whose entry in the list takes the focus back when the panel closes. */
    returnFocusTo,
    /** The counts under the window, for the map: they change with every step of the window. */
    counts: following(counted),
    /** The same counts, for the list of places: at most once a frame. */
    listCounts: following(listFrame),
    /** The places the last step of the window touched (see WindowCounts.moveTo). */
    touched: () => counted().touched,
    /** The counter of the dataset shown, under the window and the filters (a new one with a new dataset). */
    counter,
    /** How many events the window shows (those the filters keep). */
    shown: createMemo(() => counted().counter.total()),
    /** Events per day that the filters keep, for the histogram. */
    daily,
    /** The clusters of dates of the events the filters keep, with their events; none when they make one. */
    clusters,
    /** The days on which events the filters keep start. */
    eventDays,

    filters,
    /** Whether any filter is on (the minimum confidence is not one: see minConfidence). */
    filtering,
    /**
     * The minimum confidence (0–1): events under it are hidden like a filter's, but it is no filter (Clear filters
     * leaves it); null when the data has no threshold.
     */
    minConfidence,
    /** events.json's threshold, the minimum confidence by default; null when it has none. */
    defaultConfidence,
    /** Events per place number, all dates, sure enough to show (the minimum confidence); null when every event shows. */
    sureTotals: createMemo(() => {
      const m = confidenceMask();
      return m === null ? null : data().totalsOf(m);
    }),
    /** Sets the minimum confidence (null: back to the data's default). */
    setMinConfidence: (min: number | null) => chooseConfidence(min),
    filtersPending,
    /** Why a filter could not be applied (its data failed to load), or null. */
    filterProblem,
    /** The articles by number, once fetched (see requestArticles), with a number per id. */
    articles: () => articles.value()?.list ?? null,
    /** Fetches the list of articles, for a control that offers them. */
    requestArticles: () => articles.request(),
    /** Shows only events of these categories (null or an empty set: every category). */
    setCategories: (c: Iterable<Category> | null) => writeCategories(categoryFilter(c)),
    /** Adds a category to the filter, or takes it away (the last one taken away: every category again). */
    toggleCategory(c: Category) {
      const now = new Set(categories());
      if (now.has(c)) now.delete(c);
      else now.add(c);
      writeCategories(categoryFilter(now));
    },
    /** Shows only events of an outlet's articles (null: every outlet); clears the article filter. */
    setOutlet(o: string | null) {
      batch(() => {
        writeOutlet(knownOutlet(o));
        writeArticle(null);
      });
    },
    /** Shows only events of one article (null: every article); clears the outlet filter. */
    setArticle(id: string | null) {
      batch(() => {
        writeOutlet(null);
        chooseArticle(id);
      });
    },
    /** Shows only events whose quote holds every word of the query (see quote-search.ts). */
    setQuery(q: string) {
      writeQuery(q);
      if (searchTerms(q).length > 0) quotes.request();
    },
    clearFilters() {
      batch(() => {
        writeCategories(NO_FILTERS.categories);
        writeOutlet(NO_FILTERS.outlet);
        writeArticle(NO_FILTERS.article);
        writeQuery(NO_FILTERS.query);
      });
    },
    /** The selected place's sources: undefined while they load or when they failed (see `sourcesError`). */
    sources: loadedSources,
    sourcesError: (): string | null => (sources.error ? String(sources.error) : pageError()),
    /** Asks for page k of the selected place's events (see PlaceFile); `sources` gains it when it arrives. */
    wantPage,
    /**
     * The selected place's events counted from the columns: all dates under the minimum confidence (`sure`) and the
     * filters too (`kept`), and in the window under both (`inside`); null when no place is selected.
     */
    placeCounts: (): { sure: number; kept: number; inside: number } | null => {
      const totals = placeTotals();
      const inside = placeInside();
      return totals && inside !== null ? { sure: totals.sure, kept: totals.kept, inside } : null;
    },
    /** The selected place's events, all dates (0 when none is selected); of the dataset of its sources shown, as placeCounts. */
    placeTotal: () => placeTotals()?.total ?? 0,

    setWindow: (w: TimeWindow) => setTimeWindow(clamp(w)),
    select: (id: string, opened?: (id: string) => void) => select(id, opened),
    /** Opens a place at one of its events, whose quote the panel brings into view and focuses (see focusEvent). */
    selectEvent: (place: string, eventId: string, opened?: (id: string) => void) => select(place, opened, eventId),
    focusEvent,
    /** Which list shows beside the map when no place is open: the places, or the window's events by date. */
    listView,
    setListView(v: ListView) {
      batch(() => {
        setListView(v);
        setReturnFocusTo(null); // the list chosen keeps the focus on its tab
      });
    },
    listMemory,
    /**
     * The window's events under the filters, in date order, and the reader of the columns they are read through,
     * while the chronological list shows (else null).
     */
    windowRows,
    /** Keeps windowRows up to date whichever list shows (the map cannot be drawn: the events are listed in its place). */
    wantRows: (on: boolean) => setRowsWanted(on),
    lit,
    setLit: (id: string | null) => setLit(id),
    /** Closes the selected place's panel; the focus goes back to its entry in the list. */
    close: () => {
      ++choosing; // a choice still loading must not open after a close
      setReturnFocusTo(selected());
      setSelected(null);
    },
    setView: (v: MapView | null) => setView(v),
    read: (r: Reading) => setReading(r),
    closeReader: () => setReading(null),
    /** What the URL hash says now. */
    urlState: (): UrlState => {
      return {
        from: timeWindow().from,
        to: timeWindow().to,
        place: selected() ?? undefined,
        ...urlFilters(filters()),
        sure: chosenConfidence() ?? undefined,
        list: listView() === 'events' ? 'events' : undefined,
        view: view() ?? undefined,
        embed: initial.embed,
      };
    },
    /** A hash read from the address (Back, Forward): applied at once, what it cannot name ignored. */
    apply(state: UrlState) {
      batch(() => {
        setTimeWindow(clamp(state));
        ++choosing;
        setSelected(known(state.place));
        writeCategories(urlFilterValue(state, 'categories'));
        writeOutlet(knownOutlet(urlFilterValue(state, 'outlet')));
        chooseArticle(urlFilterValue(state, 'article'));
        if (urlFilterValue(state, 'query') !== query().trim()) writeQuery(urlFilterValue(state, 'query'));
        if (terms().length > 0) quotes.request();
        if (untrack(defaultConfidence) !== null) chooseConfidence(state.sure ?? null);
        setListView(state.list ?? 'places');
        if (state.view) setView(state.view);
      });
    },
    /** The dataset shown (see createAppState): what the page reads of the data, it reads from this one. */
    data,
    /** Whether a place id is one of the dataset's. */
    known: (id: string | undefined | null): id is string => known(id) !== null,
  };
}

export type AppState = ReturnType<typeof createAppState>;

/**
 * The parts of a link the data cannot honour: a place it does not have, a `from` or `to` that is no day or lies
 * outside its days (a bound before the first event or after the last is moved there, a window entirely outside is
 * dropped), an outlet no article names, a minimum confidence where no event has one. (An unknown article is said once the list of articles is loaded.)
 */
export function ignoredIn(url: UrlState, data: Pick<Dataset, 'placesById' | 'extent' | 'outlets' | 'threshold'>): string[] {
  const ignored: string[] = [];
  if (url.sure !== undefined && data.threshold === null) ignored.push(`minimum confidence ${url.sure}: the events of this data carry no confidence`);
  if (url.place && !data.placesById.has(url.place)) ignored.push(`place “${url.place}”: no such place in this data`);
  if (url.outlet && !data.outlets.includes(url.outlet)) ignored.push(`outlet “${url.outlet}”: no article in this data is from it`);
  const { from, to } = data.extent;
  for (const bad of url.unreadDays ?? []) ignored.push(`${bad.key} “${bad.text}”: not a day (YYYY-MM-DD)`);
  if (url.from !== undefined && url.from > to) ignored.push(`from ${formatDay(url.from)}: after the last event (${formatDay(to)})`);
  else if (url.from !== undefined && url.from < from && (url.to === undefined || url.to >= from)) ignored.push(`from ${formatDay(url.from)}: before the first event (${formatDay(from)}), so the window starts there`);
  if (url.to !== undefined && url.to < from) ignored.push(`to ${formatDay(url.to)}: before the first event (${formatDay(from)})`);
  else if (url.to !== undefined && url.to > to && (url.from === undefined || url.from <= to)) ignored.push(`to ${formatDay(url.to)}: after the last event (${formatDay(to)}), so the window ends there`);
  return ignored;
}

/**
 * A value of the dataset shown (`source`), loaded once, when first requested: `value()` is undefined until it
 * arrives; a failed load is remembered as `error()` and tried again on the next request. Once requested, it is
 * loaded for every new dataset too, before that one shows (`prepare`), or as it shows. `onLoad` callbacks run
 * once per dataset shown, when its value arrives or when it shows with it.
 */
function createLazy<T, S extends object>(source: Accessor<S>, load: (of: S) => Promise<T>) {
  /** The value per dataset: the one shown's, and a new one's loaded before it shows. */
  const [values, setValues] = createSignal<ReadonlyMap<S, T>>(new Map());
  const [error, setError] = createSignal<string | null>(null);
  const callbacks: ((value: T) => void)[] = [];
  const loading = new Map<S, Promise<void>>();
  let wanted = false;
  const loaded = (value: T) => {
    for (const callback of callbacks) callback(value);
  };
  /** Loads the value of `of` unless it has it or is loading it; resolves once it is there, or failed. */
  const loadFor = (of: S): Promise<void> => {
    if (untrack(values).has(of)) return Promise.resolve();
    let pending = loading.get(of);
    if (!pending) {
      pending = load(of).then(
        (value) => {
          loading.delete(of);
          const shown = untrack(source);
          batch(() => {
            setValues((before) => new Map([...before].filter(([kept]) => kept === shown)).set(of, value));
            if (of === shown) loaded(value);
          });
        },
        (e: unknown) => {
          loading.delete(of);
          if (of === untrack(source)) setError(String(e instanceof Error ? e.message : e));
        },
      );
      loading.set(of, pending);
    }
    return pending;
  };
  const request = () => {
    wanted = true;
    setError(null);
    void loadFor(untrack(source));
  };
  // A new dataset shows: with its value (loaded before), or it is loaded now if it was ever asked for.
  createComputed(
    on(
      source,
      (now) => {
        setError(null);
        const value = untrack(values).get(now);
        if (value !== undefined) loaded(value);
        else if (wanted) request();
      },
      { defer: true },
    ),
  );
  return {
    value: (): T | undefined => values().get(source()),
    error,
    onLoad: (callback: (value: T) => void) => void callbacks.push(callback),
    request,
    /** Loads a dataset's value before it shows, if the value was ever asked for; null when there is nothing to wait for. */
    prepare: (of: S): Promise<void> | null => (wanted && !untrack(values).has(of) ? loadFor(of) : null),
  };
}
