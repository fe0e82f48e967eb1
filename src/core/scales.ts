import { scaleOrdinal, scaleSqrt } from 'd3-scale';
import { CATEGORIES, type Category } from './model.ts';

/** Colours per category: colour-blind-safe (Okabe–Ito), strong enough to carry over a muted basemap. */
const CATEGORY_COLORS: Record<Category, string> = {
  capture: '#d55e00', // vermilion
  recapture: '#009e73', // bluish green
  attack: '#cc3d8f', // reddish purple
  airstrike: '#e69f00', // orange
  meeting: '#0072b2', // blue
  statement: '#56b4e9', // sky blue
  protest: '#999933', // olive (Paul Tol's muted scheme, for the kinds Okabe–Ito has no colour left for)
  disaster: '#332288', // indigo
  election: '#882255', // wine
  humanitarian: '#44aa99', // teal
  other: '#7a7a7a', // grey
};

export const categoryColor = scaleOrdinal<Category, string>()
  .domain(CATEGORIES)
  .range(CATEGORIES.map((c) => CATEGORY_COLORS[c]));

/**
 * Mark radius in pixels for an event count: area grows with the count (square root), from 3 px at zero to 26 px
 * for the busiest place of the whole dataset, so a mark's size means the same at every window.
 */
export function createRadiusScale(maxCount: number) {
  return scaleSqrt().domain([0, Math.max(1, maxCount)]).range([3, 26]).clamp(true);
}
