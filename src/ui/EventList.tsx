import { For, Show, createComputed, createEffect, createMemo, createSignal, on, onCleanup, onMount, untrack } from 'solid-js';
import { CATEGORY_LABELS } from '../core/category-labels.ts';
import { formatDay } from '../core/day.ts';
import { formatCount, formatRange } from '../core/format.ts';
import { CATEGORIES, type PlaceSummary } from '../core/model.ts';
import { categoryColor } from '../core/scales.ts';
import { listGeometry, listTopFor, rowsInView } from '../core/virtual-list.ts';
import type { WindowEvents, WindowRows } from '../core/window-events.ts';
import { ROWS_PER_FILE, type RowFile, type RowLine } from '../data/compiled-format.ts';
import { confidenceLabel, isBelowDefault } from './ConfidenceNote.tsx';
import type { ListMemory } from '../state/app-state.ts';
import { useReview } from '../state/review-store.ts';
import { CheckedTag } from './CheckedCount.tsx';
import { ReviewButtons } from './ReviewButtons.tsx';

export interface EventListProps {
  /** The window's events (under the filters) in date order; a new value at most once a frame. */
  rows: WindowRows;
  events: WindowEvents;
  places: readonly PlaceSummary[];
  /** Whether filters are on (said when the list is empty). */
  filtered: boolean;
  /**
   * The data's default threshold, or null when its events carry no confidence. With one, each row has a third line:
   * how sure the judge was and why, marked unsure when under it.
   */
  threshold: number | null;
  /** Slice k of the rows' ids and quote openings (see RowFile). */
  rowFile(k: number): Promise<RowFile>;
  /** The place of the row under the pointer or the focus, to light on the map; null when none is. */
  onLight(place: string | null): void;
  /** A row chosen: open its place at its quote. */
  onChoose(place: string, eventId: string): void;
  memory: ListMemory;
  /** A place was just closed: the list takes the focus (its last row used, else `onNoRowToFocus`). */
  focusOnMount: boolean;
  onNoRowToFocus(): void;
}

/** The height of a row, in CSS pixels: fixed, so that a row's place in the list is its index times this. */
export const ROW_HEIGHT = 62;
/** The same, for rows with a line of confidence (a judged dataset). */
export const JUDGED_ROW_HEIGHT = 80;
/** What a row grows by in review mode, for its line of buttons (Right, Wrong, Move, Date). */
export const REVIEW_ROW_EXTRA = 46;
const OVERSCAN = 6; // rows drawn beyond each edge of the view
/** Browsers cap an element's height (about 33 million px in Chromium): a longer list scrolls through a scaled box. */
const MAX_SCROLL_HEIGHT = 8_000_000;

/**
 * The events of the window in date order (date, place, kind, the opening of the quote), beside the list of places.
 * Virtualised: only the rows in view (and the row last used) are drawn, whatever the number of events, each kept
 * while it stays in view; their quote openings are fetched a slice of the dataset at a time. Pointing at a row or
 * focusing it lights its place on the map; choosing it opens the place at that quote. Keys: ↑ ↓ move between rows,
 * Page Up/Down by a screenful, Home/End to the ends; Tab enters at the row last used and leaves.
 */
