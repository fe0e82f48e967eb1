import { createEffect, createMemo, createSignal, untrack, type Accessor } from 'solid-js';
import { exampleDisc, type DrawnDisc } from '../core/legend-disc.ts';
import { mainTheatre } from '../core/frame.ts';
import { categoryColor, createRadiusScale } from '../core/scales.ts';
import type { Dataset } from '../data/dataset.ts';
import { PlaceMarks, areaOutlines, outlinedAreas } from '../map/marks.ts';
import type { AppState } from '../state/app-state.ts';

/**
 * What the map draws of the app's state: the place marks and what changed of them with the last step of the window,
 * the outlines of areas with events, the ring of the selected place (once its sources show), the place lit from the
 * list of events, the first view's frame, and the legend's example disc as the map reports it. A new dataset has
 * marks of its own (its places, its scale of sizes), sent to the map whole.
 */
export function createMapPicture(data: Accessor<Dataset>, state: AppState) {
  const [disc, setDisc] = createSignal<DrawnDisc | null>(null, { equals: (a, b) => a?.events === b?.events && a?.places === b?.places });
  const look = createMemo(() => {
    const d = data();
    const radius = createRadiusScale(d.totals.reduce((a, b) => Math.max(a, b), 0));
    return { radius, marks: new PlaceMarks(d.places, { radius, color: (c) => categoryColor(c) }) };
  });
  // A place none of whose events is sure enough to show has no mark: all the marks are asked for again when that
  // changes, and for a new dataset (whose marks have sent nothing yet: no change to send before them).
  const markChanges = createMemo((before: { marks: PlaceMarks | null; changes: ReturnType<PlaceMarks['changes']> }) => {
    const { marks } = look();
    const counter = state.counter();
    const touched = state.touched();
    return { marks, changes: marks === before.marks ? marks.changes(counter, touched) : null };
  }, { marks: null, changes: null });
  // The map rings the selected place once its sources show: redrawing a busy map in software takes longer than
  // showing the text, and the text is what was asked for.
  const [marked, setMarked] = createSignal<string | null>(state.selected());
  createEffect(() => {
    const id = state.selected();
    if (!id) return setMarked(null);
    const mark = () => requestAnimationFrame(() => setTimeout(() => state.selected() === id && setMarked(id)));
    untrack(data).sourcesOf(id).then(mark, mark);
  });
  // The outlines are drawn again only when an area gains or loses its last event in the window, or is selected.
  const shownAreas = createMemo(
    () => {
      const d = data();
      return outlinedAreas(d.places, (p) => state.counts.count(d.placeNumber.get(p.id)!) > 0, marked());
    },
    [],
    { equals: (a, b) => a.length === b.length && a.every((p, i) => p === b[i]) },
  );
  const areas = createMemo(() => areaOutlines(shownAreas()));
  /** The place the list of events points at, ringed on the map round its mark as drawn now. */
  const lit = createMemo(() => {
    const id = state.lit();
    const d = data();
    const n = id === null ? undefined : d.placeNumber.get(id);
    return n === undefined ? null : { lngLat: d.places[n].lngLat, radius: look().radius(state.counts.count(n)) };
  });
  const first = untrack(data);
  const theatre = (first.frame?.map((id) => first.placesById.get(id)!) ?? mainTheatre(first.places, first.totalOf)).map((p) => p.lngLat);
  return {
    marks: () => look().marks.all(state.counter(), state.sureTotals()),
    markChanges: () => markChanges().changes,
    areas,
    marked,
    lit,
    theatre,
    disc,
    onDiscs: (discs: DrawnDisc[]) => setDisc(exampleDisc(discs)),
  };
}
