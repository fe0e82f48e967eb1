import { partsOf, type Day } from './day.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "23 Jun 2014". */
export function formatLongDay(day: Day): string {
  const { year, month, dayOfMonth } = partsOf(day);
  return `${dayOfMonth} ${MONTHS[month - 1]} ${year}`;
}

/** A day or range for people: "23 Jun 2014", "21–22 Jun 2014", "8 Aug – 3 Dec 2014", "30 Dec 2014 – 2 Jan 2015". */
export function formatRange(start: Day, end: Day): string {
  if (start === end) return formatLongDay(start);
  const a = partsOf(start);
  const b = partsOf(end);
  if (a.year !== b.year) return `${formatLongDay(start)} – ${formatLongDay(end)}`;
  if (a.month !== b.month) return `${a.dayOfMonth} ${MONTHS[a.month - 1]} – ${formatLongDay(end)}`;
  return `${a.dayOfMonth}–${formatLongDay(end)}`;
}

/** "Jun 2014", for axis ticks. */
export function formatMonth(day: Day): string {
  const { year, month } = partsOf(day);
  return `${MONTHS[month - 1]} ${year}`;
}

