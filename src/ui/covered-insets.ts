import type { Insets } from '../map/MapCanvas.tsx';

/** An overlay wider than this share of the map covers its edge (the camera keeps marks from under it). */
const WIDE_OVERLAY = 0.4;

/**
 * What covers the map, measured: the legend along its bottom, the Sources panel where it lies over the map, and on a
 * narrow map the fit controls along its top, and a story's caption card.
 */
export function coveredInsets(mapArea: HTMLElement, side: HTMLElement): Insets {
  const map = mapArea.getBoundingClientRect();
  const box = (element: Element | null | undefined) => {
    const r = element?.getBoundingClientRect();
    return r && r.width > 0 && r.top < map.bottom && r.bottom > map.top && r.left < map.right && r.right > map.left ? r : null;
  };
  const fromBottom = (element: Element | null | undefined) => map.bottom - (box(element)?.top ?? map.bottom);
  // The fit controls along the top count where they take much of its width (a phone), not as a corner of a wide map.
  const fit = box(mapArea.querySelector('.window-fit'));
  // A story's caption card: along the bottom where it spans the map (a phone), else down its left side.
  const story = box(mapArea.querySelector('.story-card'));
  const storyWide = story !== null && story.width > map.width * WIDE_OVERLAY;
  return {
    top: fit && fit.width > map.width * WIDE_OVERLAY ? fit.bottom - map.top : 0,
    right: 0,
    left: story && !storyWide ? story.right - map.left : 0,
    bottom: Math.max(fromBottom(mapArea.querySelector('.legend')), fromBottom(side.firstElementChild), storyWide ? map.bottom - story.top : 0),
  };
}
