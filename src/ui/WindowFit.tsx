import { For, createEffect, createSignal, on, onCleanup, untrack } from 'solid-js';
import { formatCount } from '../core/format.ts';
import type { PlaceSummary } from '../core/model.ts';
import type { MapControls } from '../map/MapCanvas.tsx';
import { createMapOverlay } from '../map/overlays.ts';
import { offscreenByEdge, type Edge, type Offscreen } from '../map/offscreen.ts';

const SETTLE_MS = 150; // the hints are worked out once the window or the map has rested this long
const ARROWS: Record<Edge, string> = { top: '↑', right: '→', bottom: '↓', left: '←' };
const WHERE: Record<Edge, string> = { top: 'above the map', right: 'to the right', bottom: 'below the map', left: 'to the left' };

export interface WindowFitProps {
  controls: MapControls | null;
  places: readonly PlaceSummary[];
  /** Events of place number p under the window now (read untracked, when a change has settled or on a click). */
  count(p: number): number;
  /** Changes whenever the counts do (a step of the window, a change of filters): what the hints and Follow track. */
  counted(): unknown;
  playing: boolean;
}

/**
 * Keeps the window's events in sight: "Fit to window" frames the places that have events in the window, "Follow"
 * does so whenever the window moves (while playing too), and a hint at each edge of the map says how many of the
 * window's events lie beyond it (a click frames them all).
 */
export function WindowFit(props: WindowFitProps) {
  const [follow, setFollow] = createSignal(false);
  const overlay = createMapOverlay('top');
  const [offscreen, setOffscreen] = createSignal<Offscreen | null>(null);
  /** The middle of the part of the map clear of what covers it (px from the map's top): where the side hints sit. */
  const [middle, setMiddle] = createSignal<number | null>(null);
  /** The places with events under the window now. */
  const shownPlaces = () => untrack(() => props.places.filter((_, p) => props.count(p) > 0));
  const keyOf = (places: readonly PlaceSummary[]) => places.map((p) => p.id).join(',');
  let framed = ''; // the places framed last
  const fit = (places = shownPlaces()) => {
    framed = keyOf(places);
    props.controls?.fit(places.map((p) => p.lngLat), { maxZoom: 9 });
  };

  let settle: ReturnType<typeof setTimeout> | undefined;
  const measure = () => {
    clearTimeout(settle);
    settle = setTimeout(() => {
      const controls = props.controls;
      if (!controls) return;
      const at = props.places.map((place, p) => ({ ...controls.project(place.lngLat), events: props.count(p) }));
      const box = controls.visibleBox();
      setOffscreen(offscreenByEdge(at, box));
      setMiddle((box.top + box.bottom) / 2);
    }, SETTLE_MS);
  };
  onCleanup(() => clearTimeout(settle));
  createEffect(() => {
    const controls = props.controls;
    if (!controls) return;
    onCleanup(controls.onMoveEnd(measure));
    measure(); // the first view, which a map framed before it loaded may never end a move on (a phone's)
  });
  // The counts changed: measure again. Following, frame the window's places whenever the set of them changes
  // (not on every step of the window, which while playing would keep the camera moving). Nothing here walks the
  // places on a step unless Follow is on: a step of the window is the hot path.
  createEffect(on(props.counted, () => {
    if (follow()) {
      const places = shownPlaces();
      if (keyOf(places) !== framed) fit(places);
    }
    measure();
  }, { defer: true }));
  createEffect(on(follow, (following) => following && fit(), { defer: true }));

  const edges = () => (['top', 'right', 'bottom', 'left'] as const).filter((e) => (offscreen()?.[e].events ?? 0) > 0);
  // The map's labels keep clear of the hints, as drawn (measured once they are laid out; a hidden one has no box).
  const hints = new Set<HTMLElement>();
  let shieldFrame = 0;
  createEffect(on(offscreen, () => {
    cancelAnimationFrame(shieldFrame);
    shieldFrame = requestAnimationFrame(() => props.controls?.keepLabelsClearOf([...hints].map((el) => el.getBoundingClientRect())));
  }, { defer: true }));
  onCleanup(() => cancelAnimationFrame(shieldFrame));
  return (
    <>
      <div ref={overlay} class="window-fit" role="group" aria-label="The window's events on the map">
        <button type="button" onClick={() => fit()}>Fit to window</button>
        <label>
          <input type="checkbox" checked={follow()} onChange={(e) => setFollow(e.currentTarget.checked)} /> Follow{props.playing ? ' (playing)' : ''}
        </label>
      </div>
      <For each={edges()}>
        {(edge) => {
          const o = () => offscreen()![edge];
          return (
            <button
              ref={(el) => {
                hints.add(el);
                onCleanup(() => hints.delete(el));
              }}
              type="button"
              class={`offscreen offscreen-${edge}`}
              // A side hint sits at the middle of the map left clear, not of the whole map: the legend covers its lower part.
              style={{ top: (edge === 'left' || edge === 'right') && middle() !== null ? `${middle()}px` : undefined }}
              aria-label={`${formatCount(o().events)} ${o().events === 1 ? 'event' : 'events'} of the window at ${formatCount(o().places)} ${o().places === 1 ? 'place' : 'places'} ${WHERE[edge]}: fit the map to the window`}
              onClick={() => fit()}
            >
              {ARROWS[edge]} {formatCount(o().events)}
            </button>
          );
        }}
      </For>
    </>
  );
}
