import type { Day } from './day.ts';
import { CATEGORIES } from './model.ts';
import type { TimeWindow } from './time-window.ts';

/**
 * Every event of a dataset as two columns of small integers, one ordered by start day, one by end day, each cut
 * into days by an offsets array; beside them, what ties the two orders together and each event's article, for the
 * filters, and the judge's confidence in it. This is what the app holds instead of a million event objects: 17 bytes an
 * event.
 *
 * An event's number is its index in `byStart`: for events given sorted by start day (as events.json is), their
 * index in that list. Masks over events (event-mask.ts) are indexed by it.
 *
 * An event's code is `place << 5 | category << 1 | ranged` (ranged: its date is a range of days, not one day;
 * category: 4 bits, up to 16 kinds).
 * Events overlapping a window [from, to] are those whose start ≤ to, less those whose end < from (an event that
 * ended before the window also started before it): a prefix of `byStart` less a prefix of `byEnd`.
 */
export interface EventColumns {
  /** The first day of the extent: day index i is `firstDay + i`. */
  firstDay: Day;
  /** Days in the extent (0 when there are no events). */
  days: number;
  places: number;
  /** `startOffsets[i]`: how many events start before day index i (length days + 1). */
  startOffsets: Int32Array;
  /** `endOffsets[i]`: how many events end before day index i (length days + 1). */
  endOffsets: Int32Array;
  byStart: Int32Array;
  byEnd: Int32Array;
  /** `endEvent[j]`: the number of the event whose code is `byEnd[j]`. */
  endEvent: Int32Array;
  /** Per event number: its article's number, −1 for none. */
  article: Int32Array;
  /** Per article number: its outlet's number (an index into the dataset's outlet names), −1 when unknown. */
  articleOutlet: Int32Array;
  /** Per event number: the judge's confidence in hundredths (0–100), NO_CONFIDENCE for an event it did not judge. */
  confidence: Uint8Array;
}

/** What the columns need of an event: its place number, inclusive days, category index and article number. */
export interface ColumnEvent {
  place: number;
  start: Day;
  end: Day;
  category: number;
  /** −1 (or absent) for none. */
  article?: number;
  /** The judge's confidence, 0–1 (events.json's `confidence`); absent when the event was not judged. */
  confidence?: number;
}

/** The confidence column's value for an event the judge did not score (a file the rules alone wrote): above any threshold. */
export const NO_CONFIDENCE = 255;

/** A confidence (0–1) or a threshold in the columns' unit, hundredths: 0.47 → 47. */
export function toHundredths(confidence: number): number {
  return Math.round(confidence * 100);
}

export const CODE_PLACE_SHIFT = 5;
const CATEGORY_MASK = 15; // 4 bits
// Per place: one counter per category, then one for events with a range, then one for events under the unsure line.
const RANGED_SLOT = CATEGORIES.length;
const UNSURE_SLOT = CATEGORIES.length + 1;
const SLOTS = CATEGORIES.length + 2;

export function encodeEvent(e: ColumnEvent): number {
  return (e.place << CODE_PLACE_SHIFT) | (e.category << 1) | (e.end > e.start ? 1 : 0);
}

/** An event code's category index. */
export function categoryOfCode(code: number): number {
  return (code >> 1) & CATEGORY_MASK;
}

/**
 * Builds the columns in O(events + days) (a counting sort by day, stable: events of a day keep their order).
 * `articleOutlet` gives each article number its outlet number (−1 unknown).
 */
export function buildColumns(events: readonly ColumnEvent[], places: number, articleOutlet: ArrayLike<number> = []): EventColumns {
  let first = Infinity;
  let last = -Infinity;
  for (const e of events) {
    if (e.start < first) first = e.start;
    if (e.end > last) last = e.end;
  }
  const days = events.length === 0 ? 0 : last - first + 1;
  const firstDay = events.length === 0 ? 0 : first;
  const offsetsBy = (dayOf: (e: ColumnEvent) => number) => {
    const offsets = new Int32Array(days + 1);
    for (const e of events) offsets[dayOf(e) - firstDay + 1]++;
    for (let i = 1; i <= days; i++) offsets[i] += offsets[i - 1];
    return offsets;
  };
  const startOffsets = offsetsBy((e) => e.start);
  const endOffsets = offsetsBy((e) => e.end);
  const n = events.length;
  const byStart = new Int32Array(n);
  const article = new Int32Array(n);
  const confidence = new Uint8Array(n);
  const numberOf = new Int32Array(n); // input index → event number
  let fill = startOffsets.slice(0, days);
  events.forEach((e, i) => {
    const at = fill[e.start - firstDay]++;
    byStart[at] = encodeEvent(e);
    article[at] = e.article ?? -1;
    confidence[at] = e.confidence === undefined ? NO_CONFIDENCE : toHundredths(e.confidence);
    numberOf[i] = at;
  });
  const byEnd = new Int32Array(n);
  const endEvent = new Int32Array(n);
  fill = endOffsets.slice(0, days);
  events.forEach((e, i) => {
    const at = fill[e.end - firstDay]++;
    byEnd[at] = encodeEvent(e);
    endEvent[at] = numberOf[i];
  });
  return { firstDay, days, places, startOffsets, endOffsets, byStart, byEnd, endEvent, article, articleOutlet: Int32Array.from(articleOutlet), confidence };
}

