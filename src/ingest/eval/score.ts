import distance from '@turf/distance';
import type { EventRecord } from '../../core/model.ts';

/**
 * Scores extracted events against gold events written by reading (test/corpus/gold.json). A found event
 * matches a gold one when it is from the same article, quotes the same sentence (one contains the other: the
 * sentence splitter and the reader may cut a sentence differently), lies within the gold place's tolerance
 * and its dates lie inside the gold's acceptable range. Each gold event is matched at most once.
 *
 * Precision counts found events that match any gold event (required or not) as right, and the others as
 * false; recall is over the required gold events only.
 */
export interface GoldEvent {
  article: string;
  quote: string;
  place: string;
  start: string;
  end: string;
  acceptable: { from: string; to: string };
  category: string;
  required: boolean;
  note?: string;
}

export interface GoldTrap {
  article: string;
  quote: string;
  name: string;
  why: string;
  note?: string;
}

export interface GoldPlace {
  lngLat: [number, number];
  radiusKm: number | null;
}

export interface Scored {
  truePositives: number;
  falsePositives: number;
  /** Required gold events found. */
  found: number;
  /** Required gold events. */
  required: number;
  misses: { gold: GoldEvent; cause: string }[];
  falseEvents: { event: EventRecord; cause: string }[];
}

/** The cause of a miss when no event came from the gold event's sentence. */
export const NO_EVENT = 'no event from this sentence';

export const PLACE_TOLERANCE_KM = 25; // a found point this close to the gold point (plus either's radius) is the same place

export function scoreEvents(found: readonly EventRecord[], gold: readonly GoldEvent[], traps: readonly GoldTrap[], goldPlaces: ReadonlyMap<string, GoldPlace>, foundPlaces: ReadonlyMap<string, GoldPlace>): Scored {
  // Each found event matches at most one gold event and the other way round; where several could pair up (a
  // sentence naming Khan Younis and the Gaza Strip around it), required gold events pair first, then the closest
  // places: the score gives the pipeline every match a reader would grant.
  const pairs: { event: EventRecord; gold: GoldEvent; km: number }[] = [];
  for (const event of found) {
    const here = foundPlaces.get(event.place)!;
    for (const g of gold) {
      if (g.article !== event.article || !sameQuote(g.quote, event.quote) || event.start < g.acceptable.from || event.end > g.acceptable.to) continue;
      const there = goldPlaces.get(g.place)!;
      if (samePlace(there, here)) pairs.push({ event, gold: g, km: distance(there.lngLat, here.lngLat) });
    }
  }
  pairs.sort((a, b) => Number(b.gold.required) - Number(a.gold.required) || a.km - b.km);
  const used = new Set<GoldEvent>();
  const matched = new Set<EventRecord>();
  for (const { event, gold: g } of pairs) {
    if (used.has(g) || matched.has(event)) continue;
    used.add(g);
    matched.add(event);
  }
  const falseEvents: Scored['falseEvents'] = [];
  const truePositives = matched.size;
  for (const event of found) {
    if (matched.has(event)) continue;
    const here = foundPlaces.get(event.place)!;
    const sameSentence = gold.filter((g) => g.article === event.article && sameQuote(g.quote, event.quote));
    const trap = traps.find((t) => t.article === event.article && sameQuote(t.quote, event.quote));
    const atPlace = sameSentence.find((g) => samePlace(goldPlaces.get(g.place)!, here));
    const cause = atPlace
      ? `wrong date: ${event.start}..${event.end}, gold accepts ${atPlace.acceptable.from}..${atPlace.acceptable.to}`
      : sameSentence.length
        ? `wrong place: gold has ${sameSentence.map((g) => g.place).join(', ')}`
        : trap
          ? `a trap (${trap.why}: "${trap.name}")`
          : 'no event in this sentence';
    falseEvents.push({ event, cause });
  }
  const misses: Scored['misses'] = [];
  let foundRequired = 0;
  const required = gold.filter((g) => g.required);
  for (const g of required) {
    if (used.has(g)) {
      foundRequired++;
      continue;
    }
    const same = found.filter((e) => e.article === g.article && sameQuote(g.quote, e.quote));
    const cause = same.length === 0 ? NO_EVENT : same.some((e) => samePlace(goldPlaces.get(g.place)!, foundPlaces.get(e.place)!)) ? 'found with a date outside the acceptable range' : `found at another place (${same.map((e) => e.place).join(', ')})`;
    misses.push({ gold: g, cause });
  }
  return { truePositives, falsePositives: falseEvents.length, found: foundRequired, required: required.length, misses, falseEvents };
}

export function precision(s: Pick<Scored, 'truePositives' | 'falsePositives'>): number {
  const n = s.truePositives + s.falsePositives;
  return n === 0 ? 1 : s.truePositives / n;
}

export function recall(s: Pick<Scored, 'found' | 'required'>): number {
  return s.required === 0 ? 1 : s.found / s.required;
}

export function f1(s: Scored): number {
  const p = precision(s);
  const r = recall(s);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Adds scores up (per story into a half, halves into the whole). */
export function sumScores(scores: readonly Scored[]): Scored {
  return {
    truePositives: scores.reduce((n, s) => n + s.truePositives, 0),
    falsePositives: scores.reduce((n, s) => n + s.falsePositives, 0),
    found: scores.reduce((n, s) => n + s.found, 0),
    required: scores.reduce((n, s) => n + s.required, 0),
    misses: scores.flatMap((s) => s.misses),
    falseEvents: scores.flatMap((s) => s.falseEvents),
  };
}

function sameQuote(a: string, b: string): boolean {
  const x = squash(a);
  const y = squash(b);
  return x === y || (x.length > 20 && y.includes(x)) || (y.length > 20 && x.includes(y));
}

/** A quote with its runs of white space as one space, trimmed: quotes compare so. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function samePlace(gold: GoldPlace, found: GoldPlace): boolean {
  return distance(gold.lngLat, found.lngLat) <= PLACE_TOLERANCE_KM + (gold.radiusKm ?? 0) + (found.radiusKm ?? 0);
}

/** Whether a found event is one a gold event of its article accepts (same sentence, place within tolerance, dates inside the acceptable range). */
export function matchesGold(event: EventRecord, gold: readonly GoldEvent[], goldPlaces: ReadonlyMap<string, GoldPlace>, foundPlaces: ReadonlyMap<string, GoldPlace>): boolean {
  const here = foundPlaces.get(event.place);
  return here !== undefined && gold.some((g) => g.article === event.article && sameQuote(g.quote, event.quote) && event.start >= g.acceptable.from && event.end <= g.acceptable.to && samePlace(goldPlaces.get(g.place)!, here));
}
