import type { DailyCounts } from '../core/counts.ts';
import type { Day } from '../core/day.ts';
import { WindowCounts, countAtPlace, dailyCounts, decodeColumns, placeTotals, startDays, toHundredths, type EventColumns } from '../core/event-columns.ts';
import { articleMask, categoryMask, confidenceMask, outletMask, type EventMask } from '../core/event-mask.ts';
import { CATEGORIES, type Article, type Category, type MapEvent, type Place, type PlaceSummary } from '../core/model.ts';
import type { TimeWindow } from '../core/time-window.ts';
import { formatProblem, type InputProblem } from '../core/problem.ts';
import { readQuoteIndex, type QuoteIndex } from '../core/quote-search.ts';
import { WindowEvents } from '../core/window-events.ts';
import { COMPILED_FORMAT, ROWS_PER_FILE, type ArticleEntry, type CompiledMeta, type PlaceFile, type PlacePage, type PlacePageSpan, type RowFile } from './compiled-format.ts';
import { fetchAppFile } from './embedded.ts';

export type { ArticleEntry } from './compiled-format.ts';

/**
 * Everything the app shows, as compiled at build time (vite/data-plugin.ts): the events as integer columns and the
 * places that have them; a place's sources (its events' quotes and articles) and the article texts are fetched when
 * asked for.
 */
export interface Dataset extends EventData {
  /** The places that have events; a place's number is its index here. */
  places: readonly PlaceSummary[];
  placesById: ReadonlyMap<string, PlaceSummary>;
  placeNumber: ReadonlyMap<string, number>;
  /** The ids of the places the first view frames (see frame.ts), or null to frame the busiest theatre. */
  frame: readonly string[] | null;
  eventCount: number;
  /** The outlets the articles name, sorted: an outlet's number is its index here. */
  outlets: readonly string[];
  /** Events a person checked, and the events shown at the default minimum confidence (checked ones among them). */
  checked: { count: number; of: number };
  /** Records of events.json that were left out, and why. */
  problems: readonly InputProblem[];
  /** A place's record and the first page of its events in date order with their quotes, and the articles they come from. */
  sourcesOf(id: string): Promise<PlaceSources>;
  /** Page k ≥ 1 of a place's events (see PlaceFile), with the articles they come from. */
  placePage(id: string, k: number): Promise<{ events: MapEvent[]; articles: ReadonlyMap<string, Article> }>;
  /** A place's events, all dates. */
  totalOf(id: string): number;
  articleText(article: Article): Promise<string>;
  /** The articles by number, for the article filter (fetched when first asked for). */
  articleList(): Promise<readonly ArticleEntry[]>;
  /** Every event's quote in search form, for the text search (fetched when first asked for: it is the size of the quotes). */
  quoteIndex(): Promise<QuoteIndex>;
  /** Slice k of the chronological list's lines: its events' ids and the openings of their quotes (see RowFile). */
  rowFile(k: number): Promise<RowFile>;
}

/** What the app reads of the event columns: counts, and the masks and daily counts of the filters. */
export interface EventData {
  /**
   * events.json's `threshold`, 0–1: by default the events under it are hidden, and a mark whose events are all under
   * it is drawn as unsure; null when the file has none (a file the rules alone wrote: every event shows).
   */
  threshold: number | null;
  /** Events per day of the extent, for the histogram. */
  daily: DailyCounts;
  /** The days on which some event starts, in order. */
  eventDays: readonly Day[];
  /** A fresh counter of the events under a time window (see WindowCounts), for one view of the data. */
  createWindowCounts(): WindowCounts;
  /** A fresh reader of the window's events in date order (see WindowEvents), for the chronological list. */
  createWindowEvents(): WindowEvents;
  /** Events per place number, all dates. */
  totals: Int32Array;
  /** Events per place number, all dates, of those a mask keeps (null: all, the same array as `totals`). */
  totalsOf(mask: EventMask | null): Int32Array;
  extent: TimeWindow;
  /** How many articles there are (article numbers run from 0). */
  articleCount: number;
  /** The events of these categories (see event-mask.ts). */
  categoryMask(categories: Iterable<Category>): EventMask;
  /** The events of the articles of one outlet, by number. */
  outletMask(outlet: number): EventMask;
  /** The events of one article, by number. */
  articleMask(article: number): EventMask;
  /** The events whose confidence is at least `min` (0–1), and those the judge did not score; null for every event. */
  confidenceMask(min: number): EventMask | null;
  /** Events at place number `place`, all dates, that the mask keeps (null: every one): a pass over the events. */
  countAtPlace(place: number, mask: EventMask | null): number;
  /** `daily` and `eventDays` for the events a mask keeps (null: all, the same objects as above). */
  dailyOf(mask: EventMask | null): DailyCounts;
  eventDaysOf(mask: EventMask | null): readonly Day[];
}

