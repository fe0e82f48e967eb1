import { formatCount } from '../core/format.ts';
import { For, Show, createMemo, createSignal } from 'solid-js';
import { CATEGORIES, type PlaceSummary } from '../core/model.ts';
import { busiestPlaces, rankByName } from '../core/place-ranking.ts';
import { categoryColor } from '../core/scales.ts';
import type { PlaceCounts } from '../map/marks.ts';

export interface PlaceListProps {
  /** Every place with events; a place's number is its index. */
  places: readonly PlaceSummary[];
  counts: PlaceCounts;
  /**
   * Events per place number, all dates, sure enough to show (the minimum confidence): a place with none is not listed,
   * as it has no mark; null or absent: every place is.
   */
  sureTotals?: ArrayLike<number> | null;
  /** Whether filters are on (a place without events is then "none with the filters"). */
  filtered?: boolean;
  selected: string | null;
  onSelect(id: string): void;
  /** A place whose button takes the focus when the list appears (the one whose sources were just closed). */
  focusOnMount?: string | null;
}

/** How many places the list shows at once; the search field finds any other. */
export const LIST_LIMIT = 100;
const SEARCH_FROM = 30; // places: below this the whole list fits and needs no search field

/**
 * The places, busiest in the window first (then by name): the way to the sources for keyboard and screen-reader
 * users. A large dataset shows its busiest places and a field to find any other by name.
 */
export function PlaceList(props: PlaceListProps) {
  const [query, setQuery] = createSignal('');
  const names = createMemo(() => props.places.map((p) => p.name.toLocaleLowerCase('en')));
  // Rank of each place in name order, for ties in count.
  const nameRanks = createMemo(() => rankByName(props.places.map((p) => p.name)));

  const matches = createMemo(() => {
    const q = query().trim().toLocaleLowerCase('en');
    const sure = props.sureTotals;
    if (!q && !sure) return null;
    const found: number[] = [];
    const all = names();
    for (let p = 0; p < all.length; p++) if ((!q || all[p].includes(q)) && (!sure || sure[p] > 0)) found.push(p);
    return found;
  });
  /** The first LIST_LIMIT candidates by count (descending), then name. */
  const shown = createMemo(() => {
    const candidates = matches() ?? undefined;
    return { places: busiestPlaces((p) => props.counts.count(p), nameRanks(), LIST_LIMIT, candidates), of: candidates ? candidates.length : props.places.length };
  });

  return (
    <nav class="place-list" aria-label="Places">
      <h2>Places</h2>
      <Show when={props.places.length >= SEARCH_FROM}>
        <input class="place-search" type="search" placeholder={`Find one of ${formatCount(props.places.length)} places`} aria-label="Find a place" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} />
        <p class="muted small" aria-live="polite">
          {shown().of === 0 ? 'No place matches.' : shown().of > shown().places.length ? `The ${shown().places.length} busiest of ${formatCount(shown().of)} ${query() ? 'matching places' : 'places'}` : ''}
        </p>
      </Show>
      <ul>
        <For each={shown().places}>
          {(p) => {
            const place = () => props.places[p]; // of the dataset shown (a new one may number its places anew)
            const count = () => props.counts.count(p);
            const dominant = () => props.counts.dominant(p);
            const countText = () => (count() === 0 ? (props.filtered ? 'none with the filters' : 'none in window') : `${formatCount(count())} ${count() === 1 ? 'event' : 'events'}`);
            return (
              <li classList={{ faded: count() === 0 }}>
                <button
                  type="button"
                  ref={(el) => {
                    if (props.focusOnMount === place().id) queueMicrotask(() => el.focus());
                  }}
                  aria-current={props.selected === place().id ? 'true' : undefined}
                  onClick={() => props.onSelect(place().id)}
                >
                  <span class="swatch" style={{ background: dominant() >= 0 ? categoryColor(CATEGORIES[dominant()]) : 'transparent' }} aria-hidden="true" />
                  <span class="name">
                    <bdi>{place().name}</bdi>
                    <Show when={place().reviewed === false}>
                      <span class="unreviewed-tag" title="Placed by the gazetteer; not yet checked by a person"> (unreviewed)</span>
                    </Show>
                    <span class="spoken-only">,</span>
                  </span>
                  <span class="count">{countText()}</span>
                </button>
              </li>
            );
          }}
        </For>
      </ul>
    </nav>
  );
}
