import { buildColumns, encodeColumns } from '../core/event-columns.ts';
import { firstViewPlaces } from '../core/frame.ts';
import { articleTitle, firstSentence, firstWords } from '../core/format.ts';
import { CATEGORIES, type Article, type MapEvent, type Place } from '../core/model.ts';
import { writeQuoteLines } from '../core/quote-search.ts';
import { InputError, parseArticles, parseEvents, parsePlaces, type InputProblem } from '../core/validate.ts';
import { COMPILED_FORMAT, PLACE_PAGE_EVENTS, ROWS_PER_FILE, ROW_QUOTE_CHARS, type ArticleEntry, type CompiledMeta, type PlaceFile, type PlacePage, type RowFile, type RowLine } from './compiled-format.ts';

/** The compiled dataset: what the app fetches, file name → contents. */
export type CompiledFiles = Map<string, string | Uint8Array>;

/**
 * Turns the canonical files (articles.json, places.geojson, events.json and the article texts) into what the app
 * loads: `meta.json` (the places that have events, the outlets, events.json's threshold, the records left out),
 * `columns.bin` (every event as integers and its confidence as a byte, see event-columns.ts), `places/<n>.json` (the place's record and the first page of its events
 * with their quotes and the articles they cite, fetched when the place is opened) and `places/<n>/<k>.json` (its
 * further pages, see PlaceFile), `texts/<article id>.txt`, and for the filters
 * `articles.json` (the articles by number, see ArticleEntry) and `quotes.txt` (each event's quote in search form, a
 * line each in event-number order, see quote-search.ts), both fetched when a filter first needs them, and
 * `rows/<k>.json` (each event's id and the opening of its quote, for the chronological list). A file that
 * cannot be used at all gives a `meta.json` that says so, which the app shows as its error page.
 */
export function compileDataset(inputs: { articles: string; places: string; events: string; text(file: string): Uint8Array | null }): CompiledFiles {
  try {
    const articles = parseArticles(inputs.articles, 'articles.json');
    const curated = parsePlaces(inputs.places, 'places.geojson');
    const { events, problems, places: found, threshold } = parseEvents(inputs.events, 'events.json', {
      places: new Set(curated.map((p) => p.id)),
      articles: new Set(articles.map((a) => a.id)),
    });
    const texts = articles.map((article) => inputs.text(article.file));
    const named = articles.map((article, i) => (article.headline === null ? withLead(article, texts[i]) : article));
    const files = compileRecords(named, [...curated, ...found], events, problems, threshold);
    articles.forEach((article, i) => {
      if (texts[i]) files.set(`texts/${article.id}.txt`, texts[i]);
    });
    return files;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return failedDataset(error.problems);
  }
}

/** An event's line of `rows/` (see RowLine). */
function rowOf(e: MapEvent): RowLine {
  const opening = firstWords(e.quote, ROW_QUOTE_CHARS);
  if (e.checked) return [e.id, opening, e.reasons ?? null, 1];
  return e.reasons ? [e.id, opening, e.reasons] : [e.id, opening];
}

/** An article without a headline, with its first sentence to be named by (see CONTRACT.md). */
function withLead(article: Article, text: Uint8Array | null): Article {
  const lead = text ? firstSentence(new TextDecoder().decode(text)) : null;
  return lead ? { ...article, lead } : article;
}

/** A compiled dataset that only says why there is none. */
export function failedDataset(problems: readonly InputProblem[]): CompiledFiles {
  const meta: CompiledMeta = { format: COMPILED_FORMAT, fatal: [...problems] };
  return new Map([['meta.json', JSON.stringify(meta)]]);
}

/**
 * The compiled files for records already validated (the places are kept only where events are); `threshold` is
 * events.json's (null: none, every event shows).
 */
