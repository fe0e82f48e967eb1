import { dayFromParts, partsOf, type Day } from './day.ts';
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from './months.ts';

const COUNT = new Intl.NumberFormat('en-GB');

/** A count for people: "1,000,000". One formatter for the app: creating one per call is slow while scrubbing. */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** What is shown of all: "20 of 48 events" (the live count, and the embedded map's and the picture's copies of it). */
export function formatShown(shown: number, total: number): string {
  return `${formatCount(shown)} of ${formatCount(total)} events`;
}

/** "23 Jun 2014". */
export function formatLongDay(day: Day): string {
  const { year, month, dayOfMonth } = partsOf(day);
  return `${dayOfMonth} ${MONTH_ABBREVIATIONS[month - 1]} ${year}`;
}

/** A day a person typed, read (see parseTypedDay), or why it could not be. */
export type TypedDay = { day: Day } | { problem: string };

const ORDINAL = '(?:st|nd|rd|th)?';
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})${ORDINAL}\\s+([a-z]+)\\.?,?\\s+(\\d{4})$`, 'i'); // 11 Nov 2022, 11th November, 2022
const MONTH_DAY_YEAR = new RegExp(`^([a-z]+)\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})$`, 'i'); // Nov 11, 2022
const YEAR_MONTH_DAY = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/; // 2022-11-11, 2022/11/11
const NUMERIC_DAY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/; // 11/11/2022, 25.12.2022

/** The month (1–12) a word names: its English name or any cut of it from three letters ("Sep", "Sept"); null for none. */
function monthOf(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const i = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(w));
  return i < 0 ? null : i + 1;
}

/**
 * Reads a day typed into a date field. The app's own form first ("11 Nov 2022", as formatLongDay writes it; the
 * month's whole name, an ordinal, a comma also do), then "Nov 11, 2022", ISO "2022-11-11" (or with / or .), and
 * numeric day and month with a four-digit year ("25/12/2022", "12/25/2022") where only one reading is a date or both
 * readings are the same day; "3/4/2022" could be 3 April or 4 March, and is refused, saying so.
 */
export function parseTypedDay(text: string): TypedDay {
  const t = text.trim().replace(/\s+/g, ' ');
  const form = 'write it as 11 Nov 2022 or 2022-11-11';
  const of = (year: number, month: number | null, dayOfMonth: number): TypedDay => {
    const day = month === null ? null : dayFromParts(year, month, dayOfMonth);
    return day === null ? { problem: `“${t}” is not a date: ${form}` } : { day };
  };
  let m: RegExpExecArray | null;
  if (t === '') return { problem: `no date typed: ${form}` };
  if ((m = DAY_MONTH_YEAR.exec(t))) return of(Number(m[3]), monthOf(m[2]), Number(m[1]));
  if ((m = MONTH_DAY_YEAR.exec(t))) return of(Number(m[3]), monthOf(m[1]), Number(m[2]));
  if ((m = YEAR_MONTH_DAY.exec(t))) return of(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = NUMERIC_DAY.exec(t))) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dayFirst = dayFromParts(year, b, a);
    const monthFirst = dayFromParts(year, a, b);
    if (dayFirst !== null && monthFirst !== null && dayFirst !== monthFirst) {
      return { problem: `“${t}” could be ${formatLongDay(dayFirst)} or ${formatLongDay(monthFirst)}: write the month as a word (${formatLongDay(dayFirst)})` };
    }
    const day = dayFirst ?? monthFirst;
    return day === null ? { problem: `“${t}” is not a date: ${form}` } : { day };
  }
  return { problem: `“${t}” is not a date: ${form}` };
}

/** A day or range for people: "23 Jun 2014", "21–22 Jun 2014", "8 Aug – 3 Dec 2014", "30 Dec 2014 – 2 Jan 2015". */
export function formatRange(start: Day, end: Day): string {
  if (start === end) return formatLongDay(start);
  const a = partsOf(start);
  const b = partsOf(end);
  if (a.year !== b.year) return `${formatLongDay(start)} – ${formatLongDay(end)}`;
  if (a.month !== b.month) return `${a.dayOfMonth} ${MONTH_ABBREVIATIONS[a.month - 1]} – ${formatLongDay(end)}`;
  return `${a.dayOfMonth}–${formatLongDay(end)}`;
}

/**
 * Labels for the time axis, in the app's day-month-year style. `spacing` is the days between ticks: years for
 * wide spacings, months, or days. The year is written on the first tick and wherever it changes, so an axis
 * never leaves the reader guessing which year it shows.
 */
export function formatTicks(days: readonly Day[], spacing: number): string[] {
  let previousYear: number | null = null;
  return days.map((day) => {
    const { year, month, dayOfMonth } = partsOf(day);
    const withYear = year !== previousYear;
    previousYear = year;
    if (spacing >= 360) return String(year);
    if (spacing >= 28) return withYear ? `${MONTH_ABBREVIATIONS[month - 1]} ${year}` : MONTH_ABBREVIATIONS[month - 1];
    return withYear ? `${dayOfMonth} ${MONTH_ABBREVIATIONS[month - 1]} ${year}` : `${dayOfMonth} ${MONTH_ABBREVIATIONS[month - 1]}`;
  });
}


/** How an article without a headline or a known outlet is named to people. */
export const UNTITLED = 'Untitled article';
/** What marks an article's first sentence shown in place of the headline it lacks. */
export const LEAD_MARK = 'No headline; first sentence:';
const LEAD_CHARS = 160; // the longest first sentence shown whole; a longer one is cut at a word

/** An article's name as text: its headline, or its first sentence marked as such. */
export function articleTitle(article: { headline: string | null; lead?: string }): string {
  return article.headline ?? (article.lead ? `${LEAD_MARK} ${article.lead}` : UNTITLED);
}

/** The first sentence of a text (by Intl.Segmenter), whitespace collapsed, cut at a word past LEAD_CHARS; null for none. */
export function firstSentence(text: string): string | null {
  const head = text.slice(0, LEAD_CHARS * 8);
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'sentence' }).segment(head)) {
    const sentence = segment.replace(/\s+/g, ' ').trim();
    if (sentence === '') continue;
    if (sentence.length <= LEAD_CHARS) return sentence;
    return cutAtWord(sentence, LEAD_CHARS);
  }
  return null;
}

/** The first words of a text, whitespace collapsed: whole when it is at most `chars` long, else cut at a word and marked "…". */
export function firstWords(text: string, chars: number): string {
  const flat = text.slice(0, chars * 4).replace(/\s+/g, ' ').trim();
  return flat.length <= chars && text.length <= chars * 4 ? flat : cutAtWord(flat, chars);
}

function cutAtWord(text: string, chars: number): string {
  const head = text.slice(0, chars + 1);
  const cut = head.replace(/\s+\S*$/, ''); // unchanged when there is no word break to cut at
  return `${cut === head || cut === '' ? text.slice(0, chars) : cut}…`;
}
export const UNKNOWN_OUTLET = 'outlet unknown';
