import { batch, createMemo, createResource, createSignal, onCleanup } from 'solid-js';
import { formatDay } from '../core/day.ts';
import type { Article, MapEvent, PlaceSummary } from '../core/model.ts';
import { clampWindow, type TimeWindow } from '../core/time-window.ts';
import type { MapView, UrlState } from '../core/url-state.ts';
import type { Dataset, PlaceSources } from '../data/dataset.ts';
import type { PlaceCounts } from '../map/marks.ts';

/** An event being read in its article. */
export interface Reading {
  event: MapEvent;
  article: Article;
}

/** Runs `callback` once before the next frame is drawn; returns what cancels it. */
export type FrameScheduler = (callback: () => void) => () => void;

const nextFrame: FrameScheduler = (callback) => {
  const id = requestAnimationFrame(callback);
  return () => cancelAnimationFrame(id);
};

/**
 * The app's state and the only ways to change it: the time window, the selected place, the map's view, the
 * article being read, playback; and what is derived from them, once: the counts under the window (for the map at
 * once, for the list of places once a frame), the number shown, the selected place's record and sources.
 * Components read these and call the actions; none keeps a copy. Create it inside a reactive root.
 */
export function createAppState(data: Dataset, initial: UrlState, options: { frame?: FrameScheduler } = {}) {
  const frame = options.frame ?? nextFrame;
  const known = (id: string | undefined | null) => (id && data.placesById.has(id) ? id : null);
  const clamp = (w: Partial<TimeWindow>) => clampWindow({ from: w.from ?? data.extent.from, to: w.to ?? data.extent.to }, data.extent);

  const [timeWindow, setTimeWindow] = createSignal<TimeWindow>(clamp(initial));
  const [selected, setSelected] = createSignal<string | null>(known(initial.place));
  const [view, setView] = createSignal<MapView | null>(initial.view ?? null);
  const [reading, setReading] = createSignal<Reading | null>(null);
  const [playing, setPlaying] = createSignal(false);
  const [returnFocusTo, setReturnFocusTo] = createSignal<string | null>(null);
  const [ignored, setIgnored] = createSignal<string[]>(ignoredIn(initial, data));

  // Counts under the window, kept up to date step by step (see WindowCounts): `counted` changes with the window,
  // carrying the places the step touched; whatever shows a count reads it through `counts`.
  const counter = data.createWindowCounts();
  const counted = createMemo(() => ({ touched: counter.moveTo(timeWindow()) }), undefined, { equals: false });
  const following = (track: () => unknown): PlaceCounts => ({
    count: (p) => (track(), counter.count(p)),
    uncertain: (p) => (track(), counter.uncertain(p)),
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

  const selectedPlace = createMemo((): PlaceSummary | null => data.placesById.get(selected() ?? '') ?? null);
  const [sources] = createResource(() => selected() ?? undefined, (id) => data.sourcesOf(id));

  // A chosen place opens once its sources are fetched (at once for one seen before): the panel is drawn once,
  // full. Only the last choice opens; `opened` runs then (the map reveals the place).
  let choosing = 0;
  const select = (id: string, opened?: (id: string) => void): Promise<void> => {
    const choice = ++choosing;
    const open = () => {
      if (choice !== choosing || !known(id)) return;
      setSelected(id);
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
    playing,
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
    /** How many events the window shows. */
    shown: createMemo(() => (counted(), counter.total())),
    /** The selected place's sources: undefined while they load or when they failed (see `sourcesError`). */
    sources: (): PlaceSources | undefined => (sources.loading || sources.error ? undefined : sources()),
    sourcesError: (): string | null => (sources.error ? String(sources.error) : null),

    setWindow: (w: TimeWindow) => setTimeWindow(clamp(w)),
    select,
    /** Closes the selected place's panel; the focus goes back to its entry in the list. */
    close: () => {
      ++choosing; // a choice still loading must not open after a close
      setReturnFocusTo(selected());
      setSelected(null);
    },
    setView: (v: MapView | null) => setView(v),
    read: (r: Reading) => setReading(r),
    closeReader: () => setReading(null),
    setPlaying,
    /** What the URL hash says now. */
    urlState: (): UrlState => ({ from: timeWindow().from, to: timeWindow().to, place: selected() ?? undefined, view: view() ?? undefined }),
    /** A hash read from the address (Back, Forward): applied at once, what it cannot name ignored. */
    apply(state: UrlState) {
      batch(() => {
        setTimeWindow(clamp(state));
        ++choosing;
        setSelected(known(state.place));
        if (state.view) setView(state.view);
      });
    },
    /** Whether a place id is one of the dataset's. */
    known: (id: string | undefined | null): id is string => known(id) !== null,
  };
}

export type AppState = ReturnType<typeof createAppState>;

/** The parts of a link the data cannot honour: a place it does not have, a window entirely outside its days. */
export function ignoredIn(url: UrlState, data: Pick<Dataset, 'placesById' | 'extent'>): string[] {
  const ignored: string[] = [];
  if (url.place && !data.placesById.has(url.place)) ignored.push(`place “${url.place}”: no such place in this data`);
  const { from, to } = data.extent;
  if (url.from !== undefined && url.from > to) ignored.push(`from ${formatDay(url.from)}: after the last event (${formatDay(to)})`);
  if (url.to !== undefined && url.to < from) ignored.push(`to ${formatDay(url.to)}: before the first event (${formatDay(from)})`);
  return ignored;
}
