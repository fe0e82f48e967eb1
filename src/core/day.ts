/**
 * Calendar days as integers: days since 1970-01-01 (UTC). A `Day` never carries a time or a zone,
 * so arithmetic on it cannot drift across daylight-saving changes or the runner's time zone.
 */
export type Day = number;

/** Milliseconds in a UTC calendar day. */
export const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; returns null for anything else, including impossible dates such as 2014-02-30. */
export function parseDay(text: string): Day | null {
  const m = ISO_DAY.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return dayFromParts(year, month, day);
}

/** The day for a year, month (1–12) and day of month; null when that date does not exist. */
export function dayFromParts(year: number, month: number, dayOfMonth: number): Day | null {
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return null;
  // Not Date.UTC(year, …): it reads years 0–99 as 1900–1999. setUTCFullYear takes the year as it is.
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, dayOfMonth);
  const ms = check.getTime();
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== dayOfMonth) return null;
  return Math.round(ms / MS_PER_DAY);
}

export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: Day): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function partsOf(day: Day): { year: number; month: number; dayOfMonth: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, dayOfMonth: d.getUTCDate() };
}

export function firstOfMonth(day: Day): Day {
  const { year, month } = partsOf(day);
  return dayFromParts(year, month, 1)!;
}

/** The same calendar month shifted by `months` (negative goes back); returns its first day. */
export function addMonths(day: Day, months: number): Day {
  const { year, month } = partsOf(day);
  const index = year * 12 + (month - 1) + months;
  return dayFromParts(Math.floor(index / 12), (index % 12) + 1, 1)!;
}

export function lastOfMonth(day: Day): Day {
  return addMonths(day, 1) - 1;
}

/** A closed range of days: both `start` and `end` are included; `start <= end`. */
export interface DayRange {
  start: Day;
  end: Day;
}

/**
 * The days a dataset's dates may fall on, 1800-01-01 to 2100-12-31, both included: a publication day or an event
 * outside them is refused (an event in 9999 is a typo, and would stretch the time axis and the compiled columns
 * over millennia).
 */
export const SUPPORTED_DAYS: DayRange = { start: dayFromParts(1800, 1, 1)!, end: dayFromParts(2100, 12, 31)! };
