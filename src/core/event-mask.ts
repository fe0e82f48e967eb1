import { categoryOfCode, type EventColumns } from './event-columns.ts';

/**
 * Masks over the events of a dataset: one byte per event number (see EventColumns), 1 for an event the filters keep,
 * 0 for one they leave out. `null` stands for "every event" wherever a mask is taken. Each is one pass over the events.
 */
export type EventMask = Uint8Array;

/** The events whose category index is one of `categories`. */
export function categoryMask(columns: EventColumns, categories: Iterable<number>): EventMask {
  const wanted = new Uint8Array(16); // category index → 1 when wanted (4 bits of category in a code)
  for (const c of categories) wanted[c] = 1;
  const { byStart } = columns;
  const mask = new Uint8Array(byStart.length);
  for (let i = 0; i < byStart.length; i++) mask[i] = wanted[categoryOfCode(byStart[i])];
  return mask;
}

/** The events of one article (by number). */
export function articleMask(columns: EventColumns, article: number): EventMask {
  const { article: articleOf } = columns;
  const mask = new Uint8Array(articleOf.length);
  for (let i = 0; i < articleOf.length; i++) mask[i] = articleOf[i] === article ? 1 : 0;
  return mask;
}

/** The events of the articles of one outlet (by number). */
export function outletMask(columns: EventColumns, outlet: number): EventMask {
  const ofOutlet = new Uint8Array(columns.articleOutlet.length);
  for (let a = 0; a < ofOutlet.length; a++) ofOutlet[a] = columns.articleOutlet[a] === outlet ? 1 : 0;
  const { article } = columns;
  const mask = new Uint8Array(article.length);
  for (let i = 0; i < article.length; i++) mask[i] = article[i] >= 0 ? ofOutlet[article[i]] : 0;
  return mask;
}

/**
 * The events whose confidence is at least `min` (hundredths, see toHundredths: "at or above" the threshold), and every
 * event the judge did not score; null when `min` is 0 or less (every event).
 */
export function confidenceMask(columns: EventColumns, min: number): EventMask | null {
  if (min <= 0) return null;
  const { confidence } = columns;
  const mask = new Uint8Array(confidence.length);
  for (let i = 0; i < confidence.length; i++) mask[i] = confidence[i] >= min ? 1 : 0;
  return mask;
}

/** The events every given mask keeps; null when no mask is given (every event). The masks are not changed. */
export function intersectMasks(masks: readonly (EventMask | null)[]): EventMask | null {
  const given = masks.filter((m): m is EventMask => m !== null);
  if (given.length === 0) return null;
  if (given.length === 1) return given[0];
  const out = given[0].slice();
  for (const mask of given.slice(1)) for (let i = 0; i < out.length; i++) out[i] &= mask[i];
  return out;
}

/** How many events a mask keeps. */
export function maskCount(mask: EventMask): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  return n;
}
