import { createEffect, onCleanup, onMount, type Accessor } from 'solid-js';
import type { Dataset } from '../data/dataset.ts';
import type { MapControls } from '../map/MapCanvas.tsx';
import type { AppState } from '../state/app-state.ts';

/**
 * The selection's phases as the page shows them: a place chosen (on the map, in a list) opens once its sources are
 * fetched (the store's select), then the map reveals it, out of its cluster and above the bottom sheet on a phone,
 * once the panel shows them (so that its size is known), only while it is still the place chosen. The page's title
 * names it; Escape closes it (not while an article or a dialog is open).
 */
export function createPageSelection(data: Accessor<Dataset>, state: AppState, mapControls: () => MapControls | null) {
  const reveal = (id: string | null) => {
    const place = id ? data().placesById.get(id) : null;
    const controls = mapControls();
    if (!place || !controls) return;
    const wanted = () => state.selected() === place.id;
    const shown = () => requestAnimationFrame(() => void controls.reveal(place, wanted));
    data().sourcesOf(place.id).then(shown, shown);
  };
  createEffect(() => {
    const place = state.selectedPlace();
    document.title = place ? `${place.name} · Datelines` : 'Datelines';
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && state.selected() && !state.reading() && !(e.target as Element).closest?.('dialog')) state.close();
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));
  return {
    reveal,
    select: (id: string) => void state.select(id, reveal),
    chooseEvent: (place: string, eventId: string) => void state.selectEvent(place, eventId, reveal),
  };
}
