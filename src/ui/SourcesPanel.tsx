import { For, Show, createEffect, createMemo, createSignal, on, untrack } from 'solid-js';
import { findDisagreements } from '../core/disagreements.ts';
import { NO_FILTERS, passesFilters, type EventFilters } from '../core/event-filters.ts';
import { searchTerms } from '../core/quote-search.ts';
import { UNKNOWN_OUTLET, formatCount, formatRange } from '../core/format.ts';
import type { Article, MapEvent, PlaceCandidate, PlaceSummary } from '../core/model.ts';
import type { PlaceSources } from '../data/dataset.ts';
import { CATEGORY_LABELS } from '../core/category-labels.ts';
import { KIND_LABELS } from '../core/kind-labels.ts';
import { overlaps, type TimeWindow } from '../core/time-window.ts';
import { toHundredths } from '../core/event-columns.ts';
import { PLACE_PAGE_EVENTS } from '../data/compiled-format.ts';
import { EventQuote } from './EventQuote.tsx';
import { PlaceReview } from './PlaceReview.tsx';

export interface SourcesPanelProps {
  place: PlaceSummary;
  /** The place's events in date order, and their articles; undefined while they are being fetched. */
  sources: PlaceSources | undefined;
  /** Events at the place, all dates (known before they are fetched). */
  total: number;
  /** Why the events could not be fetched. */
  error?: string | null;
  window: TimeWindow;
  /** Only the events these keep are listed; the others are counted, as hidden by the filters. */
  filters?: EventFilters;
  /** Only events of at least this confidence (0–1) are listed, the others counted apart; null or absent: every event. */
  minConfidence?: number | null;
  /** The data's default threshold: an event listed under it (the reader lowered the minimum) is marked unsure. */
  defaultConfidence?: number | null;
  onClose(): void;
  onRead(read: { event: MapEvent; article: Article }): void;
  /** An event whose quote is brought into view and given the focus once the sources show (a row chosen in the list). */
  focusEvent?: string | null;
  /**
   * The place's events counted from the columns, whatever pages of them are loaded: all dates under the minimum
   * confidence (`sure`) and the filters too (`kept`), in the window under both (`inside`). Absent: counted from the
   * events loaded (then they must be all of them).
   */
  counts?: { sure: number; kept: number; inside: number } | null;
  /** Asks for page k of the place's events (see PlaceFile); `sources` gains it when it arrives. */
  onWantPage?(k: number): void;
}

/**
 * The sentences behind a place's mark: those in the window, those outside it (collapsed), and any disagreement.
 * With filters on, only the events they keep are listed, and how many they hide is said.
 */