export function compileRecords(
  articles: readonly Article[],
  allPlaces: readonly Place[],
  unordered: readonly MapEvent[],
  problems: readonly InputProblem[],
  threshold: number | null = null,
): CompiledFiles {
  // Event numbers are positions in start order (see EventColumns); events.json is in that order already.
  const events = [...unordered].sort((a, b) => a.start - b.start);
  const used = new Set(events.map((e) => e.place));
  const places = allPlaces.filter((p) => used.has(p.id));
  const number = new Map(places.map((p, i) => [p.id, i]));
  const category = new Map(CATEGORIES.map((c, i) => [c, i]));
  const outlets = [...new Set(articles.flatMap((a) => (a.outlet === null ? [] : [a.outlet])))].sort();
  const outletNumber = new Map(outlets.map((o, i) => [o, i]));
  const articleNumber = new Map(articles.map((a, i) => [a.id, i]));
  const columns = buildColumns(
    events.map((e) => ({ place: number.get(e.place)!, start: e.start, end: e.end, category: category.get(e.category)!, article: articleNumber.get(e.article) ?? -1, confidence: e.checked ? undefined : e.confidence })),
    places.length,
    articles.map((a) => (a.outlet === null ? -1 : outletNumber.get(a.outlet)!)),
  );
  const perPlace: MapEvent[][] = places.map(() => []);
  for (const e of events) perPlace[number.get(e.place)!].push(e);
  const files: CompiledFiles = new Map();
  const summaries = places.map(({ id, name, kind, lngLat, radiusKm, reviewed }) => ({ id, name, kind, lngLat, radiusKm, reviewed }));
  const checked = events.filter((e) => e.checked).length;
  const checkable = events.filter((e) => e.checked || threshold === null || e.confidence === undefined || e.confidence >= threshold).length;
  const meta: CompiledMeta = { format: COMPILED_FORMAT, places: summaries, problems: [...problems], events: events.length, outlets, frame: firstViewPlaces(summaries, sureEnough(events, threshold)), threshold, checked, checkable };
  files.set('meta.json', JSON.stringify(meta));
  files.set('columns.bin', encodeColumns(columns));
  const entries: ArticleEntry[] = articles.map((a) => ({ id: a.id, title: articleTitle(a), outlet: a.outlet, published: a.published }));
  files.set('articles.json', JSON.stringify(entries));
  files.set('quotes.txt', writeQuoteLines(events.map((e) => e.quote)));
  for (let k = 0; k * ROWS_PER_FILE < events.length; k++) {
    const rows: RowFile = events.slice(k * ROWS_PER_FILE, (k + 1) * ROWS_PER_FILE).map((e) => rowOf(e));
    files.set(`rows/${k}.json`, JSON.stringify(rows));
  }
  const articleById = new Map(articles.map((a) => [a.id, a]));
  perPlace.forEach((list, n) => {
    const pages: PlacePage[] = [];
    for (let k = 0; k * PLACE_PAGE_EVENTS < list.length; k++) {
      const events = list.slice(k * PLACE_PAGE_EVENTS, (k + 1) * PLACE_PAGE_EVENTS);
      pages.push({ events, articles: [...new Set(events.map((e) => e.article))].map((id) => articleById.get(id)!) });
    }
    const spans = pages.map(({ events }) => ({ firstStart: events[0].start, lastStart: events.at(-1)!.start, lastEnd: Math.max(...events.map((e) => e.end)) }));
    const file: PlaceFile = { place: places[n], total: list.length, pages: spans, ...pages[0] };
    files.set(`places/${n}.json`, JSON.stringify(file));
    pages.forEach((page, k) => k > 0 && files.set(`places/${n}/${k}.json`, JSON.stringify(page)));
  });
  return files;
}

/** The events shown by default: checked ones, those at or above the threshold, and those the judge did not score (all: none is). */
function sureEnough(events: readonly MapEvent[], threshold: number | null): readonly MapEvent[] {
  if (threshold === null) return events;
  const sure = events.filter((e) => e.checked || e.confidence === undefined || e.confidence >= threshold);
  return sure.length > 0 ? sure : events;
}
