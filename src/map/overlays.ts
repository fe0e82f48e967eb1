import { createContext, onCleanup, useContext } from 'solid-js';
import type { Insets } from './insets.ts';

/** An overlay wider than this share of the map covers its edge (the camera keeps marks from under it). */
const WIDE_OVERLAY = 0.4;

/**
 * Which edge of the map an overlay covers: `bottom` always (the legend), `top` only when it is wide (the fit controls
 * on a phone), `left` its left side, or its bottom where it is wide (a story's caption card, along a phone's bottom).
 */
export type OverlayEdge = 'bottom' | 'top' | 'left';

/**
 * The boxes laid over the map, registered with it by the components that draw them (the legend, the fit controls),
 * so that the map measures what covers it itself and its camera keeps clear of them.
 */
export function makeOverlayRegistry() {
  const overlays = new Map<Element, OverlayEdge>();
  return {
    add(element: Element, edge: OverlayEdge): () => void {
      overlays.set(element, edge);
      return () => overlays.delete(element);
    },
    /** What covers `map` now: the overlays, and `sheet` (a bottom sheet beside it, over it on a phone) where it lies over it. */
    covered(map: Element, sheet?: Element | null): Insets {
      const m = map.getBoundingClientRect();
      const box = (element: Element | null | undefined) => {
        const r = element?.getBoundingClientRect();
        return r && r.width > 0 && r.top < m.bottom && r.bottom > m.top && r.left < m.right && r.right > m.left ? r : null;
      };
      let top = 0;
      let left = 0;
      let bottom = m.bottom - (box(sheet)?.top ?? m.bottom);
      for (const [element, edge] of overlays) {
        const r = box(element);
        if (!r) continue;
        const wide = r.width > m.width * WIDE_OVERLAY;
        if (edge === 'bottom' || (edge === 'left' && wide)) bottom = Math.max(bottom, m.bottom - r.top);
        else if (edge === 'left') left = Math.max(left, r.right - m.left);
        else if (wide) top = Math.max(top, r.bottom - m.top);
      }
      return { top, right: 0, bottom, left };
    },
  };
}

export type OverlayRegistry = ReturnType<typeof makeOverlayRegistry>;

export const MapOverlayContext = createContext<OverlayRegistry | null>(null);

/** A ref that registers its element with the map it is drawn over (MapCanvas's children), for as long as it shows. */
export function createMapOverlay(edge: OverlayEdge): (element: Element) => void {
  const registry = useContext(MapOverlayContext);
  return (element) => {
    if (registry) onCleanup(registry.add(element, edge));
  };
}
