import type { DailyCounts } from '../core/counts.ts';
import type { Day } from '../core/day.ts';
import { WindowCounts, dailyCounts, decodeColumns, placeTotals, startDays, type EventColumns } from '../core/event-columns.ts';
import type { Article, MapEvent, Place, PlaceSummary } from '../core/model.ts';
import type { TimeWindow } from '../core/time-window.ts';
import { formatProblem, type InputProblem } from '../core/problem.ts';
import { COMPILED_FORMAT, type CompiledMeta, type PlaceFile } from './compiled-format.ts';

/**
 * Everything the app shows, as compiled at build time (vite/data-plugin.ts): the events as integer columns and the
 * places that have them; a place's sources (its events' quotes and articles) and the article texts are fetched when
 * asked for.
 */
export interface Dataset {
  /** The places that have events; a place's number is its index here. */
  places: readonly PlaceSummary[];
  placesById: ReadonlyMap<string, PlaceSummary>;
  placeNumber: ReadonlyMap<string, number>;
  /** Events per day of the extent, for the histogram. */
  daily: DailyCounts;
  /** The days on which some event starts, in order. */
  eventDays: readonly Day[];
  /** A fresh counter of the events under a time window (see WindowCounts), for one view of the data. */
  createWindowCounts(): WindowCounts;
  /** Events per place number, all dates. */
  totals: Int32Array;
  /** The ids of the places the first view frames (see frame.ts), or null to frame the busiest theatre. */
  frame: readonly string[] | null;
  eventCount: number;
  extent: TimeWindow;
  /** Records of events.json that were left out, and why. */
  problems: readonly InputProblem[];
  /** A place's record, its events in date order with their quotes, and the articles they come from. */
  sourcesOf(id: string): Promise<PlaceSources>;
  /** A place's events, all dates. */
  totalOf(id: string): number;
  articleText(article: Article): Promise<string>;
}

export interface PlaceSources {
  place: Place;
  events: MapEvent[];
  articles: ReadonlyMap<string, Article>;
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
    const response = await fetch(new URL(name, base)).catch((error: Error) => {
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
      .then((file): PlaceSources => ({ place: file.place, events: file.events, articles: new Map(file.articles.map((a) => [a.id, a])) })),
  );
  const totals = placeTotals(columns);
  const textOf = cached((id: string) => fetchFile(`texts/${encodeURIComponent(id)}.txt`).then((r) => r.text()));
  return {
    places: meta.places,
    placesById: new Map(meta.places.map((p) => [p.id, p])),
    placeNumber,
    daily: { firstDay: columns.firstDay, ...dailyCounts(columns) },
    eventDays: startDays(columns),
    createWindowCounts: () => new WindowCounts(columns),
    totals,
    totalOf: (id) => totals[placeNumber.get(id) ?? -1] ?? 0,
    eventCount: meta.events,
    frame: meta.frame ?? null,
    extent: { from: columns.firstDay, to: columns.firstDay + Math.max(0, columns.days - 1) },
    problems: meta.problems,
    sourcesOf,
    articleText: (article) => textOf(article.id),
  };
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
