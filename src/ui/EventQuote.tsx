import { formatDay } from '../core/day.ts';
import { UNKNOWN_OUTLET, firstWords, formatLongDay, formatRange } from '../core/format.ts';
import { ArticleTitle } from './ArticleTitle.tsx';
import type { Article, MapEvent } from '../core/model.ts';
import { safeHttpUrl } from '../core/safe-url.ts';
import { CATEGORY_LABELS } from '../core/category-labels.ts';
import { categoryColor } from '../core/scales.ts';
import { ConfidenceNote, isBelowDefault } from './ConfidenceNote.tsx';
import { CheckedTag } from './CheckedCount.tsx';
import { CiteButton } from './CiteButton.tsx';
import type { CitedPlace } from '../core/citation.ts';
import { ReviewButtons } from './ReviewButtons.tsx';

export interface EventQuoteProps {
  event: MapEvent;
  article: Article;
  /** The quote chosen in the list of events: marked. */
  chosen?: boolean;
  /** The data's default threshold (null or absent: none); an event under it is marked unsure. */
  threshold?: number | null;
  onRead(event: MapEvent): void;
  /** The place's record, once its sources are loaded: the quote can then be cited (see CiteButton). */
  place?: CitedPlace;
}

/**
 * One event in the Sources panel: when, what kind, how sure the judge was and why (or that a person checked it), the
 * sentence with the place's mention marked, its source, and in review mode the buttons that correct it.
 */
export function EventQuote(props: EventQuoteProps) {
  // An event and its article are records that never change while the item shows (lists are keyed by event), so
  // everything is worked out once and written as plain DOM: a busy place renders hundreds of these at once.
  const e = props.event;
  const article = props.article;
  const { before, mention, after } = splitQuote(e);
  const reported = e.dateBasis === 'reported';
  const uncertain = e.end > e.start && !reported;
  const href = safeHttpUrl(article.url);
  const published = formatLongDay(article.published);
  const threshold = props.threshold ?? null;
  return (
    <li class="event" classList={{ chosen: props.chosen === true, 'below-default': isBelowDefault(e.confidence, threshold) }} data-event={e.id} tabIndex={-1}>
      <div class="event-meta">
        <span class="category" style={{ '--category': categoryColor(e.category) }}>{CATEGORY_LABELS[e.category]}</span>
        <time datetime={formatDay(reported ? e.end : e.start)} class={uncertain || reported ? 'uncertain' : undefined}>
          {reported ? `by ${formatLongDay(e.end)}` : formatRange(e.start, e.end)}
        </time>
        {uncertain && <span class="hint">exact day not given</span>}
        {reported && <span class="hint" title={e.dateText ? `The quote gives when it was said (“${e.dateText}”), not when it happened` : undefined}>reported that day</span>}
        {e.dateBasis === 'context' && <span class="hint">dated from the sentences before it</span>}
        {e.dateBasis === 'published' && <span class="hint">dated by the article's publication</span>}
        {e.mentionStart === null && <span class="hint">place from the article's dateline</span>}
        {e.checked && <CheckedTag />}
      </div>
      {e.confidence !== undefined && <ConfidenceNote confidence={e.confidence} reasons={e.reasons} threshold={threshold} />}
      {/* Each part in an isolate of its own: a bidirectional control the quote opens and never closes (U+202E,
          U+2067) ends with its part, and leaves the place's mention and the rest readable. */}
      <blockquote dir="auto">
        <bdi>{before}</bdi>
        {mention && <mark>{mention}</mark>}
        <bdi>{after}</bdi>
      </blockquote>
      <div class="citation">
        <cite><bdi><ArticleTitle article={article} /></bdi></cite>
        <span class="muted">
          {' '}— <bdi>{article.outlet ?? UNKNOWN_OUTLET}</bdi>, {published}
        </span>
        <button type="button" class="link-button" aria-label={`Read in article: “${firstWords(e.quote, OPENING_CHARS)}”`} onClick={() => props.onRead(e)}>
          Read in article
        </button>
        {href && (
          <a class="link-button" href={href} target="_blank" rel="noopener noreferrer">
            Original
          </a>
        )}
        {props.place && <CiteButton event={e} article={article} place={props.place} about={`“${firstWords(e.quote, OPENING_CHARS)}”`} />}
      </div>
      <ReviewButtons event={e.id} about={`“${firstWords(e.quote, OPENING_CHARS)}”`} date={{ start: formatDay(e.start), end: formatDay(e.end), dateText: e.dateText, quote: e.quote }} />
    </li>
  );
}

/** The quote around the place's mention (all of it before, when the place came from the dateline). */
function splitQuote(e: MapEvent): { before: string; mention: string; after: string } {
  const { quote, quoteStart, mentionStart, mentionEnd } = e;
  if (mentionStart === null || mentionEnd === null) return { before: quote, mention: '', after: '' };
  const a = mentionStart - quoteStart;
  const b = mentionEnd - quoteStart;
  return { before: quote.slice(0, a), mention: quote.slice(a, b), after: quote.slice(b) };
}

const OPENING_CHARS = 60; // of a quote, to tell its "Read in article" button from the others'
