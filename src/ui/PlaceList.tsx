import { For, Show } from 'solid-js';
import type { PlaceCount } from '../core/counts.ts';
import type { Place } from '../core/model.ts';
import { categoryColor } from '../core/scales.ts';

export interface PlaceListProps {
  places: readonly Place[];
  counts: ReadonlyMap<string, PlaceCount>;
  selected: string | null;
  onSelect(id: string): void;
  /** A place whose button takes the focus when the list appears (the one whose sources were just closed). */
  focusOnMount?: string | null;
}

/** Every place with events, busiest first: the way to the sources for keyboard and screen-reader users. */
export function PlaceList(props: PlaceListProps) {
  const sorted = () =>
    [...props.places].sort((a, b) => (props.counts.get(b.id)?.count ?? 0) - (props.counts.get(a.id)?.count ?? 0) || a.name.localeCompare(b.name));
  return (
    <nav class="place-list" aria-label="Places">
      <h2>Places</h2>
      <ul>
        <For each={sorted()}>
          {(place) => {
            const count = () => props.counts.get(place.id);
            return (
              <li classList={{ faded: !count() }}>
                <button
                  type="button"
                  ref={(el) => {
                    if (props.focusOnMount === place.id) queueMicrotask(() => el.focus());
                  }}
                  aria-current={props.selected === place.id ? 'true' : undefined} onClick={() => props.onSelect(place.id)}>
                  <span class="swatch" style={{ background: count()?.dominant ? categoryColor(count()!.dominant!) : 'transparent' }} aria-hidden="true" />
                  <span class="name">{place.name}</span>
                  <span class="count">
                    <Show when={count()} fallback="none in window">
                      {count()!.count} {count()!.count === 1 ? 'event' : 'events'}
                    </Show>
                  </span>
                </button>
              </li>
            );
          }}
        </For>
      </ul>
    </nav>
  );
}