/** The event data of some columns, with events.json's threshold (null: none). */
export function eventDataOf(columns: EventColumns, threshold: number | null = null): EventData {
  const daily: DailyCounts = { firstDay: columns.firstDay, ...dailyCounts(columns) };
  const eventDays = startDays(columns);
  const totals = placeTotals(columns);
  return {
    threshold,
    daily,
    eventDays,
    createWindowCounts: () => new WindowCounts(columns, threshold === null ? null : toHundredths(threshold)),
    createWindowEvents: () => new WindowEvents(columns),
    totals,
    totalsOf: (mask) => (mask ? placeTotals(columns, mask) : totals),
    extent: { from: columns.firstDay, to: columns.firstDay + Math.max(0, columns.days - 1) },
    articleCount: columns.articleOutlet.length,
    categoryMask: (categories) => categoryMask(columns, [...categories].map((c) => CATEGORIES.indexOf(c))),
    outletMask: (outlet) => outletMask(columns, outlet),
    articleMask: (article) => articleMask(columns, article),
    confidenceMask: (min) => confidenceMask(columns, toHundredths(min)),
    countAtPlace: (place, mask) => countAtPlace(columns, place, mask),
    dailyOf: (mask) => (mask ? { firstDay: columns.firstDay, ...dailyCounts(columns, mask) } : daily),
    eventDaysOf: (mask) => (mask ? startDays(columns, mask) : eventDays),
  };
}

/**
 * A place's sources as far as they are loaded: its record, its events in date order from the pages loaded (page 0
 * always, see PlaceFile), the articles they quote, how many events it has, and the days each page covers.
 */
export interface PlaceSources {
  place: Place;
  events: MapEvent[];
  articles: ReadonlyMap<string, Article>;
  total: number;
  pages: readonly PlacePageSpan[];
  /** The pages whose events are in `events`. */
  loaded: ReadonlySet<number>;
}

