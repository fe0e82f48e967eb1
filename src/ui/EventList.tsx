import { For, Show, createEffect, createMemo, createSignal, on, onCleanup, onMount } from 'solid-js';
import { CATEGORY_LABELS } from '../core/category-labels.ts';
import { formatCount, formatRange } from '../core/format.ts';
import { CATEGORIES, type PlaceSummary } from '../core/model.ts';
import { categoryColor } from '../core/scales.ts';
import type { WindowEvent, WindowEvents, WindowRows } from '../core/window-events.ts';
import { ROWS_PER_FILE, type RowFile } from '../data/compiled-format.ts';

export interface EventListProps {
  /** The window's events (under the filters) in date order; changes at most once a frame. */
  rows: WindowRows;
  events: WindowEvents;
  places: readonly PlaceSummary[];
  /** Whether filters are on (said when the list is empty). */
  filtered: boolean;
  /** Slice k of the rows' ids and quote openings (see RowFile). */
  rowFile(k: number): Promise<RowFile>;
  /** The place of the row under the pointer or the focus, to light on the map; null when none is. */
  onLight(place: string | null): void;
  /** A row chosen: open its place at its quote. */
  onChoose(place: string, eventId: string): void;
  /**
   * Where the list was, kept by its owner across the list's closing (a place opened from it): the event at the top of
   * the view and the active row's event; `refocus` gives the active row the focus when the list shows again.
   */
  memory?: ListMemory;
}

export interface ListMemory {
  top: number;
  active: number;
  refocus: boolean;
}

/** The height of a row, in CSS pixels: fixed, so that a row's place in the list is its index times this. */
export const ROW_HEIGHT = 62;
const OVERSCAN = 6; // rows drawn beyond each edge of the view
/** Browsers cap an element's height (about 33 million px in Chromium): a longer list scrolls through a scaled box. */
const MAX_SCROLL_HEIGHT = 8_000_000;

/**
 * The events of the window in date order (date, place, kind, the opening of the quote), beside the list of places.
 * Virtualised: only the rows in view are drawn, whatever the number of events; their quote openings are fetched a
 * slice of the dataset at a time. Pointing at a row or focusing it lights its place on the map; choosing it opens the
 * place at that quote. Keys: ↑ ↓ move between rows, Page Up/Down by a screenful, Home/End to the ends; Tab leaves.
 */
