import { createEffect, createMemo, createSignal } from 'solid-js';
import { exampleDisc, type DrawnDisc } from '../core/legend-disc.ts';
import { mainTheatre } from '../core/frame.ts';
import { categoryColor, createRadiusScale } from '../core/scales.ts';
import type { Dataset } from '../data/dataset.ts';
import { PlaceMarks, areaOutlines, outlinedAreas } from '../map/marks.ts';
import type { AppState } from '../state/app-state.ts';

/**
 * What the map draws of the app's state: the place marks and what changed of them with the last step of the window,
 * the outlines of areas with events, the ring of the selected place (once its sources show), the place lit from the
 * list of events, the first view's frame, and the legend's example disc as the map reports it.
 */
export function createMapPicture(data: Dataset, state: AppState) {
  const [disc, setDisc] = createSignal<DrawnDisc | null>(null, { equals: (a, b) => a?.events === b?.events && a?.places === b?.places });
  const radius = createRadiusScale(data.totals.reduce((a, b) => Math.max(a, b), 0));
  const marks = new PlaceMarks(data.places, { radius, color: (c) => categoryColor(c) });
  // A place none of whose events is sure enough to show has no mark: marks.all is asked again when that changes.
  const markChanges = createMemo(() => marks.changes(state.counter, state.touched()));
  // The map rings the selected place once its sources show: redrawing a busy map in software takes longer than
  // showing the text, and the text is what was asked for.
  const [marked, setMarked] = createSignal<string | null>(state.selected());
  createEffect(() => {
    const id = state.selected();
    if (!id) return setMarked(null);
    const mark = () => requestAnimationFrame(() => setTimeout(() => state.selected() === id && setMarked(id)));
    data.sourcesOf(id).then(mark, mark);
  });
  // The outlines are drawn again only when an area gains or loses its last event in the window, or is selected.
  const shownAreas = createMemo(() => outlinedAreas(data.places, (p) => state.counts.count(data.placeNumber.get(p.id)!) > 0, marked()), [], {
    equals: (a, b) => a.length === b.length && a.every((p, i) => p === b[i]),
  });
  const areas = createMemo(() => areaOutlines(shownAreas()));
  /** The place the list of events points at, ringed on the map round its mark as drawn now. */
  const lit = createMemo(() => {
    const id = state.lit();
    const n = id === null ? undefined : data.placeNumber.get(id);
    return n === undefined ? null : { lngLat: data.places[n].lngLat, radius: radius(state.counts.count(n)) };
  });
  const theatre = (data.frame?.map((id) => data.placesById.get(id)!) ?? mainTheatre(data.places, data.totalOf)).map((p) => p.lngLat);
  return {
    marks: () => marks.all(state.counter, state.sureTotals()),
    markChanges,
    areas,
    marked,
    lit,
    theatre,
    disc,
    onDiscs: (discs: DrawnDisc[]) => setDisc(exampleDisc(discs)),
  };
}
