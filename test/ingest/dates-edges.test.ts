import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../src/core/day.ts';
import { findDates, unsupportedDate } from '../../src/ingest/text/dates.ts';
import { extractEvents } from '../../src/ingest/rules/extract.ts';
import { createArticle, createPlace } from './helpers.ts';

const PUBLISHED = parseDay('2014-06-24')!;

/** The dates a sentence gives, as "text → first..last". */
function datesIn(sentence: string): string[] {
  return findDates(sentence, PUBLISHED).map((d) => `${d.text} → ${formatDay(d.range.start)}..${formatDay(d.range.end)}`);
}

describe('years of one or two digits', () => {
  it('are no year after a month and day: "June 4, 99 rebels" is June 4 and a count', () => {
    expect(datesIn('On June 4, 99 rebels attacked.')).toEqual(['June 4 → 2014-06-04..2014-06-04']);
    expect(datesIn('On June 4, 45, the city fell.')).toEqual(['June 4 → 2014-06-04..2014-06-04']);
  });

  it('date a numeric day only in the story\'s own years: 3/4/14 in 2014, not 3/4/45', () => {
    expect(datesIn('On 3/4/14 it fell.')).toEqual(['3/4/14 → 2014-03-04..2014-03-04']);
    expect(datesIn('On 3/4/45 it fell.')).toEqual([]);
  });
});

describe('dates outside the days a dataset holds (1800–2100)', () => {
  it('are named, so that no event takes the publication day instead', () => {
    expect(unsupportedDate('On June 4, 1799, the city fell.', PUBLISHED)).toBe('June 4, 1799');
    expect(unsupportedDate('The tower will stand in 2150.', PUBLISHED)).toBe('in 2150');
    expect(unsupportedDate('The mosque was built 300 years ago.', PUBLISHED)).toBe('300 years ago');
    expect(unsupportedDate('It dates from the 12th century.', PUBLISHED)).toBe('12th century');
    expect(unsupportedDate('The mosque was built 30 years ago.', PUBLISHED)).toBeNull();
    expect(unsupportedDate('In 1850 the city was founded.', PUBLISHED)).toBeNull();
  });

  it('give the sentence no event, and say why', () => {
    const mosul = createPlace('mosul', { aliases: ['Mosul'] });
    const article = createArticle('2014-06-24');
    expect(extractEvents(article, 'Militants burned Mosul in 1799.\n\nMilitants attacked Mosul on Monday.', [mosul]).map((e) => e.start)).toEqual(['2014-06-23']);
  });
});