export function EventList(props: EventListProps) {
  let scroller!: HTMLDivElement;
  const [scrollTop, setScrollTop] = createSignal(0);
  const [viewHeight, setViewHeight] = createSignal(600);
  /** The row that takes the focus on Tab (the one last focused or moved to). */
  const [active, setActive] = createSignal(0);
  const [openings, setOpenings] = createSignal<ReadonlyMap<number, RowFile>>(new Map());
  const asked = new Set<number>();
  const remembered = props.memory && { ...props.memory }; // read before the effects below write to it

  const length = () => props.rows.length;
  const fullHeight = () => length() * ROW_HEIGHT;
  const boxHeight = () => Math.min(fullHeight(), MAX_SCROLL_HEIGHT);
  /** Scroll positions to list positions: 1 until the list is longer than a box can be. */
  const scale = () => (fullHeight() <= MAX_SCROLL_HEIGHT ? 1 : (fullHeight() - viewHeight()) / Math.max(1, boxHeight() - viewHeight()));
  const listTop = () => scrollTop() * scale();
  const shown = createMemo(() => {
    const first = Math.max(0, Math.floor(listTop() / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(length(), Math.ceil((listTop() + viewHeight()) / ROW_HEIGHT) + OVERSCAN);
    const rows: { index: number; event: WindowEvent }[] = [];
    for (let k = first; k < last; k++) rows.push({ index: k, event: props.events.event(props.rows.numberAt(k)) });
    return rows;
  });
  /** Where row k is drawn inside the scroll box. */
  const rowTop = (k: number) => scrollTop() + (k * ROW_HEIGHT - listTop());

  // Fetch the openings of the rows in view, a file at a time.
  createEffect(() => {
    for (const { event } of shown()) {
      const k = Math.floor(event.number / ROWS_PER_FILE);
      if (asked.has(k)) continue;
      asked.add(k);
      props.rowFile(k).then(
        (file) => setOpenings((m) => new Map(m).set(k, file)),
        () => asked.delete(k),
      );
    }
  });
  const openingOf = (number: number): [string, string] | undefined => openings().get(Math.floor(number / ROWS_PER_FILE))?.[number % ROWS_PER_FILE];

  /** Scrolls so that row k is in view (the least movement), and says so to the rows at once. */
  const scrollToRow = (k: number) => {
    const top = k * ROW_HEIGHT;
    let target = listTop();
    if (top < target) target = top;
    else if (top + ROW_HEIGHT > target + viewHeight()) target = top + ROW_HEIGHT - viewHeight();
    if (target === listTop()) return;
    scroller.scrollTop = target / scale();
    setScrollTop(scroller.scrollTop);
  };
  const focusRow = (k: number) => {
    const row = Math.max(0, Math.min(length() - 1, k));
    setActive(row);
    scrollToRow(row);
    queueMicrotask(() => scroller.querySelector<HTMLButtonElement>(`button[data-row="${row}"]`)?.focus());
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(viewHeight() / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in moves) focusRow(active() + moves[e.key]);
    else if (e.key === 'Home') focusRow(0);
    else if (e.key === 'End') focusRow(length() - 1);
    else return;
    e.preventDefault();
  };

  // A new window or filter keeps the event at the top of the view where it still is; otherwise the list starts over.
  let topEvent = -1;
  createEffect(
    on(
      () => props.rows,
      (rows, previous) => {
        if (previous === undefined) return;
        const row = topEvent >= 0 ? rows.rowOf(topEvent) : -1;
        scroller.scrollTop = row >= 0 ? (row * ROW_HEIGHT) / scale() : 0;
        setScrollTop(scroller.scrollTop);
        setActive((a) => Math.max(0, Math.min(rows.length - 1, row >= 0 ? row : a >= rows.length ? 0 : a)));
      },
    ),
  );
  createEffect(() => {
    const k = Math.min(length() - 1, Math.floor(listTop() / ROW_HEIGHT));
    topEvent = k >= 0 ? props.rows.numberAt(k) : -1;
    if (props.memory) props.memory.top = topEvent;
  });
  createEffect(() => {
    const a = active();
    if (props.memory && a < length()) props.memory.active = props.rows.numberAt(a);
  });

  onMount(() => {
    setViewHeight(scroller.clientHeight || 600);
    if (remembered && props.memory) {
      const top = props.rows.rowOf(remembered.top);
      const active = props.rows.rowOf(remembered.active);
      if (top >= 0) {
        scroller.scrollTop = (top * ROW_HEIGHT) / scale();
        setScrollTop(scroller.scrollTop);
      }
      if (active >= 0) {
        if (remembered.refocus) focusRow(active);
        else setActive(active);
      }
      props.memory.refocus = false;
    }
    const observer = new ResizeObserver(() => setViewHeight(scroller.clientHeight || 600));
    observer.observe(scroller);
    onCleanup(() => observer.disconnect());
  });
  onCleanup(() => props.onLight(null));

  /** The row that Tab reaches: the active one when drawn, else the first drawn. */
  const tabRow = () => {
    const rows = shown();
    const a = active();
    return rows.some((r) => r.index === a) ? a : rows.find((r) => r.index * ROW_HEIGHT >= listTop())?.index ?? rows[0]?.index ?? -1;
  };

  return (
    <section class="event-list-panel" aria-label="Events by date">
      <p class="muted small list-caption">
        <Show when={length() > 0} fallback={props.filtered ? 'No event in the window that the filters keep.' : 'No event in the window.'}>
          {formatCount(length())} {length() === 1 ? 'event' : 'events'} in the window, earliest first
        </Show>
      </p>
      <div class="event-scroller" ref={scroller} onScroll={() => setScrollTop(scroller.scrollTop)} onMouseLeave={() => props.onLight(null)}>
        <ol class="event-rows" style={{ height: `${boxHeight()}px` }} onKeyDown={onKeyDown} aria-label="Events in the window, by date">
          <For each={shown()}>
            {(row) => {
              const place = () => props.places[row.event.place];
              const opening = () => openingOf(row.event.number);
              const category = CATEGORIES[row.event.category];
              return (
                <li class="event-row" style={{ top: `${rowTop(row.index)}px` }} aria-posinset={row.index + 1} aria-setsize={length()}>
                  <button
                    type="button"
                    data-row={row.index}
                    tabIndex={tabRow() === row.index ? 0 : -1}
                    onFocus={() => {
                      setActive(row.index);
                      props.onLight(place().id);
                    }}
                    onBlur={() => props.onLight(null)}
                    onMouseEnter={() => props.onLight(place().id)}
                    onClick={() => {
                      const id = opening()?.[0];
                      if (!id) return;
                      if (props.memory) props.memory.refocus = true;
                      props.onChoose(place().id, id);
                    }}
                    aria-disabled={opening() ? undefined : 'true'}
                  >
                    <span class="row-head">
                      <span class="swatch" style={{ background: categoryColor(category) }} aria-hidden="true" />
                      <time class="row-date">{formatRange(row.event.start, row.event.end)}</time>
                      <span class="spoken-only">,</span>
                      <span class="row-place"><bdi>{place().name}</bdi></span>
                      <span class="spoken-only">,</span>
                      <span class="row-kind">{CATEGORY_LABELS[category]}</span>
                      <span class="spoken-only">:</span>
                    </span>
                    <span class="row-quote">
                      <Show when={opening()} fallback={<span class="muted">…</span>}>
                        <bdi>{opening()![1]}</bdi>
                      </Show>
                    </span>
                  </button>
                </li>
              );
            }}
          </For>
        </ol>
      </div>
    </section>
  );
}
