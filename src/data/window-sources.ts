import { passesFilters, type EventFilters } from '../core/event-filters.ts';
import { toHundredths } from '../core/event-columns.ts';
import type { Article, MapEvent, Place } from '../core/model.ts';
import { searchTerms } from '../core/quote-search.ts';
import { overlaps, type TimeWindow } from '../core/time-window.ts';
import type { Dataset } from './dataset.ts';

/** An event of the window with its article and its place's record: what a citation is built from. */
export interface WindowSource {
  event: MapEvent;
  article: Article;
  place: Place;
}

/** What is shown: the window, the filters, the minimum confidence (null: every event) and the places' counts under them. */
export interface ShownQuery {
  window: TimeWindow;
  filters: EventFilters;
  minConfidence: number | null;
  /** Events of place number n that the window, the filters and the minimum confidence keep (the live count's). */
  count(place: number): number;
}

const FETCHES_AT_ONCE = 6; // place files in flight

/**
 * The records of the events the live count counts, in events.json's order (start, article, quote offset): the places
 * with a count fetched (their first file, and the pages that may overlap the window), their events kept by the same
 * tests the Sources panel makes. `onPlace` hears how many places are done of how many.
 */
export async function windowSources(data: Dataset, shown: ShownQuery, onPlace?: (done: number, of: number) => void): Promise<WindowSource[]> {
  const places = data.places.map((_, n) => n).filter((n) => shown.count(n) > 0);
  const terms = searchTerms(shown.filters.query);
  const min = shown.minConfidence === null ? null : toHundredths(shown.minConfidence);
  const w = shown.window;
  const found: WindowSource[] = [];
  let next = 0;
  let done = 0;
  const keep = (place: Place, events: readonly MapEvent[], articles: ReadonlyMap<string, Article>) => {
    for (const event of events) {
      if (!overlaps(event, w)) continue;
      if (min !== null && !event.checked && event.confidence !== undefined && toHundredths(event.confidence) < min) continue;
      const article = articles.get(event.article);
      if (!article || !passesFilters(event, article, shown.filters, terms)) continue;
      found.push({ event, article, place });
    }
  };
  const work = async () => {
    while (next < places.length) {
      const id = data.places[places[next++]].id;
      const sources = await data.sourcesOf(id);
      keep(sources.place, sources.events, sources.articles);
      for (let k = 1; k < sources.pages.length; k++) {
        const span = sources.pages[k];
        if (span.firstStart > w.to || span.lastEnd < w.from) continue;
        const page = await data.placePage(id, k);
        keep(sources.place, page.events, page.articles);
      }
      onPlace?.(++done, places.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(FETCHES_AT_ONCE, places.length) }, work));
  return found.sort((a, b) => a.event.start - b.event.start || (a.event.article < b.event.article ? -1 : a.event.article > b.event.article ? 1 : 0) || a.event.quoteStart - b.event.quoteStart);
}