/** The index into an offsets array for "before `day`", clamped to the extent. */
export function offsetIndex(columns: EventColumns, day: Day): number {
  return Math.min(Math.max(day - columns.firstDay, 0), columns.days);
}

/** Events overlapping the window, all places: O(1). */
export function totalInWindow(columns: EventColumns, window: TimeWindow): number {
  if (window.to < window.from) return 0;
  return columns.startOffsets[offsetIndex(columns, window.to + 1)] - columns.endOffsets[offsetIndex(columns, window.from)];
}

/**
 * Per-place counts for a time window that moves, kept exact. Moving the window adds and removes only the events
 * whose start or end day lies between the old and the new bounds, so a one-day step costs the events of about two
 * days, whatever the size of the dataset; a long jump costs at most one pass over the columns.
 *
 * A mask (one byte per event number, non-zero: counted) leaves the other events out of every count: the filters.
 * Setting one recounts the window in one pass; moving the window under it stays step by step.
 *
 * `unsureBelow` (hundredths, or null) is the data's default threshold: the events counted whose confidence is under
 * it are also counted apart per place (`unsure`), so a mark can say that all it shows are unsure.
 */
export class WindowCounts {
  private readonly columns: EventColumns;
  /** Per place, SLOTS counters: the categories, then events with a range. */
  private readonly slots: Int32Array;
  private readonly totals: Int32Array;
  /** Prefix lengths now counted: byStart[0, started) added, byEnd[0, ended) removed. */
  private started = 0;
  private ended = 0;
  /** Events counted now. */
  private shown = 0;
  private readonly touched: Int32Array;
  private readonly stamp: Int32Array;
  private generation = 0;
  /** The mask by event number (null: every event), and the same mask in `byEnd` order. */
  private startMask: Uint8Array | null = null;
  private endMask: Uint8Array | null = null;
  /** Per event, 1 when its confidence is under the unsure line: in `byStart` order and in `byEnd` order (null: none is). */
  private readonly startUnsure: Uint8Array | null;
  private readonly endUnsure: Uint8Array | null;

  constructor(columns: EventColumns, unsureBelow: number | null = null) {
    this.columns = columns;
    this.startUnsure = unsureBelow === null ? null : columns.confidence.map((c) => (c < unsureBelow ? 1 : 0));
    this.endUnsure = this.startUnsure && inEndOrder(this.startUnsure, columns.endEvent);
    this.slots = new Int32Array(columns.places * SLOTS);
    this.totals = new Int32Array(columns.places);
    this.touched = new Int32Array(columns.places);
    this.stamp = new Int32Array(columns.places);
  }

  get places(): number {
    return this.columns.places;
  }

  /** The mask the counts are under (null: none); as given to setMask. */
  get mask(): Uint8Array | null {
    return this.startMask;
  }

  /**
   * Counts only the events the mask keeps (null: every event), under the same window, in one pass over the events
   * of the window. Every place may have changed.
   */
  setMask(mask: Uint8Array | null): void {
    if (mask === this.startMask) return;
    if (mask && mask.length !== this.columns.byStart.length) throw new Error(`a mask of ${mask.length} events for ${this.columns.byStart.length}`);
    this.startMask = mask;
    this.endMask = mask && inEndOrder(mask, this.columns.endEvent);
    const { started, ended } = this;
    this.clear();
    this.apply(started, ended, false);
  }

  private clear() {
    this.slots.fill(0);
    this.totals.fill(0);
    this.shown = 0;
    this.started = 0;
    this.ended = 0;
  }

