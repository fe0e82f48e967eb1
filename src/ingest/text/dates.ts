import * as chrono from 'chrono-node';
import { MS_PER_DAY, SUPPORTED_DAYS, addMonths, dayFromParts, firstOfMonth, lastOfMonth, partsOf, weekdayOf, type Day, type DayRange } from '../../core/day.ts';
import { MONTH_NAMES, MONTH_NAME_SOURCE, MONTH_WORD_SOURCE, WEEKDAY_NAMES, WEEKDAY_NAME_SOURCE } from '../../core/months.ts';
import { clauseAround } from './clauses.ts';

/**
 * Dates in news copy, resolved against the article's publication day. chrono-node parses the explicit ones
 * ("June 23", "Aug. 8", "July 22, 2016"); the rules news needs on top are ours and each is stated here:
 *
 * - A date without a year ("June 10") is the latest one up to publication, or the next one in a clause that speaks
 *   of the future. An explicit date wins over the weekday beside it ("Tuesday, June 17").
 * - A weekday ("on Monday") is the last such day on or before publication, unless its clause speaks of the
 *   future ("begins on Tuesday", "will meet on Friday"): then the first on or after it. "last Monday" said on a
 *   Monday is a week ago; "next Monday" a week ahead.
 * - A month without a day ("in May", "in early June", "since January") is the whole month (or its first, middle,
 *   last ten days); "since" runs to publication.
 * - "at the weekend" / "last weekend" is the Saturday–Sunday before publication (the next one if future).
 * - "last week" is Monday–Sunday of the week before publication's; "this week" runs Monday → publication.
 * - "this month" runs from the 1st to publication; "earlier this month" stops the day before publication;
 *   "last month" is the whole previous month.
 * - "since <date>" runs from that date to publication, as does a date later in a "since" phrase ("since the
 *   outbreak of the war in April"); "between <date> and <date>" is the range between them.
 * - "N days ago" is a day; "N weeks ago" is the week around it.
 * - "today", "tonight", "this morning" and "currently" are the publication day; "yesterday" and "last night" the
 *   day before it; "overnight" the night into the publication day (both days).
 * - A bare year ("captured by ISIS in 2014", "since 2011") is the whole year, up to publication; "since" runs to
 *   publication.
 * - "(nearly) N months after" inside a dash or bracket aside, right after a date, dates the aside's event
 *   before that date: "Since Aug. 8 – nearly two months after militants seized Mosul –".
 * - "a two-day meeting" stretches its start over two days.
 * A vague expression is always the whole range it covers; nothing is narrowed to a guessed day.
 */

export interface DateExpression {
  /** Offset in the sentence, UTF-16 code units. */
  index: number;
  text: string;
  range: DayRange;
  /** True for "N months after", which dates an event relative to the date just before it. */
  relative?: { amount: number; unit: 'day' | 'week' | 'month'; qualifier: string };
  /** Whether its clause speaks of the future ("begins on Tuesday"). */
  future: boolean;
}

const FUTURE = /\b(will|begins?|starts?|opens?|is due|are due|is scheduled|are scheduled|is planned|are planned|is set|are set|to be held|upcoming|later this|tomorrow|plans? to|expected to)\b/i;

/** Whether the clause around `[index, index + length)` of a sentence speaks of the future ("begins on Tuesday"). */
function speaksOfFuture(sentence: string, index: number, length: number): boolean {
  const clause = clauseAround(sentence, index, index + length);
  return FUTURE.test(sentence.slice(clause.start, clause.end));
}
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

/**
 * A sentence with the words a rule reads in [brackets], the publication day, and the days the rule gives them
 * ("2014-06-21..2014-06-22"): test/ingest/date-rules.test.ts runs every rule on its own.
 */
export interface DateExample {
  text: string;
  published: string;
  range: string;
}

export interface DateRule {
  /** Named for `npm run eval` and the tests. */
  id: string;
  examples: readonly DateExample[];
  pattern: RegExp;
  resolve: (match: RegExpMatchArray, published: Day, future: boolean) => DayRange | null;
}

