import { describe, expect, it } from 'vitest';
import { extractEvents } from '../../src/ingest/rules/extract.ts';
import { createArticle, createPlace } from './helpers.ts';

// Short news-style texts written for these tests, not seen while the rules were written for the corpus.
const places = [
  createPlace('kirkuk', { name: 'Kirkuk' }),
  createPlace('erbil', { name: 'Erbil', aliases: ['Erbil', 'Arbil'] }),
  createPlace('geneva', { name: 'Geneva', country: 'CH' }),
  createPlace('damascus', { name: 'Damascus', country: 'SY' }),
  createPlace('moscow', { name: 'Moscow', country: 'RU' }),
  createPlace('fallujah', { name: 'Fallujah', kind: 'town', within: 'anbar' }),
  createPlace('anbar', { name: 'Anbar province', aliases: ['Anbar'], kind: 'province' }),
];

function eventsOf(text: string, published: string): string[] {
  return extractEvents(createArticle(published), text, places).map((e) => `${e.place} ${e.start}..${e.end} ${e.category}${e.mentionStart === null ? ' (inferred)' : ''}`);
}

describe('articles the rules were not written against', () => {
  it('keeps a capital that speaks for its government off the map', () => {
    const text = 'Moscow warned on Tuesday that strikes would escalate. Damascus said the rebels lied.\nThe talks in Geneva collapsed on Tuesday, diplomats said.';
    expect(eventsOf(text, '2015-10-01')).toEqual(['geneva 2015-09-29..2015-09-29 meeting']);
  });

  it('dates a future meeting forward and a past one back', () => {
    const text = 'Foreign ministers will meet in Geneva on Monday to discuss a truce.\nOn Monday, a car bomb exploded in Kirkuk, police said.';
    expect(eventsOf(text, '2015-10-01')).toEqual(['geneva 2015-10-05..2015-10-05 meeting', 'kirkuk 2015-09-28..2015-09-28 attack']);
  });

  it('gives a weekend as Saturday and Sunday, never one guessed day', () => {
    const text = 'At the weekend, militants stormed Fallujah in Anbar province, residents said.';
    expect(eventsOf(text, '2016-01-05')).toEqual(['fallujah 2016-01-02..2016-01-03 capture']);
  });

  it('crosses a year boundary: "on Wednesday" published on a Saturday in January', () => {
    const text = 'Kurdish forces retook villages near Erbil on Wednesday.';
    expect(eventsOf(text, '2015-01-03')).toEqual(['erbil 2014-12-31..2014-12-31 recapture']);
  });

  it('places a meeting from the dateline when the sentence names no place, and says it is inferred', () => {
    const text = 'ARBIL - Reuters\n\nThe Kurdish president met with the Turkish envoy on Sunday.';
    expect(eventsOf(text, '2015-03-02')).toEqual(['erbil 2015-03-01..2015-03-01 meeting (inferred)']);
  });

  it('lets an undated sentence take the date of the paragraph before it', () => {
    const text = 'Militants attacked a checkpoint on Friday, police said.\nLater, fighting broke out in Kirkuk and two soldiers were killed.';
    expect(eventsOf(text, '2015-06-08')).toEqual(['kirkuk 2015-06-05..2015-06-05 attack']);
  });

  it('does not place an origin or a speculation', () => {
    const text = 'Fighters from Fallujah arrived on Monday. The fall of Kirkuk would be a disaster, he said on Monday.';
    expect(eventsOf(text, '2015-06-08')).toEqual([]);
  });

  it('places meetings with leaders, every town of a list, and a town that fell', () => {
    const text = 'Kerry met Iraqi leaders in Kirkuk on Monday.\nMilitants seized Kirkuk, Erbil and Fallujah on Saturday.\nFallujah fell to militants on Sunday.';
    expect(eventsOf(text, '2015-06-09')).toEqual([
      'kirkuk 2015-06-08..2015-06-08 meeting',
      'kirkuk 2015-06-06..2015-06-06 capture',
      'erbil 2015-06-06..2015-06-06 capture',
      'fallujah 2015-06-06..2015-06-06 capture',
      'fallujah 2015-06-07..2015-06-07 capture',
    ]);
  });

  it('reports no event for a denial, a threat, or a name inside another name', () => {
    const text = 'Officials denied that militants had seized Kirkuk on Sunday.\nMilitants threatened to seize Erbil on Sunday.\nKerry said in an interview with the Geneva Times on Sunday that talks would go on.';
    expect(eventsOf(text, '2015-06-09')).toEqual([]);
  });

  it('reads the event from its own clause, not from reported speech or a clause before it', () => {
    const text =
      'Kerry told reporters in Geneva on Sunday that airstrikes had killed hundreds.\n' +
      'Born in Kirkuk, the commander led the attack on Erbil on Sunday.\n' +
      'Militants seized Fallujah on June 1, and officials said the army would try to retake it.\n' +
      'The talks in Moscow took place on Monday.';
    expect(eventsOf(text, '2015-06-09')).toEqual([
      'geneva 2015-06-07..2015-06-07 statement',
      'erbil 2015-06-07..2015-06-07 attack',
      'fallujah 2015-06-01..2015-06-01 capture',
      'moscow 2015-06-08..2015-06-08 meeting',
    ]);
  });

  it('dates an event said to have happened by the day it was said: reported, from the day before to that day', () => {
    const text = 'Insurgents overran Kirkuk after days of fighting, an official said on Monday.\nKerry said in Geneva on Monday that the talks would go on.';
    const events = extractEvents(createArticle('2014-06-24'), text, places);
    expect(events.map((e) => `${e.place} ${e.start}..${e.end} ${e.dateBasis} ${e.dateText}`)).toEqual([
      'kirkuk 2014-06-22..2014-06-23 reported on Monday',
      'geneva 2014-06-23..2014-06-23 stated on Monday',
    ]);
  });

  it('takes the kind of a fronted place from the clause after it, and calls a located report of no known kind other', () => {
    const text = 'In Kirkuk on June 23, militants attacked a checkpoint, police said.\nLooters swarmed a supermarket in Erbil on June 24.';
    expect(eventsOf(text, '2014-06-25')).toEqual(['kirkuk 2014-06-23..2014-06-23 attack', 'erbil 2014-06-24..2014-06-24 other']);
  });

  it('reads no event from a heading or caption line, only from the sentences of the story', () => {
    const text = 'Syria: all Erbil hospitals destroyed\nShells hit the last hospital in Erbil on Monday.';
    expect(eventsOf(text, '2016-11-22')).toEqual(['erbil 2016-11-21..2016-11-21 attack']);
  });
});