/** The dataset cannot be used: the problems name the file and the field. */
export class DatasetError extends Error {
  constructor(readonly problems: readonly InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

/** Loads the compiled dataset under `base` (the app's `data/` folder). */
export async function loadDataset(base: URL): Promise<Dataset> {
  const fetchFile = async (name: string) => {
    const response = await fetchAppFile(new URL(name, base)).catch((error: Error) => {
      throw new DatasetError([{ file: name, field: '(file)', message: `cannot be fetched: ${error.message}` }]);
    });
    if (!response.ok) throw new DatasetError([{ file: name, field: '(file)', message: `cannot be fetched: HTTP ${response.status}` }]);
    return response;
  };
  const columnsFile = fetchFile('columns.bin').then((r) => r.arrayBuffer());
  columnsFile.catch(() => {}); // a dataset that failed to compile has no columns; meta.json says why
  const meta = (await (await fetchFile('meta.json')).json()) as CompiledMeta;
  if (meta.format !== COMPILED_FORMAT) {
    throw new DatasetError([{ file: 'meta.json', field: 'format', message: `is format ${String(meta.format)}; this app reads format ${COMPILED_FORMAT}: build the app again on its data (npm run build)` }]);
  }
  if (meta.fatal) throw new DatasetError(meta.fatal);
  let columns: EventColumns;
  try {
    columns = decodeColumns(await columnsFile);
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    throw new DatasetError([{ file: 'columns.bin', field: '(file)', message: (error as Error).message }]);
  }
  const placeNumber = new Map(meta.places.map((p, i) => [p.id, i]));
  const sourcesOf = cached((id: string) =>
    fetchFile(`places/${placeNumber.get(id)}.json`)
      .then((r) => r.json() as Promise<PlaceFile>)
      .then((file): PlaceSources => ({ place: file.place, events: file.events, articles: new Map(file.articles.map((a) => [a.id, a])), total: file.total, pages: file.pages, loaded: new Set([0]) })),
  );
  const pageOf = cached((key: string) =>
    fetchFile(`places/${key}.json`)
      .then((r) => r.json() as Promise<PlacePage>)
      .then((page) => ({ events: page.events, articles: new Map(page.articles.map((a) => [a.id, a])) })),
  );
  const events = eventDataOf(columns, meta.threshold ?? null);
  const textOf = cached((id: string) => fetchFile(`texts/${encodeURIComponent(id)}.txt`).then((r) => r.text()));
  const articleList = cached(() => fetchFile('articles.json').then((r) => r.json() as Promise<ArticleEntry[]>));
  const quoteIndex = cached(() =>
    fetchFile('quotes.txt')
      .then((r) => r.text())
      .then((text) => {
        try {
          return readQuoteIndex(text, columns.byStart.length);
        } catch (error) {
          throw new DatasetError([{ file: 'quotes.txt', field: '(file)', message: (error as Error).message }]);
        }
      }),
  );
  const rowFile = cached((k: number) =>
    fetchFile(`rows/${k}.json`)
      .then((r) => r.json() as Promise<unknown>)
      .then((rows) => {
        if (!isRowFile(rows)) throw new DatasetError([{ file: `rows/${k}.json`, field: '(file)', message: `is not a list of at most ${ROWS_PER_FILE} [id, opening, reasons?, checked?] rows` }]);
        return rows;
      }),
  );
  return {
    ...events,
    places: meta.places,
    placesById: new Map(meta.places.map((p) => [p.id, p])),
    placeNumber,
    totalOf: (id) => events.totals[placeNumber.get(id) ?? -1] ?? 0,
    eventCount: meta.events,
    outlets: meta.outlets,
    frame: meta.frame ?? null,
    problems: meta.problems,
    checked: { count: meta.checked ?? 0, of: meta.checkable ?? meta.events },
    sourcesOf,
    placePage: (id, k) => pageOf(`${placeNumber.get(id)}/${k}`),
    articleText: (article) => textOf(article.id),
    articleList: () => articleList(null),
    quoteIndex: () => quoteIndex(null),
    rowFile,
  };
}

function isRowFile(value: unknown): value is RowFile {
  const isReasons = (r: unknown) => Array.isArray(r) && r.every((reason) => typeof reason === 'string');
  return (
    Array.isArray(value) &&
    value.length <= ROWS_PER_FILE &&
    value.every((row) => Array.isArray(row) && (row.length === 2 || (row.length === 3 && isReasons(row[2])) || (row.length === 4 && (row[2] === null || isReasons(row[2])) && row[3] === 1)) && typeof row[0] === 'string' && typeof row[1] === 'string')
  );
}

/** `load`, asked once per key; a load that fails is forgotten, so the next ask tries again. */
function cached<K, T>(load: (key: K) => Promise<T>): (key: K) => Promise<T> {
  const loads = new Map<K, Promise<T>>();
  return (key) => {
    let loading = loads.get(key);
    if (!loading) {
      loading = load(key);
      loading.catch(() => loads.delete(key));
      loads.set(key, loading);
    }
    return loading;
  };
}