// Applied after chrono's explicit dates, so "Tuesday, June 17" is the 17th, not the last Tuesday.
export const DATE_RULES: readonly DateRule[] = [
  {
    id: 'weekend',
    examples: [{ text: 'Fighting resumed [at the weekend].', published: '2014-06-24', range: '2014-06-21..2014-06-22' }],
    pattern: /\b(?:[Aa]t|[Oo]ver|[Tt]his|[Ll]ast|[Nn]ext) (?:the )?weekend(?:[’']s)?\b/g,
    resolve: (m, published, future) => weekendRange(published, future || /^next/i.test(m[0])),
  },
  {
    id: 'this-last-next-week-or-month',
    examples: [{ text: 'The town fell [last week].', published: '2014-06-24', range: '2014-06-16..2014-06-22' }, { text: 'Talks began [earlier this month].', published: '2014-06-24', range: '2014-06-01..2014-06-23' }],
    pattern: /\b(?:[Ee]arlier |[Ll]ater )?(?:[Tt]his|[Ll]ast|[Nn]ext) (week|month)\b/g,
    resolve: (m, published) => periodRange(m[0].toLowerCase(), published),
  },
  {
    id: 'yesterday',
    examples: [{ text: 'Militants attacked the base [yesterday].', published: '2014-06-24', range: '2014-06-23..2014-06-23' }, { text: 'Shelling was heard [last night].', published: '2014-06-24', range: '2014-06-23..2014-06-23' }],
    pattern: /\b(?:(?:[Ll]ate|[Ee]arly) )?[Yy]esterday(?: (?:morning|afternoon|evening))?\b|\b[Ll]ast night\b/g,
    resolve: (_m, published) => single(published - 1),
  },
  {
    id: 'today',
    examples: [{ text: 'Protesters gathered [this morning].', published: '2014-06-24', range: '2014-06-24..2014-06-24' }],
    pattern: /\b(?:[Tt]oday|[Tt]onight|[Tt]his (?:morning|afternoon|evening)|[Cc]urrently)\b/g,
    resolve: (_m, published) => single(published),
  },
  {
    id: 'overnight',
    examples: [{ text: 'The city was shelled [overnight].', published: '2014-06-24', range: '2014-06-23..2014-06-24' }],
    pattern: /\b[Oo]vernight\b/g,
    resolve: (_m, published) => ({ start: published - 1, end: published }),
  },
  {
    id: 'bare-year',
    examples: [{ text: 'The dam was built [in 2013].', published: '2014-06-24', range: '2013-01-01..2013-12-31' }, { text: 'The city has been besieged [since 2011].', published: '2014-06-24', range: '2011-01-01..2014-06-24' }],
    pattern: /\b([Ii]n|[Ss]ince|[Dd]uring|[Tt]hroughout|[Oo]f|[Bb]y|[Ee]arly|[Ll]ate|[Mm]id-?) (1[89]\d\d|20\d\d)\b(?![-–\/]\d| \d)/g,
    resolve: (m, published) => {
      const year = Number(m[2]);
      const { year: pubYear } = partsOf(published);
      if (year > pubYear) return null;
      const start = dayFromParts(year, 1, 1)!;
      const end = /^since$/i.test(m[1]) ? published : Math.min(published, dayFromParts(year, 12, 31)!);
      return { start, end };
    },
  },
  {
    id: 'days-or-weeks-ago',
    examples: [{ text: 'The bridge collapsed [three days ago].', published: '2014-06-24', range: '2014-06-21..2014-06-21' }, { text: 'The army arrived [two weeks ago].', published: '2014-06-24', range: '2014-06-07..2014-06-13' }],
    pattern: /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten) (days?|weeks?) ago\b/g,
    resolve: (m, published) => {
      const n = toNumber(m[1]);
      if (m[2].startsWith('day')) return { start: published - n, end: published - n };
      return { start: published - 7 * n - 3, end: published - 7 * n + 3 };
    },
  },
  {
    id: 'weekday',
    examples: [{ text: 'Gunmen stormed the hotel [on Monday].', published: '2014-06-24', range: '2014-06-23..2014-06-23' }, { text: 'Kerry will meet Abadi [on Friday].', published: '2014-06-24', range: '2014-06-27..2014-06-27' }, { text: 'Troops left [last Tuesday].', published: '2014-06-24', range: '2014-06-17..2014-06-17' }],
    pattern: new RegExp(String.raw`\b(?:(?:on|[Oo]n|[Ll]ast|[Nn]ext|[Tt]his) )?(${WEEKDAY_NAME_SOURCE})\b`, 'g'),
    resolve: (m, published, future) => {
      const weekday = WEEKDAY_NAMES.indexOf(m[1]);
      // "last Monday", said on a Monday, is a week ago; "next Monday" on a Monday is a week ahead.
      if (/^last/i.test(m[0])) return single(weekdayNear(published - 1, weekday, false));
      if (/^next/i.test(m[0])) return single(weekdayNear(published + 1, weekday, true));
      return single(weekdayNear(published, weekday, future));
    },
  },
  {
    // A month without a day: "in May", "since January", "in early June". The whole month (or its first, middle or
    // last ten days), the latest one up to publication unless the clause speaks of the future.
    id: 'month-without-day',
    examples: [{ text: 'The offensive began [in May].', published: '2014-06-24', range: '2014-05-01..2014-05-31' }, { text: 'Rains fell [in early June].', published: '2014-06-24', range: '2014-06-01..2014-06-10' }, { text: 'The road has been closed [since January].', published: '2014-06-24', range: '2014-01-01..2014-06-24' }],
    pattern: new RegExp(String.raw`\b([Ii]n|[Ss]ince|[Dd]uring|[Tt]hroughout) (?:(early|mid|late)[- ])?(${MONTH_NAME_SOURCE})(?: (\d{4}))?\b(?! \d)`, 'g'),
    resolve: (m, published, future) => {
      const month = MONTH_NAMES.indexOf(m[3]) + 1;
      const { year: pubYear, month: pubMonth } = partsOf(published);
      const year = m[4] ? Number(m[4]) : future ? (month >= pubMonth ? pubYear : pubYear + 1) : month <= pubMonth ? pubYear : pubYear - 1;
      const first = dayFromParts(year, month, 1)!;
      let range = { start: first, end: lastOfMonth(first) };
      if (m[2] === 'early') range = { start: first, end: first + 9 };
      else if (m[2] === 'mid') range = { start: first + 10, end: first + 19 };
      else if (m[2] === 'late') range = { start: first + 20, end: range.end };
      if (/^since/i.test(m[1])) range = { start: range.start, end: published };
      if (!future && range.end > published) range = { start: range.start, end: Math.max(range.start, published) };
      return range;
    },
  },
];

// A date's year of one or two digits at its end ("June 4, 99", "3/4/45"), and a month and day before such a year.
const SHORT_YEAR = /(?:,\s*|[-/.])\d{1,2}\s*$/;
const MONTH_DAY_SHORT_YEAR = new RegExp(String.raw`^${MONTH_WORD_SOURCE}\.? \d{1,2}(?:st|nd|rd|th)?,\s*\d{1,2}$`);

const EXPLICIT_DATE_HINT = new RegExp(String.raw`\b${MONTH_WORD_SOURCE}\b|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}`);

/** "since June 23", "since Aug. 8, 2014": a stretch from an explicit day to publication. Group: the day as written. */
const SINCE_DAY = new RegExp(String.raw`\b[Ss]ince (${MONTH_WORD_SOURCE}\.? \d{1,2}(?:, \d{4})?)`, 'g');

const RELATIVE = /\b(nearly|almost|about|some|more than|less than)? ?(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (days?|weeks?|months?) (after|before)\b/g;

/** Every date expression in a sentence, in order of position. */
export function findDates(sentence: string, published: Day): DateExpression[] {
  const found: DateExpression[] = [];
  const taken = (index: number, length: number) =>
    found.some((f) => index < f.index + f.text.length && f.index < index + length);

  for (const m of sentence.matchAll(SINCE_DAY)) {
    const from = explicitDay(m[1], published);
    if (from !== null && from <= published) found.push({ index: m.index!, text: m[0], range: { start: from, end: published }, future: false });
  }
  // chrono is the slow part of ingest: ask it only when a sentence has a month name or a numeric date.
  const candidates = EXPLICIT_DATE_HINT.test(sentence) ? chrono.en.parse(sentence, { instant: middayOf(published), timezone: 0 }) : [];
  for (const result of candidates) {
    const known = result.start;
    // Explicit dates only ("June 23", "2014-12-03"): weekdays, "this month" and the like are ours; "now" is no date.
    if (!(known.isCertain('day') && known.isCertain('month')) || !/\d/.test(result.text)) continue;
    if (taken(result.index, result.text.length)) continue;
    const future = speaksOfFuture(sentence, result.index, result.text.length);
    // A year of one or two digits is no year news writes after a day: "June 4, 99 rebels" is June 4 and a count, not
    // 1999; "3/4/45" is no date at all (2045 or 1945?).
    const short = SHORT_YEAR.exec(result.text);
    if (short && known.isCertain('year')) {
      const { year } = partsOf(published);
      const numeric = !MONTH_DAY_SHORT_YEAR.test(result.text.trim());
      // "3/4/14" in a 2014 story is that spring; "3/4/45" is no date a story of then writes.
      if (numeric && (known.get('year')! > year || known.get('year')! < year - 30)) continue;
      if (numeric) {
        const day = dayOfResult(known);
        if (day !== null) found.push({ index: result.index, text: result.text.trim(), range: { start: day, end: day }, future });
        continue;
      }
      const text = result.text.slice(0, short.index);
      const [again] = chrono.en.parse(text, { instant: middayOf(published), timezone: 0 });
      const day = again && again.start.isCertain('day') ? explicitYear(again.start, published, future) : null;
      if (day !== null && !taken(result.index, text.length)) found.push({ index: result.index, text: text.trim(), range: { start: day, end: day }, future });
      continue;
    }
    const day = explicitYear(known, published, future);
    if (day === null) continue;
    let end = day;
    if (result.end && result.end.isCertain('day')) end = Math.max(day, explicitYear(result.end, published, future) ?? day);
    found.push({ index: result.index, text: result.text.trim(), range: { start: day, end }, future });
  }
  for (const rule of DATE_RULES) {
    for (const m of sentence.matchAll(rule.pattern)) {
      if (taken(m.index!, m[0].length)) continue;
      const future = speaksOfFuture(sentence, m.index!, m[0].length);
      const range = rule.resolve(m, published, future);
      if (range) found.push({ index: m.index!, text: m[0], range, future });
    }
  }
  for (const m of sentence.matchAll(RELATIVE)) {
    if (taken(m.index!, m[0].length)) continue;
    const unit = m[3].replace(/s$/, '') as 'day' | 'week' | 'month';
    const amount = toNumber(m[2]);
    if (m[4] === 'after') {
      found.push({ index: m.index!, text: m[0], range: { start: published, end: published }, relative: { amount, unit, qualifier: m[1] ?? '' }, future: false });
    }
  }
  // "since the outbreak of the war in April": a date inside a "since" phrase starts a stretch that runs to publication.
  for (const f of found) {
    if (f.relative || f.future || f.range.end >= published) continue;
    if (/\bsince\b[^,;:.()–—]{0,60}$/i.test(sentence.slice(Math.max(0, f.index - 60), f.index)) || /^since\b/i.test(f.text)) f.range = { start: f.range.start, end: published };
  }
  mergeBetween(sentence, found);
  const span = multiDaySpan(sentence);
  if (span > 1) for (const f of found) if (f.range.start === f.range.end) f.range = { start: f.range.start, end: f.range.start + span - 1 };
  // A date outside the days a dataset may hold ("December 31, 9999") is a typo or no news date: it dates nothing.
  return found.filter(isSupported).sort((a, b) => a.index - b.index);
}

function isSupported(f: DateExpression): boolean {
  return f.range.start >= SUPPORTED_DAYS.start && f.range.end <= SUPPORTED_DAYS.end;
}

// A year before 1800 or after 2100 where a date stands ("in 1799", "June 4, 1799", "by 2150"), "300 years ago", "the
// 12th century".
const FAR_YEAR = new RegExp(String.raw`\b(?:(?:in|of|since|from|until|till|by|around|circa|before|after)\s+(?:the\s+year\s+)?|${MONTH_WORD_SOURCE}\.?\s+(?:\d{1,2},?\s+)?)(1[0-7]\d\d|2[1-9]\d\d)\b`, 'g');
const YEARS_AGO = /\b(\d+|hundreds of|thousands of) years ago\b/gi;
const CENTURY = /\b(\d{1,2})(?:st|nd|rd|th) century\b/gi;

/**
 * The words of the first date in a sentence that lies outside the days a dataset may hold (1800–2100), when the
 * sentence gives no date inside them: its events have no day to be put on, and the publication day would be a
 * wrong one. Null when there is none.
 */
export function unsupportedDate(sentence: string, published: Day): string | null {
  const { year } = partsOf(published);
  for (const m of sentence.matchAll(FAR_YEAR)) return m[0];
  for (const m of sentence.matchAll(YEARS_AGO)) if (!/^\d+$/.test(m[1]) || year - Number(m[1]) < partsOf(SUPPORTED_DAYS.start).year) return m[0];
  for (const m of sentence.matchAll(CENTURY)) if (Number(m[1]) < 19 || Number(m[1]) > 21) return m[0];
  return null;
}

/**
 * Resolves "N units after" against the date it follows: the event happened that long before `anchor`.
 * "nearly two months" is between one and a half and two months; "about" is half a unit either side.
 */
export function resolveRelative(relative: NonNullable<DateExpression['relative']>, anchor: Day): DayRange {
  const unitDays = relative.unit === 'day' ? 1 : relative.unit === 'week' ? 7 : 30;
  const exact = anchor - relative.amount * unitDays;
  const half = Math.floor(unitDays / 2);
  switch (relative.qualifier) {
    case 'nearly':
    case 'almost':
    case 'less than':
      return { start: exact, end: exact + half };
    case 'more than':
      return { start: exact - half, end: exact };
    case 'about':
    case 'some':
      return { start: exact - half, end: exact + half };
    default:
      return relative.unit === 'day' ? { start: exact, end: exact } : { start: exact - half, end: exact + half };
  }
}

/** The last `weekday` (0 = Sunday) on or before `published`, or the first on or after it for the future. */
export function weekdayNear(published: Day, weekday: number, future: boolean): Day {
  const today = weekdayOf(published);
  return future ? published + ((weekday - today + 7) % 7) : published - ((today - weekday + 7) % 7);
}

/** Saturday–Sunday of the weekend before publication (a Sunday publication counts its own weekend). */
export function weekendRange(published: Day, future: boolean): DayRange {
  if (future) {
    const saturday = weekdayNear(published, 6, true);
    return { start: saturday, end: saturday + 1 };
  }
  const sunday = weekdayNear(published, 0, false);
  return { start: sunday - 1, end: sunday };
}

export function periodRange(phrase: string, published: Day): DayRange | null {
  const weekStart = published - ((weekdayOf(published) + 6) % 7); // Monday of publication's week
  const monthStart = firstOfMonth(published);
  switch (phrase) {
    case 'last week':
      return { start: weekStart - 7, end: weekStart - 1 };
    case 'this week':
      return { start: weekStart, end: published };
    case 'earlier this week':
      return { start: weekStart, end: Math.max(weekStart, published - 1) };
    case 'next week':
      return { start: weekStart + 7, end: weekStart + 13 };
    case 'this month':
      return { start: monthStart, end: published };
    case 'earlier this month':
      return { start: monthStart, end: Math.max(monthStart, published - 1) };
    case 'later this month':
      return { start: published, end: lastOfMonth(published) };
    case 'last month':
      return { start: addMonths(published, -1), end: monthStart - 1 };
    case 'next month':
      return { start: addMonths(published, 1), end: lastOfMonth(addMonths(published, 1)) };
    default:
      return null;
  }
}

function explicitDay(text: string, published: Day): Day | null {
  const [result] = chrono.en.parse(text, { instant: middayOf(published), timezone: 0 });
  return result ? explicitYear(result.start, published, false) : null;
}

function dayOfResult(component: chrono.ParsedComponents): Day | null {
  return dayFromParts(component.get('year')!, component.get('month')!, component.get('day')!);
}

/**
 * The day of an explicit date. Without a stated year, news means the latest such date up to publication (a
 * January article's "June 10" is last June), or the next one when the clause speaks of the future.
 */
function explicitYear(component: chrono.ParsedComponents, published: Day, future: boolean): Day | null {
  const day = dayOfResult(component);
  if (day === null || component.isCertain('year')) return day;
  const year = component.get('year')!;
  const shift = (y: number) => dayFromParts(y, component.get('month')!, component.get('day')!);
  if (!future && day > published) return shift(year - 1);
  if (future && day < published) return shift(year + 1);
  return day;
}

/** "between June 20 and June 22": two explicit dates become one range. */
function mergeBetween(sentence: string, found: DateExpression[]): void {
  found.sort((a, b) => a.index - b.index);
  for (let i = 0; i + 1 < found.length; i++) {
    const [a, b] = [found[i], found[i + 1]];
    const lead = /\bbetween\s+$/i.exec(sentence.slice(Math.max(0, a.index - 9), a.index));
    if (!lead || sentence.slice(a.index + a.text.length, b.index) !== ' and ' || b.range.end < a.range.start) continue;
    const index = a.index - lead[0].length;
    found.splice(i, 2, { index, text: sentence.slice(index, b.index + b.text.length), range: { start: a.range.start, end: b.range.end }, future: a.future });
  }
}

function single(day: Day): DayRange {
  return { start: day, end: day };
}

function middayOf(day: Day): Date {
  return new Date(day * MS_PER_DAY + MS_PER_DAY / 2);
}

function multiDaySpan(sentence: string): number {
  const m = /\b(two|three|four|five|\d)-day (?:meeting|summit|conference|talks|visit|session)/i.exec(sentence);
  return m ? toNumber(m[1]) : 1;
}

function toNumber(word: string): number {
  return NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
}
