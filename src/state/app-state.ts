import { batch, createMemo, createResource, createSignal, onCleanup, untrack } from 'solid-js';
import { formatDay } from '../core/day.ts';
import { NO_FILTERS, categoryFilter, isFiltering, type EventFilters } from '../core/event-filters.ts';
import { dateClusters } from '../core/date-clusters.ts';
import { intersectMasks } from '../core/event-mask.ts';
import type { Article, Category, MapEvent, PlaceSummary } from '../core/model.ts';
import { quoteMask, searchTerms, type QuoteIndex } from '../core/quote-search.ts';
import { clampWindow, type TimeWindow } from '../core/time-window.ts';
import { urlFilterValue, urlFilters, type ListView, type MapView, type UrlState } from '../core/url-state.ts';
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
 * What an app drawn anew on new data (the review mode's reload) takes over from the one before, beyond the URL hash:
 * where the list of events was, and the event whose quote the Sources panel brings into view and focuses.
 */
export interface Carried {
  listMemory: ListMemory;
  focusEvent: string | null;
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
 */
export function createAppState(data: Dataset, initial: UrlState, options: { frame?: FrameScheduler; carried?: Carried } = {}) {
  const frame = options.frame ?? nextFrame;
  const known = (id: string | undefined | null) => (id && data.placesById.has(id) ? id : null);
  const clamp = (w: Partial<TimeWindow>) => clampWindow({ from: w.from ?? data.extent.from, to: w.to ?? data.extent.to }, data.extent);

  const [timeWindow, setTimeWindow] = createSignal<TimeWindow>(clamp(initial));
  const [selected, setSelected] = createSignal<string | null>(known(initial.place));
  const [view, setView] = createSignal<MapView | null>(initial.view ?? null);
  const [reading, setReading] = createSignal<Reading | null>(null);
  const [returnFocusTo, setReturnFocusTo] = createSignal<string | null>(null);
  const [ignored, setIgnored] = createSignal<string[]>(ignoredIn(initial, data));
  const [listView, setListView] = createSignal<ListView>(initial.list ?? 'places');
  /** The place lit on the map from the chronological list (pointed at or focused), or null. */
  const [lit, setLit] = createSignal<string | null>(null);
  /** The event whose quote the Sources panel brings into view and focuses, when a place is opened at it. */
  const [focusEvent, setFocusEvent] = createSignal<string | null>(options.carried?.focusEvent ?? null);

  // The filters. An outlet the data does not name is ignored at once; an article id once the list of articles
  // (fetched when an article filter first needs it) says it is unknown. The text search needs the quotes, fetched
  // when a query is first typed: until then the query waits (`filtersPending`).
  const knownOutlet = (outlet: string | null | undefined) => (outlet && data.outlets.includes(outlet) ? outlet : null);
  const [categories, writeCategories] = createSignal<readonly Category[] | null>(urlFilterValue(initial, 'categories'));
  const [outlet, writeOutlet] = createSignal<string | null>(knownOutlet(urlFilterValue(initial, 'outlet')));
  const [article, writeArticle] = createSignal<string | null>(urlFilterValue(initial, 'article'));
  const [query, writeQuery] = createSignal(urlFilterValue(initial, 'query'));
  const terms = createMemo(() => searchTerms(query()), [], { equals: (a, b) => a.length === b.length && a.every((t, i) => t === b[i]) });
  const articles = makeLazy(() => data.articleList().then((list) => ({ list, number: new Map(list.map((a, i) => [a.id, i])) })));
  const quotes = makeLazy<QuoteIndex>(() => data.quoteIndex());
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

  const filters = createMemo((): EventFilters => ({ categories: categories(), outlet: outlet(), article: article(), query: query() }));
  const categoryMask = createMemo(() => {
    const c = categories();
    return c ? data.categoryMask(c) : null;
  });
  const sourceMask = createMemo(() => {
    const o = outlet();
    const a = article();
    const number = a === null ? undefined : articles.value()?.number.get(a);
    return intersectMasks([o === null ? null : data.outletMask(data.outlets.indexOf(o)), number === undefined ? null : data.articleMask(number)]);
  });
  const textMask = createMemo(() => {
    const t = terms();
    const index = quotes.value();
    return t.length > 0 && index ? quoteMask(index, t) : null;
  });
  // The minimum confidence: the data's threshold unless the reader chose another (a link, the control); none when the
  // data has no threshold (a file the rules alone wrote: every event shows, and a link's `sure` is ignored).
  const defaultConfidence = data.threshold;
  const [chosenConfidence, writeChosenConfidence] = createSignal<number | null>(defaultConfidence === null ? null : (initial.sure ?? null));
  const minConfidence = createMemo(() => (defaultConfidence === null ? null : (chosenConfidence() ?? defaultConfidence)));
  /** Sets the minimum confidence (0–1, in hundredths); the data's default is held as "no choice". */
  const chooseConfidence = (min: number | null) => {
    const rounded = min === null ? null : Math.round(Math.min(1, Math.max(0, min)) * 100) / 100;
    writeChosenConfidence(rounded === defaultConfidence ? null : rounded);
  };
  const confidenceMask = createMemo(() => {
    const min = minConfidence();
    return min === null ? null : data.confidenceMask(min);
  });
  /** The events the filters and the minimum confidence keep, by event number; null for every event. */
  const mask = createMemo(() => intersectMasks([confidenceMask(), categoryMask(), sourceMask(), textMask()]));
  const filtering = createMemo(() => isFiltering(filters()));
  /** A filter waits for its data (the quotes, the list of articles). */
  const filtersPending = () => (terms().length > 0 && !quotes.value() && !quotes.error()) || (article() !== null && !articles.value() && !articles.error());
  const filterProblem = () => (terms().length > 0 && quotes.error()) || (article() !== null && articles.error()) || null;

  // Counts under the window and the filters, kept up to date step by step (see WindowCounts): `counted` changes
  // with the window, carrying the places the step touched (null after a change of filters: any place may have
  // changed); whatever shows a count reads it through `counts`.
  const counter = data.createWindowCounts();
  const counted = createMemo(
    () => {
      const m = mask();
      const w = timeWindow();
      if (m === counter.mask) return { touched: counter.moveTo(w) };
      counter.setMask(m);
      counter.moveTo(w);
      return { touched: null };
    },
    undefined,
    { equals: false },
  );
  const following = (track: () => unknown): PlaceCounts => ({
    count: (p) => (track(), counter.count(p)),
    uncertain: (p) => (track(), counter.uncertain(p)),
    unsure: (p) => (track(), counter.unsure(p)),
    dominant: (p) => (track(), counter.dominant(p)),
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

  // The chronological list: its reader of the columns is made when the list is first shown, and its rows follow the
  // window and the filters once a frame (at the list of places' frame), not at every step of a drag.
  let windowEvents: WindowEvents | null = null;
  const [rowsWanted, setRowsWanted] = createSignal(false);
  const windowRows = createMemo((): { rows: WindowRows; events: WindowEvents } | null => {
    if (listView() !== 'events' && !rowsWanted()) return null;
    listFrame();
    return untrack(() => {
      windowEvents ??= data.createWindowEvents();
      windowEvents.setMask(mask());
      return { rows: windowEvents.rows(timeWindow()), events: windowEvents };
    });
  });
  /** Where the list of events was, while a place opened from it is open (see ListMemory). */
  const listMemory: ListMemory = options.carried?.listMemory ?? { top: -1, active: -1, refocus: false };

  // The clusters of dates the filters leave (see dateClusters), each with its events, counted by a counter of
  // their own: a pass over the columns per cluster, only when the filters change.
  const daily = createMemo(() => data.dailyOf(mask()));
  let clusterCounter: ReturnType<typeof data.createWindowCounts> | null = null;
  const clusters = createMemo((): DateCluster[] => {
    const found = dateClusters(daily());
    if (found.length === 0) return [];
    clusterCounter ??= data.createWindowCounts();
    clusterCounter.setMask(untrack(mask));
    return found.map((window) => {
      clusterCounter!.moveTo(window);
      return { window, events: clusterCounter!.total() };
    });
  });

  const eventDays = createMemo(() => data.eventDaysOf(mask()));
  /** Play/Pause: the one owner of whether the window is playing; it moves the window through setTimeWindow. */
  const playback = createPlayback({ window: timeWindow, data: () => ({ extent: data.extent, eventDays: eventDays(), daily: daily() }), onWindow: (w) => setTimeWindow(clamp(w)) });

  const selectedPlace = createMemo((): PlaceSummary | null => data.placesById.get(selected() ?? '') ?? null);
  const [sources] = createResource(() => selected() ?? undefined, (id) => data.sourcesOf(id));
  // The pages of the selected place's events fetched beyond the first (see PlaceFile), and why one failed.
  const [morePages, setMorePages] = createSignal<{ id: string | null; pages: ReadonlyMap<number, PlacePageEvents> }>({ id: null, pages: new Map() });
  const [pageError, setPageError] = createSignal<string | null>(null);
  const asking = new Set<string>();
  /** Fetches page k of the selected place's events, once; it joins `sources` when it arrives. */
  const wantPage = (k: number) => {
    const id = selected();
    const base = sources.loading || sources.error ? undefined : sources();
    if (!id || !base || base.place.id !== id || base.loaded.has(k) || k >= base.pages.length) return;
    const key = `${id}/${k}`;
    const now = morePages();
    if (asking.has(key) || (now.id === id && now.pages.has(k))) return;
    asking.add(key);
    setPageError(null);
    data.placePage(id, k).then(
      (page) => {
        asking.delete(key);
        if (selected() !== id) return;
        const before = morePages();
        setMorePages({ id, pages: new Map(before.id === id ? before.pages : []).set(k, page) });
      },
      (error: unknown) => {
        asking.delete(key);
        if (selected() === id) setPageError(String(error instanceof Error ? error.message : error));
      },
    );
  };
  /** The selected place's sources with every page fetched so far, in date order. */
  const loadedSources = createMemo((): PlaceSources | undefined => {
    const base = sources.loading || sources.error ? undefined : sources();
    const more = morePages();
    if (!base || more.id !== base.place.id || more.pages.size === 0) return base;
    const order = [...more.pages.keys()].sort((a, b) => a - b);
    const articles = new Map(base.articles);
    for (const k of order) for (const [id, a] of more.pages.get(k)!.articles) articles.set(id, a);
    const pages = [{ k: 0, events: base.events }, ...order.map((k) => ({ k, events: more.pages.get(k)!.events }))].sort((a, b) => a.k - b.k);
    return { ...base, events: pages.flatMap((p) => p.events), articles, loaded: new Set([...base.loaded, ...order]) };
  });
  /**
   * How many of the selected place's events, all dates, the minimum confidence keeps (`sure`), and the filters too
   * (`kept`), counted from the columns: exact whatever pages are loaded.
   */
  const placeCounts = createMemo((): { sure: number; kept: number } | null => {
    const n = data.placeNumber.get(selected() ?? '');
    if (n === undefined) return null;
    return { sure: data.countAtPlace(n, confidenceMask()), kept: data.countAtPlace(n, mask()) };
  });

  // A chosen place opens once its sources are fetched (at once for one seen before): the panel is drawn once,
  // full. Only the last choice opens; `opened` runs then (the map reveals the place).
  let choosing = 0;
  const select = (id: string, opened?: (id: string) => void, eventId: string | null = null): Promise<void> => {
    const choice = ++choosing;
    const open = () => {
      if (choice !== choosing || !known(id)) return;
      batch(() => {
        setSelected(id);
        setFocusEvent(eventId);
        setReturnFocusTo(null);
      });
      opened?.(id);
    };
    return data.sourcesOf(id).then(open, open);
  };

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
    counter,
    /** How many events the window shows (those the filters keep). */
    shown: createMemo(() => (counted(), counter.total())),
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
      return m === null ? null : data.totalsOf(m);
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
      const c = placeCounts();
      const n = data.placeNumber.get(selected() ?? '');
      return c && n !== undefined ? { ...c, inside: (counted(), counter.count(n)) } : null;
    },

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
        if (defaultConfidence !== null) chooseConfidence(state.sure ?? null);
        setListView(state.list ?? 'places');
        if (state.view) setView(state.view);
      });
    },
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
 * A value loaded once, when first requested: `value()` is undefined until it arrives; a failed load is remembered
 * as `error()` and tried again on the next request. `onLoad` callbacks run when it arrives.
 */
function makeLazy<T>(load: () => Promise<T>) {
  const [value, setValue] = createSignal<T | undefined>(undefined);
  const [error, setError] = createSignal<string | null>(null);
  const loaded: ((value: T) => void)[] = [];
  let loading = false;
  return {
    value,
    error,
    onLoad: (callback: (value: T) => void) => void loaded.push(callback),
    request() {
      if (loading || value() !== undefined) return;
      loading = true;
      setError(null);
      load().then(
        (v) => {
          loading = false;
          batch(() => {
            setValue(() => v);
            for (const callback of loaded) callback(v);
          });
        },
        (e: unknown) => {
          loading = false;
          setError(String(e instanceof Error ? e.message : e));
        },
      );
    },
  };
}
