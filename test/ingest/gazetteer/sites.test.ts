import { describe, expect, it } from 'vitest';
import { createArticle } from '../helpers.ts';
import { loadGazetteer } from '../../../src/ingest/gazetteer/gazetteer.ts';
import { findSites } from '../../../src/ingest/gazetteer/sites.ts';
import { runIngest } from '../../../src/ingest/pipeline.ts';

function sitesIn(text: string): { name: string; source: string; radiusKm?: number }[] {
  const { places } = runIngest([{ article: createArticle('2014-02-20'), text }], [], { gazetteer: loadGazetteer() });
  return places.filter((p) => p.properties.kind === 'site').map((p) => ({ name: p.properties.name, source: p.properties.source, radiusKm: p.properties.radiusKm }));
}

describe('named sites', () => {
  it('finds capitalised names that end with a site noun, without the words before them', () => {
    expect(findSites('On Tuesday protesters gathered in Independence Square. The Westgate mall was stormed.').map((s) => s.name)).toEqual(['Independence Square', 'Westgate mall']);
    expect(findSites('The Square was empty.')).toEqual([]);
  });

  it('places a site at the city the article ties it to, as an area, unreviewed', () => {
    expect(sitesIn('Police stormed the protest camp in Independence Square in Kiev on Tuesday.')).toEqual([
      { name: 'Independence Square', source: "A site the articles place in Kyiv; its exact point is not known: drawn as the city's area", radiusKm: 15 },
    ]);
    expect(sitesIn("Police attacked protesters in Kharkiv's Freedom Square on Sunday.").map((s) => s.name)).toEqual(['Freedom Square']);
  });

  it('ties every mention in the article once one mention is tied', () => {
    const text = 'Gunmen attacked the Westgate mall in Nairobi on Saturday. Troops stormed Westgate mall on Monday.';
    const { events } = runIngest([{ article: createArticle('2013-09-24'), text }], [], { gazetteer: loadGazetteer() });
    expect(events.map((e) => e.place)).toEqual(['westgate-mall', 'westgate-mall']);
  });

  it('leaves out a site the article ties to no city', () => {
    expect(sitesIn('Officials spoke at the White House and at the Pentagon Building on Tuesday, in Kiev later.')).toEqual([]);
  });
});
