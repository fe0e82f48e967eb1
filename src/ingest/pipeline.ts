import type { Article, EventRecord, Place } from '../core/model.ts';
import { createExtractor } from './extract.ts';

export interface ArticleWithText {
  article: Article;
  text: string;
}

/**
 * All events of a corpus in the contract's order: by start day, then article id, then position in the
 * article, then place id. Same inputs, same output.
 */
export function runIngest(corpus: readonly ArticleWithText[], places: readonly Place[]): EventRecord[] {
  const extract = createExtractor(places);
  const events = corpus.flatMap(({ article, text }) => extract(article, text));
  return events.sort(
    (a, b) =>
      compare(a.start, b.start) || compare(a.article, b.article) || a.quoteStart - b.quoteStart || compare(a.place, b.place),
  );
}

/** The bytes of `data/events.json`. */
export function serializeEvents(events: readonly EventRecord[]): string {
  return `${JSON.stringify({ events }, null, 2)}\n`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
