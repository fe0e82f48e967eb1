import type { Day } from './day.ts';
import type { MapView } from './url-state.ts';

/**
 * A story: an authored walk through the map, `data/stories/<id>.json` (see docs/sharing.md), validated by
 * validate/stories.ts and compiled into `stories.json`. Each step sets the time window and either opens a place or
 * moves the map to a view, with a caption to read.
 */
export interface Story {
  /** The file's name without `.json`: lowercase kebab-case, what `#story=` names. */
  id: string;
  title: string;
  steps: StoryStep[];
}

export interface StoryStep {
  /** The window, both days included, from ≤ to. */
  from: Day;
  to: Day;
  /** A place id the dataset shows, or null when the step shows `view`. Exactly one of place and view is set. */
  place: string | null;
  view: MapView | null;
  title: string | null;
  /** Plain text, shown as written. */
  caption: string;
}

/** The step a `step=` number (1-based) names in a story of `count` steps, clamped to [1, count]. */
export function clampStep(step: number | undefined, count: number): number {
  if (step === undefined || !Number.isFinite(step)) return 1;
  return Math.min(count, Math.max(1, Math.round(step)));
}
