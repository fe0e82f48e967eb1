import type { EventMask } from './event-mask.ts';

/**
 * The text search over the quotes. Quote and query are compared in one normal form (normalizeForSearch): lowercase,
 * without accents, typographic quotes and dashes as their plain kind, every run of white space one space. A query is
 * split into terms at spaces; a quote matches when it contains every term, anywhere (so "kirk" finds "Kirkuk").
 */

const MAX_TERMS = 16;
/** The longest query, in UTF-16 code units: the search field takes no more, a link with a longer one is ignored. */
export const MAX_QUERY = 200;

/** The searchable form of a text (see above); it holds no line break. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The terms of a query, normalised, each once, at most 16. */
export function searchTerms(query: string): string[] {
  const normal = normalizeForSearch(query.slice(0, MAX_QUERY));
  return normal === '' ? [] : [...new Set(normal.split(' '))].slice(0, MAX_TERMS);
}

/** Whether a text (already normalised) holds every term. */
export function matchesTerms(normalized: string, terms: readonly string[]): boolean {
  return terms.every((t) => normalized.includes(t));
}

/**
 * Every event's quote in normal form, one line each in event-number order (`quotes.txt` of a compiled dataset), and
 * where each line starts: line i is `text.slice(lineStarts[i], lineStarts[i + 1] - 1)`.
 */
export interface QuoteIndex {
  text: string;
  /** events + 1 offsets, in UTF-16 code units. */
  lineStarts: Int32Array;
}

/** The lines of `quotes.txt` for normalised quotes, in event-number order. */
export function writeQuoteLines(quotes: readonly string[]): string {
  let text = '';
  for (const q of quotes) text += `${normalizeForSearch(q)}\n`;
  return text;
}

/** Reads `quotes.txt`; throws unless it has exactly one line per event. */
export function readQuoteIndex(text: string, events: number): QuoteIndex {
  const lineStarts = new Int32Array(events + 1);
  let line = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (line === events) break;
    lineStarts[++line] = at + 1;
  }
  if (line !== events || lineStarts[events] !== text.length) throw new Error(`holds ${text.split('\n').length - 1} lines for ${events} events`);
  return { text, lineStarts };
}

/**
 * The events whose quote holds every term: for each term, the native `indexOf` from match to match, each match
 * skipping to the next line. O(text + matches) a term, whatever the number of events.
 */
export function quoteMask(index: QuoteIndex, terms: readonly string[]): EventMask {
  const { text, lineStarts } = index;
  const events = lineStarts.length - 1;
  const found = new Uint8Array(events); // how many of the terms so far the line holds
  terms.forEach((term, k) => {
    let line = 0;
    for (let at = text.indexOf(term); at !== -1; ) {
      while (lineStarts[line + 1] <= at) line++;
      if (found[line] === k) found[line] = k + 1;
      at = line + 1 < events ? text.indexOf(term, lineStarts[line + 1]) : -1;
    }
  });
  const all = terms.length;
  for (let i = 0; i < events; i++) found[i] = found[i] === all ? 1 : 0;
  return found;
}