export function SourcesPanel(props: SourcesPanelProps) {
  const all = () => props.sources?.events ?? [];
  const article = (e: MapEvent) => props.sources!.articles.get(e.article)!;
  const filters = () => props.filters ?? NO_FILTERS;
  /** The events at or above the minimum confidence (those the judge did not score, and those a person checked, too): the columns' test, on records. */
  const sureEnough = createMemo(() => {
    const min = props.minConfidence ?? null;
    return min === null ? all() : all().filter((e) => e.checked || e.confidence === undefined || toHundredths(e.confidence) >= toHundredths(min));
  });
  const kept = createMemo(() => {
    const f = filters();
    const terms = searchTerms(f.query);
    return sureEnough().filter((e) => passesFilters(e, props.sources!.articles.get(e.article), f, terms));
  });
  const inside = createMemo(() => kept().filter((e) => overlaps(e, props.window)));
  const outside = createMemo(() => kept().filter((e) => !overlaps(e, props.window)));
  // Counts from the columns when given (the pages not yet loaded are counted too), else from the events loaded.
  const unsureHidden = () => (props.counts ? props.total - props.counts.sure : all().length - sureEnough().length);
  const hidden = () => (props.counts ? props.counts.sure - props.counts.kept : sureEnough().length - kept().length);
  const insideCount = () => props.counts?.inside ?? inside().length;
  const outsideCount = () => (props.counts ? props.counts.kept - props.counts.inside : outside().length);
  const disagreements = createMemo(() => findDisagreements(sureEnough()));
  // The events outside the window are drawn when their list is opened: a busy place may have thousands.
  const [outsideOpen, setOutsideOpen] = createSignal(false);
  // A place with thousands of events shows them a page at a time, and fetches its pages of events as they are needed.
  const [limit, setLimit] = createSignal(PAGE);
  const [outsideLimit, setOutsideLimit] = createSignal(PAGE);
  /** The place's id: the same place in a new dataset (another record) is the same place. */
  const placeId = createMemo(() => props.place.id);
  createEffect(() => {
    void placeId();
    setLimit(PAGE);
    setOutsideLimit(PAGE);
  });
  const pagesLeft = () => (props.sources ? props.sources.loaded.size < props.sources.pages.length : false);
  const focusLoaded = () => props.focusEvent != null && all().some((e) => e.id === props.focusEvent);
  createEffect(() => {
    const s = props.sources;
    if (!s || !props.onWantPage || props.error) return;
    const w = props.window;
    const unloaded = (k: number) => !s.loaded.has(k);
    const mayOverlap = (k: number) => unloaded(k) && s.pages[k].firstStart <= w.to && s.pages[k].lastEnd >= w.from;
    const want = (test: (k: number) => boolean) => s.pages.findIndex((_, k) => test(k));
    let k = -1;
    if (inside().length < Math.min(limit(), insideCount()) || (props.focusEvent != null && !focusLoaded())) k = want(mayOverlap);
    if (k < 0 && ((outsideOpen() && outside().length < Math.min(outsideLimit(), outsideCount())) || (props.focusEvent != null && !focusLoaded()))) k = want(unloaded);
    if (k >= 0) props.onWantPage(k);
  });
  const quote = (event: MapEvent) => (
    <EventQuote event={event} article={article(event)} chosen={props.focusEvent === event.id} threshold={props.defaultConfidence ?? null} place={props.sources?.place} onRead={(e) => props.onRead({ event: e, article: article(e) })} />
  );
  let heading!: HTMLHeadingElement;
  let panel!: HTMLElement;
  let details: HTMLDetailsElement | undefined;
  // A newly opened place takes the focus once, so keyboard and screen-reader users land on what they asked for: the
  // quote chosen in the list of events (brought into view, and its list of events outside the window opened when it
  // lies there), or else the heading. It runs when the place, the quote asked for or the sources change, not when
  // the window or the filters do: the focus stays wherever the person then takes it. Given the same quote (or none)
  // again, it focuses it again (review mode, after a change, once the new data shows).
  createEffect(
    on([placeId, () => props.focusEvent, () => props.sources !== undefined, focusLoaded], ([, id, shown, loaded]) => {
      if (!id) return void queueMicrotask(() => heading.focus({ preventScroll: true }));
      if (!shown || (!loaded && props.sources!.loaded.size < props.sources!.pages.length)) return; // its page is on its way
      untrack(() => {
        const at = inside().findIndex((e) => e.id === id);
        if (at >= limit()) setLimit(Math.ceil((at + 1) / PAGE) * PAGE);
        if (at < 0 && outside().some((e) => e.id === id)) {
          setOutsideOpen(true);
          if (details) details.open = true;
        }
      });
      queueMicrotask(() => {
        const item = [...panel.querySelectorAll<HTMLElement>('li.event')].find((li) => li.dataset.event === id);
        if (!item) return heading.focus({ preventScroll: true });
        item.scrollIntoView({ block: 'center' });
        item.focus({ preventScroll: true });
      });
    }),
  );

  return (
    <aside class="sources" aria-label="Sources" ref={panel}>
      <header class="sources-header">
        <div>
          <h2 ref={heading} tabIndex={-1}>
            <bdi>{props.place.name}</bdi>
          </h2>
          <p class="muted">
            {KIND_LABELS[props.place.kind]} ·{' '}
            <Show when={props.sources} fallback={`${formatCount(props.total)} ${props.total === 1 ? 'event' : 'events'}`}>
              {formatCount(insideCount())} of {formatCount(props.total)} {props.total === 1 ? 'event' : 'events'} in the window
              {hidden() > 0 ? ' and the filters' : ''}
            </Show>
          </p>
        </div>
        <button type="button" class="icon-button close" onClick={() => props.onClose()} aria-label="Close sources" title="Close (Esc)">✕</button>
      </header>
      <Show when={props.place.reviewed === false}>
        <section class="unreviewed" aria-label="Unreviewed place">
          <p>
            <strong>Not reviewed.</strong> The gazetteer placed this mark from the name in the text; no person has
            checked that it is the <bdi>{props.place.name}</bdi> the articles mean.
          </p>
          <Show when={props.sources?.place.candidates.length}>
            <p>
              It could also be:{' '}
              {props.sources!.place.candidates.map(describeCandidate).join('; ')}.
            </p>
          </Show>
          <PlaceReview place={props.place.id} name={props.place.name} candidates={props.sources?.place.candidates ?? []} describe={describeCandidate} />
        </section>
      </Show>
      <For each={disagreements()}>
        {(d) => (
          <section class="disagreement" aria-label="Reports disagree">
            <h3>Reports disagree</h3>
            <p>
              Two articles report <bdi>{props.place.name}</bdi> differently for {formatRange(Math.max(d.a.start, d.b.start), Math.min(d.a.end, d.b.end))}:
            </p>
            <div class="side-by-side">
              <For each={[d.a, d.b]}>
                {(e) => (
                  <div>
                    <strong>{CATEGORY_LABELS[e.category]}</strong>
                    <span class="muted">
                      {' '}— <bdi>{article(e).outlet ?? UNKNOWN_OUTLET}</bdi>
                    </span>
                    <p class="excerpt" dir="auto">
                      <bdi>{e.quote}</bdi>
                    </p>
                  </div>
                )}
              </For>
            </div>
          </section>
        )}
      </For>
      <Show when={props.error}>
        <p class="empty" role="alert">
          The sources of this place could not be loaded: {props.error}
        </p>
      </Show>
      <Show when={props.sources || props.error} fallback={<p class="empty" aria-busy="true">Loading the sources…</p>}>
        <Show when={hidden() > 0}>
          <p class="filtered-out muted">
            {formatCount(hidden())} {hidden() === 1 ? 'event' : 'events'} here hidden by the filters.
          </p>
        </Show>
        <Show when={unsureHidden() > 0}>
          <p class="filtered-out muted">
            {formatCount(unsureHidden())} {unsureHidden() === 1 ? 'event' : 'events'} here under the minimum confidence ({(props.minConfidence ?? 0).toFixed(2)}): lower it to see {unsureHidden() === 1 ? 'it' : 'them'}.
          </p>
        </Show>
        <Show when={insideCount() > 0} fallback={<Show when={!props.error}><p class="empty">No event here {hidden() > 0 ? 'that the filters keep ' : unsureHidden() > 0 ? 'sure enough to show ' : ''}falls inside the time window.</p></Show>}>
          <ol class="events">
            <For each={inside().slice(0, limit())}>{quote}</For>
          </ol>
        </Show>
        <Show when={insideCount() > limit() && inside().length >= limit()}>
          <button type="button" class="more" onClick={() => setLimit(limit() + PAGE)}>
            Show {formatCount(Math.min(PAGE, insideCount() - limit()))} more of {formatCount(insideCount() - limit())}
          </button>
        </Show>
        <Show when={pagesLeft() && inside().length < Math.min(limit(), insideCount())}>
          <p class="empty muted" aria-busy="true">Loading more of its events…</p>
        </Show>
        <Show when={outsideCount() > 0}>
          <details class="outside" ref={details} onToggle={(e) => setOutsideOpen(e.currentTarget.open)}>
            <summary>
              {formatCount(outsideCount())} more {outsideCount() === 1 ? 'event' : 'events'} here outside the time window
            </summary>
            <Show when={outsideOpen()}>
              <ol class="events">
                <For each={outside().slice(0, outsideLimit())}>{quote}</For>
              </ol>
              <Show when={outsideCount() > outsideLimit() && outside().length >= outsideLimit()}>
                <button type="button" class="more" onClick={() => setOutsideLimit(outsideLimit() + PAGE)}>
                  Show {formatCount(Math.min(PAGE, outsideCount() - outsideLimit()))} more of {formatCount(outsideCount() - outsideLimit())}
                </button>
              </Show>
              <Show when={pagesLeft() && outside().length < Math.min(outsideLimit(), outsideCount())}>
                <p class="empty muted" aria-busy="true">Loading more of its events…</p>
              </Show>
            </Show>
          </details>
        </Show>
      </Show>
      <Show when={props.sources}>{(s) => <p class="muted small">Where the coordinates come from: {s().place.source}</p>}</Show>
    </aside>
  );
}

const PAGE = PLACE_PAGE_EVENTS; // quotes shown at a time: a page of the place's events

/** "Geneva (region, CH, 46.20° N, 6.15° E)": what else a name could mean, with where it is. */
function describeCandidate(c: PlaceCandidate): string {
  const kind = c.ref.startsWith('admin1:') ? 'region, ' : c.ref.startsWith('country:') ? 'country, ' : '';
  const [lng, lat] = c.lngLat;
  return `${c.name} (${kind}${c.country}, ${Math.abs(lat).toFixed(2)}° ${lat < 0 ? 'S' : 'N'}, ${Math.abs(lng).toFixed(2)}° ${lng < 0 ? 'W' : 'E'})`;
}
