import { CATEGORIES, ID_PATTERN, type Article, type Category, type MapEvent } from './model.ts';
import { MAX_QUERY, matchesTerms, normalizeForSearch, searchTerms } from './quote-search.ts';

/**
 * What the filters keep: events of some categories, of one outlet, of one article, whose quote holds the words of a
 * query. Each part left empty keeps every event; the parts combine with "and".
 */
export interface EventFilters {
  /** null: every category. In CATEGORIES order, each once, never empty, never all of them. */
  categories: readonly Category[] | null;
  /** An outlet's name as the articles give it; null: every outlet. */
  outlet: string | null;
  /** An article's id; null: every article. */
  article: string | null;
  /** As typed; its terms (searchTerms) are what a quote must hold. */
  query: string;
}

export type FilterKey = keyof EventFilters;

/** One filter: its field, its name in the URL hash, how the hash reads and writes it, and what it keeps. */
export interface FilterSpec<K extends FilterKey> {
  key: K;
  /** Its name in the URL hash (`cat=attack,capture`). */
  urlKey: string;
  /** The value that keeps every event. */
  off: EventFilters[K];
  /** The hash's text (decoded) as a value; `off` where it cannot be read (never throws). */
  parse(text: string): EventFilters[K];
  /** A value that is on, as the hash writes it (percent-encoded where it needs to be). */
  serialize(value: EventFilters[K]): string;
  isOn(value: EventFilters[K]): boolean;
  /** Whether one event, read from its record, passes; `terms` are the query's (searchTerms), worked out once. */
  passes(event: MapEvent, article: Pick<Article, 'outlet'> | undefined, value: EventFilters[K], terms: readonly string[]): boolean;
}

const MAX_OUTLET = 300; // characters

/** The filters, in the order the hash writes them: the one table every use of a filter goes through. */
export const FILTERS: readonly { [K in FilterKey]: FilterSpec<K> }[FilterKey][] = [
  {
    key: 'categories',
    urlKey: 'cat',
    off: null,
    parse: (text) => categoryFilter(CATEGORIES.filter((c) => text.split(',').includes(c))),
    serialize: (value) => value!.join(','),
    isOn: (value) => value !== null,
    passes: (event, _, value) => value === null || value.includes(event.category),
  },
  {
    key: 'outlet',
    urlKey: 'outlet',
    off: null,
    parse: (text) => (text.trim() && text.trim().length <= MAX_OUTLET && wellFormed(text) ? text.trim() : null),
    serialize: (value) => encodeURIComponent(value!),
    isOn: (value) => value !== null,
    passes: (_, article, value) => value === null || article?.outlet === value,
  },
  {
    key: 'article',
    urlKey: 'article',
    off: null,
    parse: (text) => (ID_PATTERN.test(text) && text.length <= 200 ? text : null),
    serialize: (value) => value!,
    isOn: (value) => value !== null,
    passes: (event, _, value) => value === null || event.article === value,
  },
  {
    key: 'query',
    urlKey: 'q',
    off: '',
    parse: (text) => (text.trim().length <= MAX_QUERY && wellFormed(text) ? text.trim() : ''),
    serialize: (value) => encodeURIComponent(value.trim()),
    isOn: (value) => searchTerms(value).length > 0,
    passes: (event, _, __, terms) => terms.length === 0 || matchesTerms(normalizeForSearch(event.quote), terms),
  },
];

/** The filter a hash key names, or undefined. */
export function filterOfUrlKey(urlKey: string): (typeof FILTERS)[number] | undefined {
  return FILTERS.find((f) => f.urlKey === urlKey);
}

/** Calls `each` with every filter, typed by its key (TypeScript cannot narrow a loop over the table by itself). */
export function forEachFilter(each: <K extends FilterKey>(filter: FilterSpec<K>) => void): void {
  for (const filter of FILTERS) each(filter as FilterSpec<FilterKey>);
}

export const NO_FILTERS: EventFilters = Object.fromEntries(FILTERS.map((f) => [f.key, f.off])) as unknown as EventFilters;

export function isFiltering(f: EventFilters): boolean {
  let on = false;
  forEachFilter((filter) => void (on ||= filter.isOn(f[filter.key])));
  return on;
}

/** A set of categories as the filters hold it: null for none given or every one (both mean "every category"). */
export function categoryFilter(categories: Iterable<Category> | null | undefined): readonly Category[] | null {
  const set = new Set(categories ?? []);
  return set.size === 0 || set.size === CATEGORIES.length ? null : CATEGORIES.filter((c) => set.has(c));
}

/**
 * Whether one event passes the filters, read from its record (the Sources panel's events): the same test the masks
 * make over the columns and quotes.txt (event-mask.ts, quote-search.ts).
 */
export function passesFilters(event: MapEvent, article: Pick<Article, 'outlet'> | undefined, f: EventFilters, terms: readonly string[] = searchTerms(f.query)): boolean {
  let passes = true;
  forEachFilter((filter) => void (passes &&= filter.passes(event, article, f[filter.key], terms)));
  return passes;
}

/** Whether a text holds no lone surrogate (which no URL can carry). */
export function wellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
