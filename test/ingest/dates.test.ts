import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../src/core/day.ts';
import { findDates, resolveRelative } from '../../src/ingest/text/dates.ts';

/** The dates a sentence states, as `text=start..end`, resolved against a publication day. */
function datesIn(sentence: string, published: string): string[] {
  return findDates(sentence, parseDay(published)!).map((d) => `${d.text}=${formatDay(d.range.start)}..${formatDay(d.range.end)}`);
}

describe('explicit dates', () => {
  it('reads a month and day without a year as the one nearest publication', () => {
    expect(datesIn('Kerry on June 23 pledged support.', '2014-06-23')).toEqual(['June 23=2014-06-23..2014-06-23']);
    expect(datesIn('Hollande stated on July 22 that France would act.', '2016-07-22')).toEqual(['July 22=2016-07-22..2016-07-22']);
  });

  it('reads abbreviated months with a period', () => {
    expect(datesIn('The strikes began on Aug. 8 in the north.', '2014-12-03')).toEqual(['Aug. 8=2014-08-08..2014-08-08']);
  });

  it('puts a late-December date in the previous year when published in early January', () => {
    expect(datesIn('Rebels entered the town on Dec. 30, officials said.', '2015-01-02')).toEqual(['Dec. 30=2014-12-30..2014-12-30']);
  });

  it('puts a date without a year after publication back a year, unless the clause speaks of the future', () => {
    expect(datesIn('Militants seized Mosul on June 10.', '2015-01-22')).toEqual(['June 10=2014-06-10..2014-06-10']);
    expect(datesIn('The conference will open on June 10.', '2015-01-22')).toEqual(['June 10=2015-06-10..2015-06-10']);
  });

  it('lets an explicit date win over the weekday beside it', () => {
    expect(datesIn('Insurgents overran the town on Tuesday, June 17.', '2014-06-24')).toEqual(['on Tuesday, June 17=2014-06-17..2014-06-17']);
  });

  it('keeps a stated year', () => {
    expect(datesIn('The talks of March 3, 2013 failed.', '2015-01-02')).toEqual(['March 3, 2013=2013-03-03..2013-03-03']);
  });

  it('does not take "now" or bare numbers for dates', () => {
    expect(datesIn('The liberation of the city is now in sight.', '2016-07-22')).toEqual([]);
    expect(datesIn('Troops retook 700 sq km and 200 oil facilities.', '2015-01-22')).toEqual([]);
  });
});

describe('weekdays', () => {
  it('takes "on Monday" as the last Monday on or before publication', () => {
    expect(datesIn('Kerry made a surprise visit on Monday.', '2014-06-24')).toEqual(['on Monday=2014-06-23..2014-06-23']);
  });

  it('takes a weekday equal to the publication weekday as the publication day itself', () => {
    expect(datesIn('Kerry told members in Brussels Wednesday.', '2014-12-03')).toEqual(['Wednesday=2014-12-03..2014-12-03']);
  });

  it('looks forward when the sentence speaks of the future', () => {
    expect(datesIn('A meeting of ministers begins on Thursday.', '2014-06-24')).toEqual(['on Thursday=2014-06-26..2014-06-26']);
    expect(datesIn('Kerry will meet Abadi on Monday.', '2014-06-24')).toEqual(['on Monday=2014-06-30..2014-06-30']);
  });

  it('stretches a two-day meeting that begins on a weekday over both days', () => {
    expect(datesIn('A two-day meeting of foreign ministers begins on Tuesday.', '2014-06-24')).toEqual(['on Tuesday=2014-06-24..2014-06-25']);
  });

  it('takes "last Monday" said on a Monday as a week ago', () => {
    expect(datesIn('Militants attacked the city last Monday.', '2014-06-23')).toEqual(['last Monday=2014-06-16..2014-06-16']);
  });

  it('looks forward only in the clause that speaks of the future', () => {
    expect(datesIn('A car bomb exploded next to a mosque on Sunday.', '2014-06-24')).toEqual(['on Sunday=2014-06-22..2014-06-22']);
    expect(datesIn('Kerry, who will travel to Brussels later, met Maliki on Monday.', '2014-06-24')).toEqual(['on Monday=2014-06-23..2014-06-23']);
  });

  it('crosses a year boundary backwards', () => {
    expect(datesIn('Militants attacked the post on Wednesday.', '2015-01-02')).toEqual(['on Wednesday=2014-12-31..2014-12-31']);
  });
});

