import { describe, expect, it } from 'vitest';
import { createArticle } from '../helpers.ts';
import { loadGazetteer } from '../../../src/ingest/gazetteer/gazetteer.ts';
import { findSites } from '../../../src/ingest/gazetteer/sites.ts';
import { runIngest } from '../../../src/ingest/run/pipeline.ts';

/** Each event as "place: the words its mention marks". */
function eventsIn(text: string, published = '2014-02-20'): string[] {
  const { events } = runIngest([{ article: createArticle(published), text }], [], { gazetteer: loadGazetteer() });
  return events.map((e) => `${e.place}: ${text.slice(e.mentionStart!, e.mentionEnd!)}`);
}

describe('named sites', () => {
  it('finds capitalised names that end with a site noun, without the words before them', () => {
    expect(findSites('On Tuesday protesters gathered in Independence Square. The Westgate mall was stormed.').map((s) => s.name)).toEqual(['Independence Square', 'Westgate mall']);
    expect(findSites("Police attacked protesters in Kharkiv's Freedom Square.").map((s) => s.name)).toEqual(['Freedom Square']);
    expect(findSites('The Square was empty.')).toEqual([]);
    expect(findSites('The main prison also fell. A city hospital was full.')).toEqual([]);
  });

  it('puts the events of a site in the city the article ties it to, marking the site in the quote', () => {
    expect(eventsIn('Police stormed the protest camp in Independence Square in Kiev on Tuesday.')).toEqual(['kiev: Independence Square']);
    expect(eventsIn("Police attacked protesters in Kharkiv's Freedom Square on Sunday.")).toEqual(['kharkiv: Freedom Square']);
  });

  it('ties every mention in the article once one mention is tied, and its bare name too', () => {
    const text = 'Gunmen attacked the Westgate mall in Nairobi on Saturday. Troops stormed Westgate mall on Monday. Soldiers seized Westgate on Tuesday.';
    expect(eventsIn(text, '2013-09-25')).toEqual(['nairobi: Westgate mall', 'nairobi: Westgate mall', 'nairobi: Westgate']);
  });

  it("ties \"the capital's\" or \"the city's\" site to the city the article is about, its dateline first", () => {
    const text = 'KIEV, Ukraine (AP) — Police attacked protesters in the capital\'s Independence Square on Tuesday. Officials in Lviv said nothing.';
    expect(eventsIn(text)).toEqual(['kiev: Independence Square']);
  });

  it('reads a lowercase word between a name and its site noun: "the Westgate shopping mall"', () => {
    expect(findSites('Gunmen stormed the Westgate shopping mall.').map((s) => s.name)).toEqual(['Westgate shopping mall']);
  });

  it('puts a site the story ties to nothing in the city it was filed from, unless its name holds another place', () => {
    const text = 'NAIROBI, Sep 25 – Gunmen stormed the Westgate Mall on Saturday. Police raided a Mombasa neighborhood on Monday.';
    expect(eventsIn(text, '2013-09-25')).toEqual(['nairobi: Westgate Mall', 'mombasa: Mombasa']);
  });

  it('leaves out a site the article ties to no city', () => {
    expect(eventsIn('Officials spoke at the White House and at the Pentagon Building on Tuesday.')).toEqual([]);
  });
});
