import { For, Show, createEffect, createSignal, onCleanup, onMount } from 'solid-js';
import type { EventFilters } from '../core/event-filters.ts';
import { UNKNOWN_OUTLET, formatLongDay } from '../core/format.ts';
import { MAX_QUERY } from '../core/quote-search.ts';
import type { ArticleEntry } from '../data/dataset.ts';

/** Up to this many articles, the select offers each; above, only the outlets (an article filter comes by link). */
export const ARTICLE_CHOICES = 100;
const TYPING_PAUSE_MS = 250; // the search runs once typing rests this long (or at Enter)
const TITLE_CHARS = 70; // an article's title in the select is cut at a word past this

export interface EventFilterBarProps {
  filters: EventFilters;
  /** Whether any filter is on (the Clear button shows then). */
  filtering: boolean;
  outlets: readonly string[];
  articleCount: number;
  /** The articles by number, once fetched; null before. */
  articles: readonly ArticleEntry[] | null;
  /** Asks for the list of articles (when the select offers them). */
  onWantArticles(): void;
  onQuery(query: string): void;
  onOutlet(outlet: string | null): void;
  onArticle(id: string | null): void;
  onClear(): void;
}

/** The text search over the quotes, the outlet-or-article select and "Clear filters" (the categories are the legend's). */
export function EventFilterBar(props: EventFilterBarProps) {
  let field!: HTMLInputElement;
  let typing: ReturnType<typeof setTimeout> | undefined;
  const commit = () => {
    clearTimeout(typing);
    if (field.value !== props.filters.query) props.onQuery(field.value);
  };
  onCleanup(() => clearTimeout(typing));
  // A query set from elsewhere (Clear, a link, Back) shows in the field; what is being typed is left alone.
  createEffect(() => {
    const query = props.filters.query;
    if (field.value.trim() !== query.trim()) field.value = query;
  });
  const offersArticles = () => props.articleCount <= ARTICLE_CHOICES;
  onMount(() => {
    if (offersArticles()) props.onWantArticles();
  });
  const chosen = () => (props.filters.article !== null ? `article:${props.filters.article}` : props.filters.outlet !== null ? `outlet:${props.filters.outlet}` : '');
  const listed = () => {
    const all = props.articles ?? [];
    return offersArticles() ? all : all.filter((a) => a.id === props.filters.article);
  };
  const onChange = (value: string) => {
    if (value.startsWith('article:')) props.onArticle(value.slice('article:'.length));
    else if (value.startsWith('outlet:')) props.onOutlet(value.slice('outlet:'.length));
    else {
      props.onOutlet(null);
      props.onArticle(null);
    }
  };

  return (
    <form class="filters" role="search" aria-label="Filters" onSubmit={(e) => (e.preventDefault(), commit())}>
      <input
        ref={field}
        type="search"
        class="quote-search"
        aria-label="Search quotes"
        placeholder="Search quotes"
        maxLength={MAX_QUERY}
        onInput={() => {
          clearTimeout(typing);
          typing = setTimeout(commit, TYPING_PAUSE_MS);
        }}
      />
      <Show when={props.outlets.length > 0 || props.articleCount > 0}>
        <select class="source-filter" aria-label="Outlet or article" onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="" selected={chosen() === ''}>
            All outlets and articles
          </option>
          <Show when={props.outlets.length > 0}>
            <optgroup label="Outlets">
              <For each={props.outlets}>{(o) => <option value={`outlet:${o}`} selected={chosen() === `outlet:${o}`}>{o}</option>}</For>
            </optgroup>
          </Show>
          <Show when={listed().length > 0}>
            <optgroup label="Articles">
              <For each={listed()}>
                {(a) => (
                  <option value={`article:${a.id}`} selected={chosen() === `article:${a.id}`}>
                    {cut(a.title)} ({a.outlet ?? UNKNOWN_OUTLET}, {formatLongDay(a.published)})
                  </option>
                )}
              </For>
            </optgroup>
          </Show>
        </select>
      </Show>
      <Show when={props.filtering}>
        <button type="button" class="clear-filters" onClick={() => props.onClear()}>
          Clear filters
        </button>
      </Show>
    </form>
  );
}

function cut(title: string): string {
  return title.length <= TITLE_CHARS ? title : `${title.slice(0, TITLE_CHARS).replace(/\s+\S*$/, '')}…`;
}