describe('vague dates are ranges', () => {
  it('takes "at the weekend" as the Saturday and Sunday before publication', () => {
    expect(datesIn('At the weekend, insurgents swept into two towns.', '2014-06-24')).toEqual(['At the weekend=2014-06-21..2014-06-22']);
  });

  it('takes "last weekend’s" the same way, and the coming weekend for the future', () => {
    expect(datesIn('But last weekend’s failed coup raised questions.', '2016-07-22')).toEqual(['last weekend’s=2016-07-16..2016-07-17']);
    expect(datesIn('Talks will resume at the weekend.', '2016-07-22')).toEqual(['at the weekend=2016-07-23..2016-07-24']);
  });

  it('takes "last week" as Monday to Sunday of the previous week', () => {
    expect(datesIn('The minister said last week that strikes failed.', '2014-12-03')).toEqual(['last week=2014-11-24..2014-11-30']);
  });

  it('takes "earlier this month" as the 1st up to the day before publication', () => {
    expect(datesIn('The bombing earlier this month killed 292.', '2016-07-22')).toEqual(['earlier this month=2016-07-01..2016-07-21']);
  });

  it('takes "this month" as the 1st up to publication, and "last month" as the whole month before', () => {
    expect(datesIn('A gunman killed four hostages this month.', '2015-01-22')).toEqual(['this month=2015-01-01..2015-01-22']);
    expect(datesIn('The town fell last month.', '2015-01-22')).toEqual(['last month=2014-12-01..2014-12-31']);
  });

  it('keeps "earlier this month" non-empty on the first of a month', () => {
    expect(datesIn('Earlier this month the border closed.', '2015-03-01')).toEqual(['Earlier this month=2015-03-01..2015-03-01']);
  });

  it('takes "since Aug. 8" as Aug. 8 to publication', () => {
    expect(datesIn('Since Aug. 8 the coalition has launched 1,000 airstrikes.', '2014-12-03')).toEqual(['Since Aug. 8=2014-08-08..2014-12-03']);
  });

  it('takes a month without a day as the whole month, or the part of it named', () => {
    expect(datesIn('Militants overran the town in May.', '2014-06-24')).toEqual(['in May=2014-05-01..2014-05-31']);
    expect(datesIn('The town fell in early June, residents said.', '2014-06-24')).toEqual(['in early June=2014-06-01..2014-06-10']);
    expect(datesIn('Fighting has raged in the province since January.', '2014-06-24')).toEqual(['since January=2014-01-01..2014-06-24']);
    expect(datesIn('The army retook the city in December.', '2015-01-22')).toEqual(['in December=2014-12-01..2014-12-31']);
  });

  it('takes "between June 20 and June 22" and "from June 20 to June 22" as one range', () => {
    expect(datesIn('Militants attacked the town between June 20 and June 22.', '2014-06-24')).toEqual(['between June 20 and June 22=2014-06-20..2014-06-22']);
    expect(datesIn('Fighting raged from June 20 to June 22.', '2014-06-24')).toEqual(['June 20 to June 22=2014-06-20..2014-06-22']);
  });

  it('takes "two weeks ago" as the week around that day', () => {
    expect(datesIn('The offensive began two weeks ago.', '2014-06-24')).toEqual(['two weeks ago=2014-06-07..2014-06-13']);
  });
});

describe('dates relative to another date', () => {
  it('places "nearly two months after" between one and a half and two months before its anchor', () => {
    const [relative] = findDates('nearly two months after militants seized the city', parseDay('2014-12-03')!).filter((d) => d.relative);
    const range = resolveRelative(relative.relative!, parseDay('2014-08-08')!);
    expect([formatDay(range.start), formatDay(range.end)]).toEqual(['2014-06-09', '2014-06-24']);
  });

  it('places "about three weeks after" half a week either side', () => {
    const range = resolveRelative({ amount: 3, unit: 'week', qualifier: 'about' }, parseDay('2014-08-08')!);
    expect([formatDay(range.start), formatDay(range.end)]).toEqual(['2014-07-15', '2014-07-21']);
  });
});

describe('days relative to the paper', () => {
  it('reads yesterday and last night as the day before publication, today and this morning as the day itself', () => {
    expect(datesIn('Police fired tear gas yesterday.', '2014-02-20')).toEqual(['yesterday=2014-02-19..2014-02-19']);
    expect(datesIn('The square burned late yesterday.', '2014-02-20')).toEqual(['late yesterday=2014-02-19..2014-02-19']);
    expect(datesIn('Shelling resumed last night.', '2014-02-20')).toEqual(['last night=2014-02-19..2014-02-19']);
    expect(datesIn('Survivors wandered the streets today.', '2010-01-13')).toEqual(['today=2010-01-13..2010-01-13']);
    expect(datesIn('This morning, the scene was grim.', '2010-01-13')).toEqual(['This morning=2010-01-13..2010-01-13']);
  });

  it('reads overnight as the night into publication, both days', () => {
    expect(datesIn('Air strikes hit positions overnight.', '2014-10-07')).toEqual(['overnight=2014-10-06..2014-10-07']);
  });

  it('reads "Monday evening" and "Saturday night" in a next-day paper as that weekday', () => {
    expect(datesIn('Much of Biloxi was underwater Monday night.', '2005-08-30')).toEqual(['Monday=2005-08-29..2005-08-29']);
    expect(datesIn('Crowds gathered on Saturday evening.', '2019-02-24')).toEqual(['on Saturday=2019-02-23..2019-02-23']);
  });

  it('reads a planned event "on Monday" as the next Monday', () => {
    expect(datesIn('A flag-raising ceremony is planned for Monday.', '2022-11-12')).toEqual(['Monday=2022-11-14..2022-11-14']);
  });
});

describe('bare years', () => {
  it('reads "in 2014" as the whole year, and "since 2011" up to publication', () => {
    expect(datesIn('The town was captured by ISIS in 2014.', '2016-07-22')).toEqual(['in 2014=2014-01-01..2014-12-31']);
    expect(datesIn('Fighting has raged since 2011.', '2014-02-07')).toEqual(['since 2011=2011-01-01..2014-02-07']);
  });

  it('stops the year of publication at publication, and leaves a year after it alone', () => {
    expect(datesIn('Elections held in 2019 were disputed.', '2019-03-04')).toEqual(['in 2019=2019-01-01..2019-03-04']);
    expect(datesIn('Elections are due in 2021.', '2019-03-04')).toEqual([]);
  });

  it('leaves a year that is part of an explicit date to that date', () => {
    expect(datesIn('The attack came on Nov. 13, 2015, in Paris.', '2016-03-18')).toEqual(['Nov. 13, 2015=2015-11-13..2015-11-13']);
  });
});

