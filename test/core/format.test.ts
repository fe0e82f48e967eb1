import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/core/day.ts';
import { articleTitle, firstSentence, firstWords, formatLongDay, formatRange, formatTicks, parseTypedDay } from '../../src/core/format.ts';

const range = (a: string, b: string) => formatRange(parseDay(a)!, parseDay(b)!);

describe('dates for people', () => {
  it('writes a day, and ranges within a month, a year, and across years', () => {
    expect(range('2014-06-23', '2014-06-23')).toBe('23 Jun 2014');
    expect(range('2014-06-21', '2014-06-22')).toBe('21–22 Jun 2014');
    expect(range('2014-08-08', '2014-12-03')).toBe('8 Aug – 3 Dec 2014');
    expect(range('2014-12-30', '2015-01-02')).toBe('30 Dec 2014 – 2 Jan 2015');
  });
});

describe('axis ticks', () => {
  const days = (...texts: string[]) => texts.map((t) => parseDay(t)!);
  it('write the year on the first tick and where it changes', () => {
    expect(formatTicks(days('2014-11-09', '2014-11-16', '2014-12-28', '2015-01-04'), 7)).toEqual(['9 Nov 2014', '16 Nov', '28 Dec', '4 Jan 2015']);
    expect(formatTicks(days('2014-07-01', '2014-10-01', '2015-01-01', '2015-04-01'), 90)).toEqual(['Jul 2014', 'Oct', 'Jan 2015', 'Apr']);
    expect(formatTicks(days('2015-01-01', '2016-01-01'), 365)).toEqual(['2015', '2016']);
  });
});

describe('an article named without its headline', () => {
  it('is named by its headline when it has one', () => {
    expect(articleTitle({ headline: 'Kerry in Baghdad', lead: 'ignored' })).toBe('Kerry in Baghdad');
  });

  it('is named by its first sentence, marked, when it has none', () => {
    expect(articleTitle({ headline: null, lead: 'Militants seized Tal Afar.' })).toBe('No headline; first sentence: Militants seized Tal Afar.');
    expect(articleTitle({ headline: null })).toBe('Untitled article');
  });

  it('takes the first sentence, whitespace collapsed, and cuts a long one at a word', () => {
    expect(firstSentence('\n\n  Militants  seized\tTal Afar on Monday.  Officials said so.')).toBe('Militants seized Tal Afar on Monday.');
    expect(firstSentence('Floods in Brazil\n\nThe river rose on Saturday.')).toBe('Floods in Brazil'); // a line is a sentence's end
    const long = firstSentence(`${'word '.repeat(60)}end.`)!;
    expect(long.endsWith('word…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(161);
    expect(firstSentence('   \n ')).toBeNull();
  });
});

describe('the opening of a quote', () => {
  it('keeps a short quote whole, white space collapsed, and cuts a long one at a word with "…"', () => {
    expect(firstWords('  Kerry met\nMaliki in Baghdad. ', 40)).toBe('Kerry met Maliki in Baghdad.');
    expect(firstWords('Insurgents swept into the towns of Rawa and Ana in Anbar province', 30)).toBe('Insurgents swept into the…');
    expect(firstWords('Insurgents swept into the towns', 31)).toBe('Insurgents swept into the towns');
    expect(firstWords('Supercalifragilisticexpialidocious word', 10)).toBe('Supercalif…'); // no space to cut at
    expect(firstWords('x'.repeat(10) + ' ' + 'y'.repeat(500), 20)).toBe(`${'x'.repeat(10)}…`);
  });
});

describe('parseTypedDay', () => {
  const day = (iso: string) => ({ day: parseDay(iso)! });

  it('reads the app’s own form, as formatLongDay writes it, and so reads back every day it writes', () => {
    expect(parseTypedDay('11 Nov 2022')).toEqual(day('2022-11-11'));
    for (const iso of ['2014-06-23', '2016-02-29', '1800-01-01', '2100-12-31']) expect(parseTypedDay(formatLongDay(parseDay(iso)!))).toEqual(day(iso));
  });

  it('reads the month’s whole name or a cut of it, any case, with an ordinal, a period or a comma', () => {
    for (const text of ['11 November 2022', '11 nov 2022', '11th Nov 2022', '11 Nov. 2022', '11 November, 2022', '  11   Nov  2022 ', 'Nov 11, 2022', 'November 11th 2022', 'Nov. 11 2022']) {
      expect(parseTypedDay(text), text).toEqual(day('2022-11-11'));
    }
    expect(parseTypedDay('3 Sept 2014')).toEqual(day('2014-09-03'));
  });

  it('reads ISO days, and with slashes or dots', () => {
    expect(parseTypedDay('2022-11-11')).toEqual(day('2022-11-11'));
    expect(parseTypedDay('2022/1/5')).toEqual(day('2022-01-05'));
    expect(parseTypedDay('2022.01.05')).toEqual(day('2022-01-05'));
  });

  it('reads numeric day and month where only one reading is a date, or both are the same day', () => {
    expect(parseTypedDay('11/11/2022')).toEqual(day('2022-11-11'));
    expect(parseTypedDay('25/12/2022')).toEqual(day('2022-12-25'));
    expect(parseTypedDay('12/25/2022')).toEqual(day('2022-12-25'));
    expect(parseTypedDay('25.12.2022')).toEqual(day('2022-12-25'));
  });

  it('refuses a numeric day that could be either of two, naming both', () => {
    expect(parseTypedDay('3/4/2022')).toEqual({ problem: '“3/4/2022” could be 3 Apr 2022 or 4 Mar 2022: write the month as a word (3 Apr 2022)' });
  });

  it('refuses what is no date, saying how to write one', () => {
    for (const text of ['30 Feb 2022', '2022-02-30', '32/1/2022', '11 Mo 2022', 'Marching 3 2022', '11 Nov 22', 'yesterday', '13/13/2022']) {
      expect(parseTypedDay(text), text).toEqual({ problem: `“${text}” is not a date: write it as 11 Nov 2022 or 2022-11-11` });
    }
    expect(parseTypedDay('  ')).toEqual({ problem: 'no date typed: write it as 11 Nov 2022 or 2022-11-11' });
  });
});
