import { firstIndex } from './bisect.ts';
import type { Day } from './day.ts';
import { CODE_PLACE_SHIFT, NO_CONFIDENCE, categoryOfCode, offsetIndex, type EventColumns } from './event-columns.ts';
import type { EventMask } from './event-mask.ts';
import type { TimeWindow } from './time-window.ts';

/** One event of the chronological list, as the columns know it. */
export interface WindowEvent {
  /** Its event number (see EventColumns). */
  number: number;
  /** Its place's number. */
  place: number;
  /** Index into CATEGORIES. */
  category: number;
  start: Day;
  /** Inclusive; equal to start for an event of one day. */
  end: Day;
  /** The judge's confidence, 0–1; null for an event it did not score. */
  confidence: number | null;
}

/** The events of a window in chronological order, by position, without listing them: `length` and `numberAt(k)`. */
export interface WindowRows {
  readonly length: number;
  /** The event number of row k (0 ≤ k < length). */
  numberAt(k: number): number;
  /** The row of an event number, or −1 when the rows do not hold it. */
  rowOf(number: number): number;
  /** The first row whose event number is at least `number` (rows are in ascending number), or `length`. */
  rowFrom(number: number): number;
}

/**
 * The events under a time window (and a mask: the filters), in order of start day, as rows that can be read one at a
 * time: what a virtualised list needs at a million events. Rows are never materialised: events starting inside the
 * window are a range of event numbers (numbers follow start days), read through the mask's prefix counts by binary
 * search; before them come the events with a range of days that started before the window and reach into it, found
 * among the ranged events alone.
 *
 * Building costs one pass over the events (to find the ranged ones and their end days); a mask, one pass; a window,
 * the ranged events that start before it but not earlier than the longest range allows; a row, O(log events) with a
 * mask, O(1) without.
 */
export class WindowEvents {
  private readonly columns: EventColumns;
  /** The event numbers of events with a range of days, ascending, and each one's end day. */
  private readonly ranged: Int32Array;
  private readonly rangedEnd: Int32Array;
  /** `kept[i]`: events among numbers [0, i) that the mask keeps; null without a mask. */
  private kept: Int32Array | null = null;
  private mask: EventMask | null = null;

  /** The longest range of days of any event, in days (0 when none has a range). */
  private readonly longest: number;

  constructor(columns: EventColumns) {
    this.columns = columns;
    const { byStart, byEnd, endEvent, endOffsets, days, firstDay } = columns;
    let count = 0;
    for (let i = 0; i < byStart.length; i++) count += byStart[i] & 1;
    this.ranged = new Int32Array(count);
    this.rangedEnd = new Int32Array(count);
    for (let i = 0, k = 0; i < byStart.length; i++) if (byStart[i] & 1) this.ranged[k++] = i;
    for (let d = 0; d < days; d++) {
      for (let j = endOffsets[d]; j < endOffsets[d + 1]; j++) if (byEnd[j] & 1) this.rangedEnd[lowerBound(this.ranged, endEvent[j])] = firstDay + d;
    }
    let longest = 0;
    for (let k = 0; k < count; k++) longest = Math.max(longest, this.rangedEnd[k] - this.startOf(this.ranged[k]));
    this.longest = longest;
  }

  /** Lists only the events the mask keeps (null: every event). */
  setMask(mask: EventMask | null): void {
    if (mask === this.mask) return;
    if (mask && mask.length !== this.columns.byStart.length) throw new Error(`a mask of ${mask.length} events for ${this.columns.byStart.length}`);
    this.mask = mask;
    if (!mask) {
      this.kept = null;
      return;
    }
    const kept = new Int32Array(mask.length + 1);
    for (let i = 0; i < mask.length; i++) kept[i + 1] = kept[i] + (mask[i] ? 1 : 0);
    this.kept = kept;
  }

  /** The rows of a window: what the mask keeps of the events that overlap it, by start day (then input order). */
  rows(window: TimeWindow): WindowRows {
    const { startOffsets, days } = this.columns;
    if (window.to < window.from || days === 0) return EMPTY;
    const first = startOffsets[offsetIndex(this.columns, window.from)]; // the first event starting in the window
    const last = startOffsets[offsetIndex(this.columns, window.to + 1)]; // one past the last
    // Ranged events that started before the window and are still going on its first day: none can have started
    // before the window's first day less the longest range.
    const before: number[] = [];
    const { mask, ranged, rangedEnd } = this;
    const earliest = startOffsets[offsetIndex(this.columns, window.from - this.longest)];
    for (let k = lowerBound(ranged, earliest); k < ranged.length && ranged[k] < first; k++) if (rangedEnd[k] >= window.from && (!mask || mask[ranged[k]])) before.push(ranged[k]);
    const kept = this.kept;
    const inside = kept ? kept[last] - kept[first] : last - first;
    const length = before.length + inside;
    const numberAt = (k: number): number => {
      if (k < before.length) return before[k];
      const m = k - before.length;
      if (!kept) return first + m;
      // The smallest i in [first, last) with kept[i + 1] = kept[first] + m + 1.
      const target = kept[first] + m + 1;
      return firstIndex(first, last - 1, (i) => kept[i + 1] < target);
    };
    /** The row of the first event numbered at least `number` (the rows' numbers ascend). */
    const rowFrom = (number: number): number => {
      if (number <= first) return lowerBound(before, number);
      if (number >= last) return length;
      return before.length + (kept ? kept[number] - kept[first] : number - first);
    };
    const rowOf = (number: number): number => {
      const row = rowFrom(number);
      return row < length && numberAt(row) === number ? row : -1;
    };
    return { length, numberAt, rowOf, rowFrom };
  }

  /** What the columns say of an event: its place, category, days and confidence. */
  event(number: number): WindowEvent {
    const code = this.columns.byStart[number];
    const start = this.startOf(number);
    let end = start;
    if (code & 1) {
      const k = lowerBound(this.ranged, number);
      end = this.rangedEnd[k];
    }
    const hundredths = this.columns.confidence[number];
    return { number, place: code >> CODE_PLACE_SHIFT, category: categoryOfCode(code), start, end, confidence: hundredths === NO_CONFIDENCE ? null : hundredths / 100 };
  }

  /** The start day of an event number: the day whose slice of `byStart` holds it. */
  private startOf(number: number): Day {
    const { startOffsets, firstDay } = this.columns;
    // The last d with startOffsets[d] ≤ number (startOffsets[0] is 0).
    return firstDay + firstIndex(0, startOffsets.length, (d) => startOffsets[d] <= number) - 1;
  }
}

const EMPTY: WindowRows = { length: 0, numberAt: () => -1, rowOf: () => -1, rowFrom: () => 0 };

/** The first index of a sorted array whose value is ≥ x. */
function lowerBound(sorted: ArrayLike<number>, x: number): number {
  return firstIndex(0, sorted.length, (i) => sorted[i] < x);
}
