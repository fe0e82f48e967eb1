import { CATEGORIES, type Category } from './model.ts';
import type { TimeWindow } from './time-window.ts';

/** What the index needs of an event: where, when (inclusive days), what kind. */
export interface IndexedEvent {
  place: string;
  start: number;
  end: number;
  category: Category;
}

/**
 * Counts of events per place under any time window, exact, without touching the events again.
 *
 * For each place and category it keeps the events' start days and end days, each sorted, in one typed array
 * (offsets per place × list, the lists being the categories and one more for events whose date is a range). Events overlapping [from, to] are those with start ≤ to, less those with
 * end < from (an event ending before the window also starts before it): two binary searches per list.
 * Cost per window: O(places × categories × log n), whatever the number of events.
 */
export class EventIndex {
  /** Place ids, in first-seen order; a place's number is its index here. */
  readonly places: readonly string[];
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** offsets[(place * K + category)] … offsets[… + 1]: that list's slice of `starts` and `ends`. */
  private readonly offsets: Int32Array;
  private readonly allStarts: Int32Array;
  private readonly allEnds: Int32Array;

  constructor(events: readonly IndexedEvent[]) {
    const placeIds = new Map<string, number>();
    for (const e of events) if (!placeIds.has(e.place)) placeIds.set(e.place, placeIds.size);
    this.places = [...placeIds.keys()];
    const L = LISTS;
    const categoryIndex = new Map(CATEGORIES.map((c, i) => [c, i]));
    const lists = placeIds.size * L;
    const sizes = new Int32Array(lists + 1);
    for (const e of events) {
      const base = placeIds.get(e.place)! * L;
      sizes[base + categoryIndex.get(e.category)! + 1]++;
      if (e.end > e.start) sizes[base + RANGED + 1]++;
    }
    for (let i = 1; i <= lists; i++) sizes[i] += sizes[i - 1];
    this.offsets = sizes;
    this.starts = new Int32Array(sizes[lists]);
    this.ends = new Int32Array(sizes[lists]);
    const fill = this.offsets.slice(0, lists);
    const put = (list: number, e: IndexedEvent) => {
      const at = fill[list]++;
      this.starts[at] = e.start;
      this.ends[at] = e.end;
    };
    for (const e of events) {
      const base = placeIds.get(e.place)! * L;
      put(base + categoryIndex.get(e.category)!, e);
      if (e.end > e.start) put(base + RANGED, e);
    }
    for (let list = 0; list < lists; list++) {
      this.starts.subarray(this.offsets[list], this.offsets[list + 1]).sort();
      this.ends.subarray(this.offsets[list], this.offsets[list + 1]).sort();
    }
    this.allStarts = Int32Array.from(events, (e) => e.start).sort();
    this.allEnds = Int32Array.from(events, (e) => e.end).sort();
  }

  /** Events overlapping the window, all places. */
  total(window: TimeWindow): number {
    return countAtMost(this.allStarts, 0, this.allStarts.length, window.to) - countAtMost(this.allEnds, 0, this.allEnds.length, window.from - 1);
  }

  /**
   * Per place (by number): events in the window, how many of them have a date range, and the commonest category
   * (index into CATEGORIES, −1 for none; ties go to the earlier category).
   */
  countPlaces(window: TimeWindow): { counts: Int32Array; uncertain: Int32Array; dominant: Int8Array } {
    const n = this.places.length;
    const counts = new Int32Array(n);
    const uncertain = new Int32Array(n);
    const dominant = new Int8Array(n);
    for (let p = 0; p < n; p++) {
      let best = -1;
      let bestCount = 0;
      for (let c = 0; c < CATEGORIES.length; c++) {
        const k = this.countList(p * LISTS + c, window);
        counts[p] += k;
        if (k > bestCount) {
          bestCount = k;
          best = c;
        }
      }
      uncertain[p] = this.countList(p * LISTS + RANGED, window);
      dominant[p] = best;
    }
    return { counts, uncertain, dominant };
  }

  private countList(list: number, window: TimeWindow): number {
    const from = this.offsets[list];
    const to = this.offsets[list + 1];
    if (from === to) return 0;
    return countAtMost(this.starts, from, to, window.to) - countAtMost(this.ends, from, to, window.from - 1);
  }
}

const RANGED = CATEGORIES.length; // the list after the categories: events whose date is a range
const LISTS = CATEGORIES.length + 1;

/** How many values in the sorted slice [from, to) of `sorted` are ≤ `value`. */
function countAtMost(sorted: Int32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - from;
}