export function EventList(props: EventListProps) {
  const reviewing = useReview() !== null;
  const rowHeight = (props.threshold === null ? ROW_HEIGHT : JUDGED_ROW_HEIGHT) + (reviewing ? REVIEW_ROW_EXTRA : 0); // fixed for the life of the list
  let scroller!: HTMLDivElement;
  const [scrollTop, setScrollTop] = createSignal(0);
  const [viewHeight, setViewHeight] = createSignal(600);
  /** The event of the row last used (focused or moved to): it keeps its row across scrolling and new windows. */
  const [activeEvent, setActiveEvent] = createSignal(props.memory.active);
  const [openings, setOpenings] = createSignal<ReadonlyMap<number, RowFile>>(new Map());
  const [fetchFailed, setFetchFailed] = createSignal(false);
  const remembered = { ...props.memory }; // read before the effects below write to it
  const refocus = props.focusOnMount;

  const length = () => props.rows.length;
  const geometry = createMemo(() => listGeometry(length(), rowHeight, viewHeight(), MAX_SCROLL_HEIGHT));
  const listTop = () => scrollTop() * geometry().scale;
  const activeRow = createMemo(() => props.rows.rowOf(activeEvent()));
  /** The rows drawn: those in view with the overscan, and the active row wherever it is (it may hold the focus). */
  const drawn = createMemo(() => {
    const [first, last] = rowsInView(listTop(), viewHeight(), rowHeight, length(), OVERSCAN);
    // In ascending order, so that rows kept from one view to the next are never moved in the page (a moved
    // element loses the focus).
    const rows: number[] = [];
    const active = activeRow();
    if (active >= 0 && active < first) rows.push(active);
    for (let k = first; k < last; k++) rows.push(k);
    if (active >= last) rows.push(active);
    return rows;
  });
  /** The row Tab reaches: the active one, else the first in view. */
  const tabRow = createMemo(() => (activeRow() >= 0 ? activeRow() : Math.min(length() - 1, Math.floor(listTop() / rowHeight))));

  const fileOf = (number: number) => Math.floor(number / ROWS_PER_FILE);
  let asked = new Set<number>();
  const fetchFile = (k: number) => {
    const rowFile = props.rowFile;
    const mine = asked;
    mine.add(k);
    return rowFile(k).then(
      (file) => {
        if (rowFile !== props.rowFile) return null; // of a dataset no longer shown
        setOpenings((m) => new Map(m).set(k, file));
        return file;
      },
      () => {
        mine.delete(k);
        if (rowFile === props.rowFile) setFetchFailed(true);
        return null;
      },
    );
  };
  // A new dataset numbers its events anew: the openings of the last one are dropped, and its own fetched.
  createComputed(
    on(
      () => props.rowFile,
      () => {
        asked = new Set();
        setOpenings(new Map());
      },
      { defer: true },
    ),
  );
  // Fetch the openings of the rows drawn, a file at a time (the dataset keeps what it fetched).
  createEffect(() => {
    const have = openings();
    const wanted = new Set(drawn().map((k) => fileOf(props.rows.numberAt(k))));
    for (const k of wanted) if (!have.has(k) && !asked.has(k)) void fetchFile(k);
  });
  const openingOf = (number: number): RowLine | undefined => openings().get(fileOf(number))?.[number % ROWS_PER_FILE];

  /** Scrolls to list position `top` (px), and says so to the rows at once. */
  const scrollToListTop = (top: number) => {
    scroller.scrollTop = top / geometry().scale;
    setScrollTop(scroller.scrollTop);
  };
  const focusRow = (k: number) => {
    if (length() === 0) return;
    const row = Math.max(0, Math.min(length() - 1, k));
    setActiveEvent(props.rows.numberAt(row));
    const top = listTopFor(row, listTop(), viewHeight(), rowHeight);
    if (top !== listTop()) scrollToListTop(top);
    queueMicrotask(() => {
      const button = scroller.querySelector<HTMLButtonElement>(`button[data-row="${row}"]`);
      if (!button) return;
      // The list has scrolled it into its view already (exactly, even when scaled); the page itself may still have
      // to bring the list into sight (on a phone, the list is below the fold).
      button.focus({ preventScroll: true });
      button.scrollIntoView({ block: 'nearest' });
    });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.altKey || e.metaKey || (e.target as Element).closest('dialog')) return; // a review dialog's keys are its own
    const page = Math.max(1, Math.floor(viewHeight() / rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    const at = Math.max(0, activeRow());
    if (e.key in moves) focusRow(at + moves[e.key]);
    else if (e.key === 'Home') focusRow(0);
    else if (e.key === 'End') focusRow(length() - 1);
    else return;
    e.preventDefault();
  };
  const choose = async (row: number, place: string) => {
    const number = props.rows.numberAt(row);
    const id = openingOf(number)?.[0] ?? (await fetchFile(fileOf(number)))?.[number % ROWS_PER_FILE]?.[0];
    if (!id) return;
    props.memory.refocus = true;
    props.onChoose(place, id);
  };

  // A new window or filter keeps the event at the top of the view at the top (or the first event after it, when it
  // has left the window), at the same offset within its row. Not deferred: a deferred `on` passes no previous rows
  // to its first change, which then kept nothing; its first run here, with none, does nothing.
  createEffect(
    on(
      () => props.rows,
      (rows, previous) => {
        if (!previous || previous.length === 0) return;
        const top = untrack(listTop);
        const row = Math.min(previous.length - 1, Math.floor(top / rowHeight));
        const now = rows.rowFrom(previous.numberAt(row));
        const target = now >= rows.length ? 0 : now * rowHeight + (top - row * rowHeight);
        if (Math.abs(target - top) >= 1) scrollToListTop(target);
      },
    ),
  );
  // What the app keeps of the list while it is not shown.
  createEffect(() => {
    const k = Math.min(length() - 1, Math.floor(listTop() / rowHeight));
    props.memory.top = k >= 0 ? props.rows.numberAt(k) : -1;
  });
  createEffect(() => (props.memory.active = activeEvent()));

  onMount(() => {
    setViewHeight(scroller.clientHeight || 600);
    const observer = new ResizeObserver(() => setViewHeight(scroller.clientHeight || 600));
    observer.observe(scroller);
    onCleanup(() => observer.disconnect());
    const top = props.rows.rowOf(remembered.top);
    if (top >= 0) scrollToListTop(top * rowHeight);
    props.memory.refocus = false;
    if (!refocus) return;
    const active = props.rows.rowOf(remembered.active);
    if (remembered.refocus && active >= 0) focusRow(active);
    else props.onNoRowToFocus();
  });
  onCleanup(() => props.onLight(null));

  return (
    <div class="event-list-panel" ref={(el) => {
        el.style.setProperty('--row-height', `${rowHeight}px`);
        el.style.setProperty('--row-extra', `${reviewing ? REVIEW_ROW_EXTRA : 0}px`);
      }}>
      <p class="muted small list-caption">
        <Show when={length() > 0} fallback={props.filtered ? 'No event in the window that the filters keep.' : 'No event in the window.'}>
          {formatCount(length())} {length() === 1 ? 'event' : 'events'} in the window, earliest first
          <span class="key-hint"> · ↑ ↓ between rows</span>
        </Show>
        <Show when={fetchFailed()}>
          <span class="warning-text"> · some quotes could not be loaded; scroll to try again</span>
        </Show>
      </p>
      <div
        class="event-scroller"
        ref={scroller}
        onScroll={() => {
          setFetchFailed(false);
          setScrollTop(scroller.scrollTop);
        }}
        onMouseLeave={() => props.onLight(null)}
      >
        <ol class="event-rows" style={{ height: `${geometry().box}px` }} onKeyDown={onKeyDown} aria-label="Events in the window, by date">
          <For each={drawn()}>
            {(index) => {
              const event = createMemo(() => props.events.event(props.rows.numberAt(index)));
              const place = () => props.places[event().place];
              const opening = () => openingOf(event().number);
              const category = () => CATEGORIES[event().category];
              const below = () => isBelowDefault(event().confidence, props.threshold);
              /** A person checked it: said on the line of confidence (a checked event has none), else in the head. */
              const checked = () => opening()?.[3] === 1;
              const top = () => scrollTop() + (index * rowHeight - listTop());
              return (
                <li class="event-row" classList={{ 'below-default': below() }} style={{ top: `${top()}px` }} aria-posinset={index + 1} aria-setsize={length()}>
                  <button
                    type="button"
                    class="row-button"
                    data-row={index}
                    tabIndex={tabRow() === index ? 0 : -1}
                    onFocus={() => {
                      setActiveEvent(event().number);
                      props.onLight(place().id);
                    }}
                    onBlur={() => props.onLight(null)}
                    onMouseEnter={() => props.onLight(place().id)}
                    onClick={() => void choose(index, place().id)}
                  >
                    <span class="row-head">
                      <span class="swatch" style={{ background: categoryColor(category()) }} aria-hidden="true" />
                      <Show when={event().end === event().start} fallback={<span class="row-date">{formatRange(event().start, event().end)}</span>}>
                        <time class="row-date" datetime={formatDay(event().start)}>
                          {formatRange(event().start, event().end)}
                        </time>
                      </Show>
                      <span class="spoken-only">,</span>
                      <span class="row-place"><bdi>{place().name}</bdi></span>
                      <span class="spoken-only">,</span>
                      <span class="row-kind">{CATEGORY_LABELS[category()]}</span>
                      <Show when={checked() && props.threshold === null}>
                        <CheckedTag />
                      </Show>
                      <span class="spoken-only">:</span>
                    </span>
                    <span class="row-quote">
                      <Show when={opening()} fallback={<span class="muted">…</span>}>
                        <bdi>{opening()![1]}</bdi>
                      </Show>
                    </span>
                    <Show when={checked() && props.threshold !== null}>
                      <span class="spoken-only">.</span>
                      <span class="row-sure">
                        <CheckedTag />
                      </span>
                    </Show>
                    <Show when={event().confidence !== null}>
                      <span class="spoken-only">.</span>
                      <span class="row-sure">
                        <Show when={below()}>
                          <span class="unsure-tag">Unsure</span>{' '}
                        </Show>
                        <span class="sureness">{confidenceLabel(event().confidence!)}</span>
                        <Show when={opening()?.[2]?.length}>: {opening()![2]!.join('; ')}</Show>
                      </span>
                    </Show>
                  </button>
                  <ReviewButtons event={opening()?.[0] ?? null} about={`${place().name}, ${formatRange(event().start, event().end)}`} tabIndex={tabRow() === index ? 0 : -1} />
                </li>
              );
            }}
          </For>
        </ol>
      </div>
    </div>
  );
}
