import { formatDays } from '../citation.ts';
import type { Citation } from '../citation.ts';
import { CHUNK_ROWS } from './export-row.ts';

const CONTEXT_CHARS = 32; // of the article's text on each side of the quote, for the TextQuoteSelector

/**
 * A W3C Web Annotation (https://www.w3.org/TR/annotation-model/) of one event: its target the sentence in the
 * article (a TextQuoteSelector with prefix and suffix, and a TextPositionSelector counting code points, as the model
 * says), its body the place and the dates Datelines gave it. Without the article's text (it could not be fetched)
 * only the quote is selected.
 */
export function webAnnotation(c: Citation, text: string | undefined): WebAnnotation {
  const end = c.quoteStart + c.quote.length;
  const matches = text !== undefined && text.slice(c.quoteStart, end) === c.quote;
  const quoteSelector: TextQuoteSelector = { type: 'TextQuoteSelector', exact: c.quote };
  const selector: Selector[] = [quoteSelector];
  if (matches) {
    quoteSelector.prefix = wholeCodePoints(text.slice(Math.max(0, c.quoteStart - CONTEXT_CHARS), c.quoteStart), 'start');
    quoteSelector.suffix = wholeCodePoints(text.slice(end, end + CONTEXT_CHARS), 'end');
    const start = codePoints(text.slice(0, c.quoteStart));
    selector.push({ type: 'TextPositionSelector', start, end: start + codePoints(c.quote) });
  }
  const [lng, lat] = c.place.lngLat;
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:datelines:event:${encodeURIComponent(c.event)}`,
    type: 'Annotation',
    motivation: 'describing',
    body: [
      { type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: `${c.place.name} (${lat}, ${lng}), ${formatDays(c.start, c.end)}` },
      { type: 'TextualBody', purpose: 'tagging', format: 'text/plain', value: c.category },
      { type: 'SpecificResource', purpose: 'identifying', source: c.permalink },
    ],
    target: { source: c.url ?? `urn:datelines:article:${encodeURIComponent(c.article)}`, selector },
  };
}

/**
 * Some events' annotations as a JSON-LD AnnotationCollection of `total` items on one AnnotationPage, in chunks of
 * CHUNK_ROWS annotations. `textOf` gives an article's text by id (undefined when it is not to hand).
 */
export function* annotationParts(citations: Iterable<Citation>, total: number, textOf: (article: string) => string | undefined): Generator<string> {
  let chunk = `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","total":${total},"first":{"type":"AnnotationPage","items":[\n`;
  let rows = 0;
  for (const c of citations) {
    const { '@context': _, ...annotation } = webAnnotation(c, textOf(c.article));
    chunk += (rows === 0 ? '' : ',\n') + JSON.stringify(annotation);
    if (++rows % CHUNK_ROWS === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + '\n]}}\n';
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}
export type Selector = TextQuoteSelector | { type: 'TextPositionSelector'; start: number; end: number };
export interface WebAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'Annotation';
  motivation: 'describing';
  body: ({ type: 'TextualBody'; purpose: string; format: 'text/plain'; value: string } | { type: 'SpecificResource'; purpose: string; source: string })[];
  target: { source: string; selector: Selector[] };
}

function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** A slice of text without the half of a surrogate pair its cut may have left at its open side. */
function wholeCodePoints(text: string, side: 'start' | 'end'): string {
  if (side === 'start' && /^[\uDC00-\uDFFF]/.test(text)) return text.slice(1);
  if (side === 'end' && /[\uD800-\uDBFF]$/.test(text)) return text.slice(0, -1);
  return text;
}
