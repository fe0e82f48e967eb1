import { Show, createResource, onMount } from 'solid-js';
import { UNKNOWN_OUTLET, articleTitle, formatLongDay } from '../core/format.ts';
import { ArticleTitle } from './ArticleTitle.tsx';
import type { Article, MapEvent } from '../core/model.ts';

export interface ArticleReaderProps {
  article: Article;
  event: MapEvent;
  loadText(article: Article): Promise<string>;
  onClose(): void;
}

/** The full article in a dialog, the quoted sentence highlighted and scrolled into view. */
export function ArticleReader(props: ArticleReaderProps) {
  let dialog!: HTMLDialogElement;
  const [text] = createResource(() => props.article, props.loadText);
  onMount(() => dialog.showModal());
  const parts = () => {
    const t = text() ?? '';
    const start = props.event.quoteStart;
    const end = start + props.event.quote.length;
    return { before: t.slice(0, start), quote: t.slice(start, end), after: t.slice(end) };
  };
  return (
    <dialog ref={dialog} class="reader" aria-label={`Article: ${articleTitle(props.article)}`} onClose={() => props.onClose()}>
      <header>
        <div>
          <h2><ArticleTitle article={props.article} /></h2>
          <p class="muted">
            {props.article.outlet ?? UNKNOWN_OUTLET} · published {formatLongDay(props.article.published)}
          </p>
        </div>
        <button type="button" class="icon-button close" onClick={() => dialog.close()} aria-label="Close article">✕</button>
      </header>
      <Show when={!text.loading} fallback={<p>Loading the article…</p>}>
        <Show when={!text.error} fallback={<p role="alert">The article text could not be loaded.</p>}>
          <div class="article-text">
            {parts().before}
            <mark class="quoted" ref={(el) => queueMicrotask(() => el.scrollIntoView({ block: 'center' }))}>{parts().quote}</mark>
            {parts().after}
          </div>
        </Show>
      </Show>
    </dialog>
  );
}
