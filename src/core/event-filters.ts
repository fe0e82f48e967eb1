import { CATEGORIES, type Article, type Category, type MapEvent } from './model.ts';
import { matchesTerms, normalizeForSearch, searchTerms } from './quote-search.ts';

/**
 * What the filters keep: events of some categories, of one outlet, of one article, whose quote holds the words of a
 * query. Each part left empty keeps every event; the parts combine with "and".
 */
export interface EventFilters {
  /** null: every category. Never empty. */
  categories: ReadonlySet<Category> | null;
  /** An outlet's name as the articles give it; null: every outlet. */
  outlet: string | null;
  /** An article's id; null: every article. */
  article: string | null;
  /** As typed; its terms (searchTerms) are what a quote must hold. */
  query: string;
}

export const NO_FILTERS: EventFilters = { categories: null, outlet: null, article: null, query: '' };

export function isFiltering(f: EventFilters): boolean {
  return f.categories !== null || f.outlet !== null || f.article !== null || searchTerms(f.query).length > 0;
}

/** A set of categories as the filters hold it: null for none given or every one (both mean "every category"). */
export function categoryFilter(categories: Iterable<Category> | null | undefined): ReadonlySet<Category> | null {
  const set = new Set(categories ?? []);
  return set.size === 0 || set.size === CATEGORIES.length ? null : set;
}

/** The categories in CATEGORIES order. */
export function orderedCategories(categories: ReadonlySet<Category>): Category[] {
  return CATEGORIES.filter((c) => categories.has(c));
}

/**
 * Whether one event passes the filters, read from its record (the Sources panel's events): the same test the masks
 * make over the columns and quotes.txt (event-mask.ts, quote-search.ts).
 */
export function passesFilters(event: MapEvent, article: Pick<Article, 'outlet'> | undefined, f: EventFilters, terms: readonly string[] = searchTerms(f.query)): boolean {
  if (f.categories && !f.categories.has(event.category)) return false;
  if (f.article !== null && event.article !== f.article) return false;
  if (f.outlet !== null && article?.outlet !== f.outlet) return false;
  return terms.length === 0 || matchesTerms(normalizeForSearch(event.quote), terms);
}