  /**
   * Counts the window. Returns the places whose counts may have changed (a view, valid until the next call), or
   * null when any place may have.
   */
  moveTo(window: TimeWindow): Int32Array | null {
    const c = this.columns;
    const empty = window.to < window.from;
    const started = empty ? 0 : c.startOffsets[offsetIndex(c, window.to + 1)];
    const ended = empty ? 0 : c.endOffsets[offsetIndex(c, window.from)];
    const stepCost = Math.abs(started - this.started) + Math.abs(ended - this.ended);
    if (started + ended < stepCost) {
      // Cheaper to count from nothing than to walk from where we are.
      this.clear();
      this.apply(started, ended, false);
      return null;
    }
    this.generation++;
    return this.touched.subarray(0, this.apply(started, ended, true));
  }

  /** Walks both prefixes to their new lengths; returns how many places were touched (when tracking). */
  private apply(started: number, ended: number, track: boolean): number {
    const { byStart, byEnd } = this.columns;
    let n = 0;
    const visit = (code: number, delta: number, unsure: number) => {
      const place = code >> CODE_PLACE_SHIFT;
      const base = place * SLOTS;
      this.slots[base + ((code >> 1) & CATEGORY_MASK)] += delta;
      if (code & 1) this.slots[base + RANGED_SLOT] += delta;
      if (unsure) this.slots[base + UNSURE_SLOT] += delta;
      this.totals[place] += delta;
      this.shown += delta;
      if (track && this.stamp[place] !== this.generation) {
        this.stamp[place] = this.generation;
        this.touched[n++] = place;
      }
    };
    const startMask = this.startMask;
    const endMask = this.endMask;
    const su = this.startUnsure ?? NONE_UNSURE;
    const eu = this.endUnsure ?? NONE_UNSURE;
    if (startMask && endMask) {
      for (let i = this.started; i < started; i++) if (startMask[i]) visit(byStart[i], 1, su[i]);
      for (let i = started; i < this.started; i++) if (startMask[i]) visit(byStart[i], -1, su[i]);
      for (let i = this.ended; i < ended; i++) if (endMask[i]) visit(byEnd[i], -1, eu[i]);
      for (let i = ended; i < this.ended; i++) if (endMask[i]) visit(byEnd[i], 1, eu[i]);
    } else {
      for (let i = this.started; i < started; i++) visit(byStart[i], 1, su[i]);
      for (let i = started; i < this.started; i++) visit(byStart[i], -1, su[i]);
      for (let i = this.ended; i < ended; i++) visit(byEnd[i], -1, eu[i]);
      for (let i = ended; i < this.ended; i++) visit(byEnd[i], 1, eu[i]);
    }
    this.started = started;
    this.ended = ended;
    return n;
  }

  /** Events in the window (under the mask), all places. */
  total(): number {
    return this.shown;
  }

  count(place: number): number {
    return this.totals[place];
  }

  /** Events at the place whose date is a range. */
  uncertain(place: number): number {
    return this.slots[place * SLOTS + RANGED_SLOT];
  }

  /** Events at the place whose confidence is under the unsure line (0 without one). */
  unsure(place: number): number {
    return this.slots[place * SLOTS + UNSURE_SLOT];
  }

  /** The commonest category at the place (index into CATEGORIES; ties go to the earlier), −1 for none. */
  dominant(place: number): number {
    let best = -1;
    let bestCount = 0;
    for (let k = 0, base = place * SLOTS; k < CATEGORIES.length; k++) {
      if (this.slots[base + k] > bestCount) {
        bestCount = this.slots[base + k];
        best = k;
      }
    }
    return best;
  }
}

/** Read as "no event is unsure": out of range reads undefined, which counts as 0. */
const NONE_UNSURE: ArrayLike<number> = { length: 0 };

/** A mask by event number, rewritten in the order of `byEnd`. */
function inEndOrder(mask: Uint8Array, endEvent: Int32Array): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let j = 0; j < endEvent.length; j++) out[j] = mask[endEvent[j]];
  return out;
}

/** Events at one place, all dates, that a mask keeps (every one of them with no mask): one pass over the events. */
export function countAtPlace(columns: EventColumns, place: number, mask: Uint8Array | null): number {
  let n = 0;
  const { byStart } = columns;
  for (let i = 0; i < byStart.length; i++) if (byStart[i] >> CODE_PLACE_SHIFT === place && (!mask || mask[i])) n++;
  return n;
}

/** Events per place over the whole extent (only those a mask keeps, by event number, when one is given). */
export function placeTotals(columns: EventColumns, mask: Uint8Array | null = null): Int32Array {
  const totals = new Int32Array(columns.places);
  for (let i = 0; i < columns.byStart.length; i++) if (!mask || mask[i]) totals[columns.byStart[i] >> CODE_PLACE_SHIFT]++;
  return totals;
}

