import { describe, expect, it } from 'vitest';
import { addMonths, dayFromParts, firstOfMonth, formatDay, lastOfMonth, parseDay, weekdayOf } from '../../src/core/day.ts';

describe('calendar days', () => {
  it('round-trips YYYY-MM-DD through day numbers', () => {
    for (const text of ['1970-01-01', '2014-06-23', '2016-02-29', '1999-12-31', '2100-03-01']) {
      expect(formatDay(parseDay(text)!)).toBe(text);
    }
  });

  it('rejects impossible and malformed dates', () => {
    for (const text of ['2014-02-30', '2015-02-29', '2014-13-01', '2014-00-10', '2014-6-23', '23/06/2014', '', '2014-06-23T00:00']) {
      expect(parseDay(text)).toBeNull();
    }
  });

  it('knows the weekday of a day (2014-06-23 was a Monday)', () => {
    expect(weekdayOf(parseDay('2014-06-23')!)).toBe(1);
    expect(weekdayOf(parseDay('1969-12-28')!)).toBe(0);
  });

  it('finds month bounds across a leap February and a year end', () => {
    expect(formatDay(lastOfMonth(parseDay('2016-02-10')!))).toBe('2016-02-29');
    expect(formatDay(firstOfMonth(parseDay('2014-12-31')!))).toBe('2014-12-01');
    expect(formatDay(addMonths(parseDay('2014-12-31')!, 1))).toBe('2015-01-01');
    expect(formatDay(addMonths(parseDay('2015-01-15')!, -1))).toBe('2014-12-01');
  });

  it('builds days from parts and refuses the 31st of a 30-day month', () => {
    expect(dayFromParts(2014, 6, 31)).toBeNull();
    expect(formatDay(dayFromParts(2014, 6, 30)!)).toBe('2014-06-30');
  });
});
