import type { Day } from '../core/day.ts';
import type { Article, MapEvent, Place, PlaceSummary } from '../core/model.ts';
import type { InputProblem } from '../core/validate.ts';
import type { Story } from '../core/story.ts';

/**
 * The version of the compiled format: the loader refuses another, with a message that says to build again.
 * 2: columns.bin DLN3 (event numbers, articles and outlets), meta.json `outlets`, articles.json, quotes.txt.
 * 3: `rows/<k>.json`, the chronological list's lines.
 * 4: the judge's confidence: columns.bin DLN4 (a byte per event), meta.json `threshold`, a row's reasons.
 * 5: what people checked (corrections.json): meta.json `checked` and `checkable`, a row's checked flag; a checked
 *    event's confidence byte is "not judged" (a person's word outranks the judge's: it shows at any minimum).
 * 6: a place's events in pages: `places/<n>.json` holds the first page, `total` and `pages`; `places/<n>/<k>.json` the others.
 * 7: `stories.json`, the corpus's stories (StoriesFile).
 */
export const COMPILED_FORMAT = 7;

/** `stories.json`: the corpus's stories (data/stories/<id>.json, validated), sorted by id; fetched when the Stories list opens. */
export interface StoriesFile {
  stories: Story[];
}

/** Events per page of a place's events: page k holds the place's events k × PLACE_PAGE_EVENTS on, in date order. */
export const PLACE_PAGE_EVENTS = 500;

/** Events per file of `rows/`: file k holds events numbered [k × ROWS_PER_FILE, (k + 1) × ROWS_PER_FILE). */
export const ROWS_PER_FILE = 500;
/** The longest opening of a quote a row shows, in characters. */
export const ROW_QUOTE_CHARS = 110;

/**
 * `rows/<k>.json`: for each event of its slice, in event-number order, its id, the first words of its quote
 * (firstWords, ROW_QUOTE_CHARS), the judge's reasons (absent, or null before a checked flag, for an event it did not
 * judge) and 1 when a person checked it: what the chronological list shows beyond the columns, fetched a slice at
 * a time as rows scroll into view.
 */
export type RowFile = RowLine[];
export type RowLine = [id: string, opening: string] | [id: string, opening: string, reasons: string[]] | [id: string, opening: string, reasons: string[] | null, checked: 1];

/**
 * `meta.json` of a compiled dataset: what the app needs before anything is opened. Either the dataset (the places
 * that have events, a place's number being its index here; the records left out) or, when an input file could not
 * be used at all, why.
 */
export type CompiledMeta =
  | {
      format: typeof COMPILED_FORMAT;
      places: PlaceSummary[];
      problems: InputProblem[];
      events: number;
      /** The outlets the articles name, sorted; an outlet's number (columns.bin's articleOutlet) is its index here. */
      outlets: string[];
      frame?: string[];
      /** events.json's `threshold`: the default below which events are hidden; null when the file has none (every event shows). */
      threshold: number | null;
      /** Events a person checked (they carry `checked: true` in events.json). */
      checked: number;
      /** The events shown at the default minimum confidence (every event without a threshold), checked ones among them. */
      checkable: number;
      fatal?: undefined;
    }
  | { format: typeof COMPILED_FORMAT; fatal: InputProblem[] };

/**
 * `places/<n>.json`: place n's record, how many events it has (`total`), the days each page of its events covers
 * (`pages`, page 0 first), and page 0 itself (its events and the articles they quote). A place's events are in date
 * order, cut into pages of PLACE_PAGE_EVENTS; page k ≥ 1 is `places/<n>/<k>.json` (a PlacePage), fetched when the
 * Sources panel needs it.
 */
export interface PlaceFile extends PlacePage {
  place: Place;
  total: number;
  pages: PlacePageSpan[];
}

/** One page of a place's events, in date order, and the articles they quote. */
export interface PlacePage {
  events: MapEvent[];
  articles: Article[];
}

/** The days a page's events cover: the first and last start (its events are in start order) and the latest end. */
export interface PlacePageSpan {
  firstStart: Day;
  lastStart: Day;
  lastEnd: Day;
}

/** One entry of `articles.json`: the articles in article-number order (columns.bin's `article`), for the filters. */
export interface ArticleEntry {
  id: string;
  /** The headline, or the first sentence marked as such (articleTitle). */
  title: string;
  outlet: string | null;
  published: Day;
}
