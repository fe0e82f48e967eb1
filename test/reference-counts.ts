import { buildColumns, type EventColumns } from '../src/core/event-columns.ts';
import { CATEGORIES, type Category, type MapEvent } from '../src/core/model.ts';
import { overlaps, type TimeWindow } from '../src/core/time-window.ts';

/** What the reference counts of a place in a window (WindowCounts gives the same, a place number at a time). */
export interface PlaceCount {
  /** Events at the place inside the window. */
  count: number;
  /** The category with the most events in the window (ties: the earlier in CATEGORIES order). */
  dominant: Category | null;
  /** Events whose date is a range wider than one day. */
  uncertain: number;
  /** Events whose confidence is under `unsureBelow` (0–1; none when it is not given). */
  unsure: number;
}

/**
 * Events per place inside a window; places without events in it are absent. One pass over every event: the
 * reference that WindowCounts (what the app uses) is tested against.
 */
export function countByPlace(events: readonly MapEvent[], window: TimeWindow, categories: readonly Category[], unsureBelow: number | null = null): Map<string, PlaceCount> {
  const tallies = new Map<string, { count: number; uncertain: number; unsure: number; byCategory: Map<Category, number> }>();
  for (const e of events) {
    if (!overlaps(e, window)) continue;
    let t = tallies.get(e.place);
    if (!t) tallies.set(e.place, (t = { count: 0, uncertain: 0, unsure: 0, byCategory: new Map() }));
    t.count++;
    if (e.end > e.start) t.uncertain++;
    if (unsureBelow !== null && e.confidence !== undefined && e.confidence < unsureBelow) t.unsure++;
    t.byCategory.set(e.category, (t.byCategory.get(e.category) ?? 0) + 1);
  }
  const result = new Map<string, PlaceCount>();
  for (const [place, t] of tallies) {
    let dominant: Category | null = null;
    for (const c of categories) if ((t.byCategory.get(c) ?? 0) > (dominant ? t.byCategory.get(dominant)! : 0)) dominant = c;
    result.set(place, { count: t.count, dominant, uncertain: t.uncertain, unsure: t.unsure });
  }
  return result;
}

export function countInWindow(events: readonly MapEvent[], window: TimeWindow): number {
  let n = 0;
  for (const e of events) if (overlaps(e, window)) n++;
  return n;
}

/** The columns of some events (with their confidence, when they have one), places numbered in first-seen order. */
export function columnsOf(events: readonly MapEvent[]): { columns: EventColumns; places: string[] } {
  const places = [...new Set(events.map((e) => e.place))];
  const number = new Map(places.map((p, i) => [p, i]));
  const columns = buildColumns(
    events.map((e) => ({ place: number.get(e.place)!, start: e.start, end: e.end, category: CATEGORIES.indexOf(e.category), confidence: e.confidence })),
    places.length,
  );
  return { columns, places };
}
