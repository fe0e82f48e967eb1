import * as chrono from 'chrono-node';
import { dayFromParts, formatDay, parseDay } from '../../core/day.ts';

/** A value read for an article's record, and where it was read from ("og:title", "the dateline", "--outlet"). */
export interface Found<T> {
  value: T;
  from: string;
}

/** What could be read of an article's record from its source; a field absent was not found. */
export interface ArticleMeta {
  headline?: Found<string>;
  outlet?: Found<string>;
  /** `YYYY-MM-DD`. */
  published?: Found<string>;
  url?: Found<string>;
}

/** An article read from a file: its text as it will be kept, what was read of its record, and notes for the person. */
export interface ReadArticle {
  text: string;
  meta: ArticleMeta;
  /** Why a field could not be read, or what disagreed (a dateline's day against the page's date). */
  notes: string[];
  /** Why the file is not an article at all (an error page saved in its place), whatever the flags say. */
  refused?: { field: string; message: string };
}

/**
 * The publication day of a machine-readable date ("2014-06-23T18:30:00-04:00", "2014-06-23"): the calendar day as
 * the outlet wrote it, not moved to UTC (an evening story in New York is dated by New York's day). Null for anything
 * else.
 */
export function dayOfIsoDate(text: string): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  if (!m) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  return parseDay(day) === null ? null : day;
}

/**
 * The day a person wrote ("June 23, 2014", "23 June 2014", "2014-06-23"), read by chrono-node strictly: the year,
 * month and day must all be written. Null otherwise; never a guessed year.
 */
export function dayOfWrittenDate(text: string): string | null {
  const iso = /\b\d{4}-\d{2}-\d{2}\b/.exec(text);
  if (iso) return dayOfIsoDate(iso[0]);
  for (const result of chrono.strict.parse(text)) {
    const s = result.start;
    if (!s.isCertain('year') || !s.isCertain('month') || !s.isCertain('day')) continue;
    const day = dayFromParts(s.get('year')!, s.get('month')!, s.get('day')!);
    if (day !== null) return formatDay(day);
  }
  return null;
}

/** A month and day written without a year ("June 23", "Jan. 22"), as [month 1–12, day], or null. */
export function monthDayOf(text: string): [number, number] | null {
  for (const result of chrono.strict.parse(text)) {
    const s = result.start;
    if (s.isCertain('month') && s.isCertain('day')) return [s.get('month')!, s.get('day')!];
  }
  return null;
}

/** Whitespace collapsed and trimmed; null when nothing is left. */
export function cleanText(text: string | null | undefined): string | null {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  return clean === '' ? null : clean;
}

/** An absolute http(s) URL, or null. */
export function httpUrl(text: string | null | undefined, base?: string): string | null {
  if (!text) return null;
  try {
    const url = new URL(text.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
