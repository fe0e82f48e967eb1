import { formatDay, partsOf, type Day } from './day.ts';
import { articleTitle } from './format.ts';
import type { Article, Category, DateBasis, MapEvent, Place } from './model.ts';
import { safeHttpUrl } from './safe-url.ts';

/** What a citation needs of a place: where Datelines put the event, and whether a person checked that place. */
export type CitedPlace = Pick<Place, 'id' | 'name' | 'lngLat' | 'reviewed'>;

/**
 * Everything said about one event when it is cited or exported: the source (outlet, headline, publication day, URL),
 * the quoted sentence, the place and dates Datelines gave it, a permalink to the view, the day it was accessed, a link
 * to the sentence in the source (a URL text fragment), whether a person checked it and how sure the ingest was.
 * The Sources panel's Cite menu and every export are written from this one record (see buildCitation).
 */
export interface Citation {
  /** The event's id ("kerry-baghdad-2014-06-23#3"). */
  event: string;
  article: string;
  outlet: string | null;
  /** The headline, or the article's first sentence marked as such (articleTitle) when it has none. */
  headline: string;
  published: Day;
  /** The article's address when it is an http(s) URL, else null. */
  url: string | null;
  /** The URL with a text fragment that scrolls to the sentence (`#:~:text=`), or null without a URL. */
  sentenceUrl: string | null;
  quote: string;
  /** Where the quote starts in the article's text, in UTF-16 code units. */
  quoteStart: number;
  category: Category;
  place: CitedPlace;
  /** The days Datelines gave the event, both inclusive: a vague date stays the range it covers. */
  start: Day;
  end: Day;
  dateBasis: DateBasis;
  /** The address of the view the event was cited from (the app's URL with its hash). */
  permalink: string;
  accessed: Day;
  /** A person confirmed the event, or corrected its place or date. */
  checked: boolean;
  /** The ingest's confidence, 0–1; null when no judge scored it. */
  confidence: number | null;
}

/** The one builder of a citation: from an event, its article and its place, with the view's permalink and today. */
export function buildCitation(input: { event: MapEvent; article: Article; place: CitedPlace; permalink: string; accessed: Day }): Citation {
  const { event, article, place } = input;
  const url = safeHttpUrl(article.url);
  return {
    event: event.id,
    article: article.id,
    outlet: article.outlet,
    headline: articleTitle(article),
    published: article.published,
    url,
    sentenceUrl: url === null ? null : withTextFragment(url, event.quote),
    quote: event.quote,
    quoteStart: event.quoteStart,
    category: event.category,
    place: { id: place.id, name: place.name, lngLat: place.lngLat, reviewed: place.reviewed },
    start: event.start,
    end: event.end,
    dateBasis: event.dateBasis,
    permalink: input.permalink,
    accessed: input.accessed,
    checked: event.checked === true,
    confidence: event.confidence ?? null,
  };
}

const LONG_QUOTE_WORDS = 12; // a sentence of more words is matched by its first and last words (textStart,textEnd)
const EDGE_WORDS = 5; // words of each end of a long sentence

/**
 * `url` with a text fragment that makes the browser scroll to `quote` and highlight it (WICG Scroll To Text Fragment,
 * https://wicg.github.io/scroll-to-text-fragment/): `#:~:text=textStart` for a short sentence, `textStart,textEnd` for
 * a long one; each term percent-encoded, `-`, `&` and `,` included (the directive's own syntax). A fragment the URL
 * already has is kept before the directive.
 */
export function withTextFragment(url: string, quote: string): string {
  const words = quote.trim().split(/\s+/).filter((w) => w !== '');
  const terms = words.length > LONG_QUOTE_WORDS ? [words.slice(0, EDGE_WORDS).join(' '), words.slice(-EDGE_WORDS).join(' ')] : [words.join(' ')];
  const directive = `:~:text=${terms.map(encodeFragmentTerm).join(',')}`;
  return url.includes('#') ? `${url}${directive}` : `${url}#${directive}`;
}

/** A text directive's term, percent-encoded: encodeURIComponent, and `-` too (it marks a prefix or suffix). */
export function encodeFragmentTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

export const DATE_BASIS_WORDS: Record<DateBasis, string> = {
  stated: 'date stated in the sentence',
  context: 'dated from the sentences before it',
  published: "dated by the article's publication",
  reported: 'dated by when it was reported: on or before that day',
};

/** "2014-06-23" for an exact day, "2014-06-21/2014-06-22" (ISO 8601 interval) for a range. */
export function formatDays(start: Day, end: Day): string {
  return start === end ? formatDay(start) : `${formatDay(start)}/${formatDay(end)}`;
}

/** The citation as a CSL-JSON item (`article-newspaper`), what reference managers read; the Datelines part in `note`. */
export function toCsl(c: Citation): CslItem {
  return {
    id: c.event,
    'citation-key': c.event.replace(/[^A-Za-z0-9]+/g, '_'), // BibTeX's key: letters, digits and underscores only
    type: 'article-newspaper',
    title: c.headline,
    ...(c.outlet === null ? {} : { 'container-title': c.outlet }),
    issued: { 'date-parts': [dateParts(c.published)] },
    ...(c.url === null ? {} : { URL: c.url }),
    accessed: { 'date-parts': [dateParts(c.accessed)] },
    note: datelinesNote(c),
  };
}

/** A CSL-JSON item, as far as toCsl writes one. */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'article-newspaper';
  title: string;
  'container-title'?: string;
  issued: { 'date-parts': [number, number, number][] };
  URL?: string;
  accessed: { 'date-parts': [number, number, number][] };
  note: string;
}

/** The lines of the citation beyond the reference: the sentence, what Datelines made of it, the links. */
export function datelinesLines(c: Citation): string[] {
  const [lng, lat] = c.place.lngLat;
  return [
    `“${c.quote}”`,
    `Datelines: ${c.place.name} (${lat}, ${lng})${c.place.reviewed ? '' : ', a place no person has reviewed'}, ${formatDays(c.start, c.end)} (${DATE_BASIS_WORDS[c.dateBasis]}).`,
    c.checked ? 'Checked by a person.' : `Not checked by a person; the ingest's confidence: ${c.confidence === null ? 'none' : c.confidence.toFixed(2)}.`,
    c.sentenceUrl === null ? 'The source has no address.' : `The sentence in the source: ${c.sentenceUrl}`,
    `View: ${c.permalink} (accessed ${formatDay(c.accessed)}).`,
  ];
}

function datelinesNote(c: Citation): string {
  return datelinesLines(c).join('\n');
}

function dateParts(day: Day): [number, number, number] {
  const { year, month, dayOfMonth } = partsOf(day);
  return [year, month, dayOfMonth];
}
