import { partsOf, type Day } from './day.ts';
import { MONTH_ABBREVIATIONS } from './months.ts';

const COUNT = new Intl.NumberFormat('en-GB');

/** A count for people: "1,000,000". One formatter for the app: creating one per call is slow while scrubbing. */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** "23 Jun 2014". */
export function formatLongDay(day: Day): string {
  const { year, month, dayOfMonth } = partsOf(day);
  return `${dayOfMonth} ${MONTH_ABBREVIATIONS[month - 1]} ${year}`;
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
