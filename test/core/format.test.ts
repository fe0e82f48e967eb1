import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/core/day.ts';
import { formatRange } from '../../src/core/format.ts';

const range = (a: string, b: string) => formatRange(parseDay(a)!, parseDay(b)!);

describe('dates for people', () => {
  it('writes a day, and ranges within a month, a year, and across years', () => {
    expect(range('2014-06-23', '2014-06-23')).toBe('23 Jun 2014');
    expect(range('2014-06-21', '2014-06-22')).toBe('21–22 Jun 2014');
    expect(range('2014-08-08', '2014-12-03')).toBe('8 Aug – 3 Dec 2014');
    expect(range('2014-12-30', '2015-01-02')).toBe('30 Dec 2014 – 2 Jan 2015');
  });
});