/**
 * Per day of the extent: events known to have happened on it (`exact`), and events whose range includes it
 * (`possible`); only the events a mask keeps (by event number), when one is given. Built in one pass over the columns.
 */
export function dailyCounts(columns: EventColumns, mask: Uint8Array | null = null): { exact: Int32Array; possible: Int32Array } {
  const { days, startOffsets, endOffsets, byStart, byEnd, endEvent } = columns;
  const exact = new Int32Array(days);
  const possible = new Int32Array(days);
  let open = 0;
  for (let d = 0; d < days; d++) {
    for (let i = startOffsets[d]; i < startOffsets[d + 1]; i++) {
      if (mask && !mask[i]) continue;
      if (byStart[i] & 1) open++;
      else exact[d]++;
    }
    possible[d] = open;
    for (let i = endOffsets[d]; i < endOffsets[d + 1]; i++) if (byEnd[i] & 1 && (!mask || mask[endEvent[i]])) open--;
  }
  return { exact, possible };
}

/** The days on which at least one event (that the mask keeps, when one is given) starts, sorted. */
export function startDays(columns: EventColumns, mask: Uint8Array | null = null): Day[] {
  const days: Day[] = [];
  const { startOffsets } = columns;
  for (let d = 0; d < columns.days; d++) {
    let some = startOffsets[d + 1] > startOffsets[d];
    if (some && mask) {
      some = false;
      for (let i = startOffsets[d]; i < startOffsets[d + 1] && !some; i++) some = mask[i] !== 0;
    }
    if (some) days.push(columns.firstDay + d);
  }
  return days;
}

// The binary file the app fetches: a header of int32s, then the int32 arrays, little-endian, then the confidence
// bytes, padded with zeros to a whole number of int32s.
const MAGIC = 0x444c4e34; // "DLN4": with the confidence bytes (DLN3 had endEvent, article and articleOutlet; DLN2 only the two columns)
const HEADER = 6; // magic, firstDay, days, places, events, articles

export function encodeColumns(c: EventColumns): Uint8Array {
  const wordCount = HEADER + 2 * (c.days + 1) + 4 * c.byStart.length + c.articleOutlet.length;
  const words = new Int32Array(wordCount + Math.ceil(c.confidence.length / 4));
  words.set([MAGIC, c.firstDay, c.days, c.places, c.byStart.length, c.articleOutlet.length]);
  let at = HEADER;
  for (const part of [c.startOffsets, c.endOffsets, c.byStart, c.byEnd, c.endEvent, c.article, c.articleOutlet]) {
    words.set(part, at);
    at += part.length;
  }
  const bytes = littleEndian(new Uint8Array(words.buffer, 0, wordCount * 4));
  const out = new Uint8Array(words.buffer);
  out.set(c.confidence, bytes.byteLength); // bytes: no order to fix
  return out;
}

/** Reads `encodeColumns` output; throws when the buffer is not such a file. */
export function decodeColumns(buffer: ArrayBuffer): EventColumns {
  if (buffer.byteLength % 4 !== 0) throw new Error('not a Datelines columns file');
  const words = new Int32Array(IS_LITTLE_ENDIAN ? buffer : littleEndian(new Uint8Array(buffer.slice(0))).buffer);
  if (words.length < HEADER || words[0] !== MAGIC) throw new Error('not a Datelines columns file (or one of another version: build the app again)');
  const [, firstDay, days, places, events, articles] = words;
  const wordCount = HEADER + 2 * (days + 1) + 4 * events + articles;
  if (words.length !== wordCount + Math.ceil(events / 4)) throw new Error('columns file is truncated');
  let at = HEADER;
  const take = (n: number) => words.subarray(at, (at += n));
  return {
    firstDay,
    days,
    places,
    startOffsets: take(days + 1),
    endOffsets: take(days + 1),
    byStart: take(events),
    byEnd: take(events),
    endEvent: take(events),
    article: take(events),
    articleOutlet: take(articles),
    confidence: new Uint8Array(buffer, wordCount * 4, events),
  };
}

/** Int32Array bytes are in the platform's order; the file is little-endian (every platform a browser runs on today). */
const IS_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function littleEndian(bytes: Uint8Array): Uint8Array {
  if (IS_LITTLE_ENDIAN) return bytes;
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    [bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]] = [bytes[i + 3], bytes[i + 2], bytes[i + 1], bytes[i]];
  }
  return bytes;
}
