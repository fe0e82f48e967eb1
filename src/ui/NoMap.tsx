import { For, Show, createMemo, createResource } from 'solid-js';
import { CATEGORY_LABELS } from '../core/category-labels.ts';
import { formatCount, formatLongDay } from '../core/format.ts';
import type { MapEvent } from '../core/model.ts';
import { categoryColor } from '../core/scales.ts';
import { overlaps, type TimeWindow } from '../core/time-window.ts';
import type { Dataset } from '../data/dataset.ts';
import type { PlaceCounts } from '../map/marks.ts';

const NO_MAP_PLACES = 30;

/** Shown instead of the map when it cannot be drawn: the reason, and the events of the window as a list. */
export function NoMap(props: { reason: string; data: Dataset; window: TimeWindow; counts: PlaceCounts; onSelect(id: string): void }) {
  // The busiest places of the window, whose sources are fetched to list their events.
  const busiest = createMemo(() => {
    const places: number[] = [];
    for (let p = 0; p < props.data.places.length; p++) if (props.counts.count(p) > 0) places.push(p);
    return places.sort((a, b) => props.counts.count(b) - props.counts.count(a));
  });
  const [events] = createResource(
    () => ({ places: busiest().slice(0, NO_MAP_PLACES), window: props.window }),
    async ({ places, window }) => (await Promise.all(places.map(async (p) => (await props.data.sourcesOf(props.data.places[p].id)).events))).flat().filter((e) => overlaps(e, window)).sort((a, b) => a.start - b.start),
  );
  const name = (e: MapEvent) => props.data.placesById.get(e.place)!.name;
  return (
    <section class="no-map" aria-label="Events in the time window">
      <p class="notice" role="alert">
        <strong>The map cannot be shown.</strong> {props.reason} The events of the time window are listed here instead; choose a place to read its sources.
      </p>
      <Show when={busiest().length > NO_MAP_PLACES}>
        <p class="muted">Listing the events of the {NO_MAP_PLACES} busiest of {formatCount(busiest().length)} places in the window; the others are in the list of places.</p>
      </Show>
      <ol class="event-list">
        <For each={events.latest ?? []}>
          {(e) => (
            <li>
              <span class="dot" style={{ background: categoryColor(e.category) }} aria-hidden="true" />
              <button type="button" class="link-button" aria-label={`${name(e)}, ${CATEGORY_LABELS[e.category]}, ${formatLongDay(e.start)}: read the sources`} onClick={() => props.onSelect(e.place)}>
                {name(e)}
              </button>{' '}
              <span class="muted">
                {formatLongDay(e.start)}
                {e.end > e.start ? ` – ${formatLongDay(e.end)}` : ''} · {CATEGORY_LABELS[e.category]}
              </span>
              <p class="excerpt">{e.quote}</p>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
