import { Show } from 'solid-js';
import { formatDay } from '../core/day.ts';
import { formatLongDay, formatRange } from '../core/format.ts';
import type { Article, MapEvent } from '../core/model.ts';
import { safeHttpUrl } from '../core/safe-url.ts';
import { CATEGORY_LABELS } from '../core/category-labels.ts';
import { categoryColor } from '../core/scales.ts';

export interface EventQuoteProps {
  event: MapEvent;
  article: Article;
  onRead(event: MapEvent): void;
}

/** One event in the Sources panel: when, what kind, the sentence with the place's mention marked, and its source. */
export function EventQuote(props: EventQuoteProps) {
  const e = () => props.event;
  const parts = () => {
    const { quote, quoteStart, mentionStart, mentionEnd } = e();
    if (mentionStart === null || mentionEnd === null) return { before: quote, mention: '', after: '' };
    const a = mentionStart - quoteStart;
    const b = mentionEnd - quoteStart;
    return { before: quote.slice(0, a), mention: quote.slice(a, b), after: quote.slice(b) };
  };
  const uncertain = () => e().end > e().start;
  return (
    <li class="event">
      <div class="event-meta">
        <span class="category" style={{ '--category': categoryColor(e().category) }}>{CATEGORY_LABELS[e().category]}</span>
        <time datetime={formatDay(e().start)} classList={{ uncertain: uncertain() }}>
          {formatRange(e().start, e().end)}
        </time>
        <Show when={uncertain()}>
          <span class="hint">exact day not given</span>
        </Show>
        <Show when={e().dateBasis === 'context'}>
          <span class="hint">dated from the sentences before it</span>
        </Show>
        <Show when={e().dateBasis === 'published'}>
          <span class="hint">dated by the article's publication</span>
        </Show>
        <Show when={e().mentionStart === null}>
          <span class="hint">place from the article's dateline</span>
        </Show>
      </div>
      <blockquote>
        {parts().before}
        <Show when={parts().mention}>
          <mark>{parts().mention}</mark>
        </Show>
        {parts().after}
      </blockquote>
      <div class="citation">
        <cite>{props.article.headline}</cite>
        <span class="muted">
          {' '}— {props.article.outlet}, {formatLongDay(props.article.published)}
        </span>
        <button type="button" class="link-button" onClick={() => props.onRead(e())}>
          Read in article
        </button>
        <Show when={safeHttpUrl(props.article.url)}>
          {(href) => (
            <a class="link-button" href={href()} target="_blank" rel="noopener noreferrer">
              Original
            </a>
          )}
        </Show>
      </div>
    </li>
  );
}
