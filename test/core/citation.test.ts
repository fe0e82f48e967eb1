import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCitation, encodeFragmentTerm, withTextFragment, type CitedPlace } from '../../src/core/citation.ts';
import { formatCitation } from '../../src/core/citation-format.ts';
import { parseDay } from '../../src/core/day.ts';
import type { Article, EventRecord, MapEvent } from '../../src/core/model.ts';

// Citations of seed events (data/events.json, data/articles.json, geo/places.geojson), checked against output written
// out by hand. The seed articles carry no URL; the first case gives one its real-looking address.

const events = (JSON.parse(readFileSync('data/events.json', 'utf8')) as { events: EventRecord[]; places: { properties: { id: string; name: string; reviewed?: boolean }; geometry: { coordinates: [number, number] } }[] });
const articles = JSON.parse(readFileSync('data/articles.json', 'utf8')) as (Omit<Article, 'published'> & { published: string })[];
const curated = (JSON.parse(readFileSync('geo/places.geojson', 'utf8')) as { features: (typeof events)['places'] }).features;

function createSeedCitation(eventId: string, options: { url?: string } = {}) {
  const record = events.events.find((e) => e.id === eventId)!;
  const event: MapEvent = { ...record, start: parseDay(record.start)!, end: parseDay(record.end)! };
  const a = articles.find((x) => x.id === record.article)!;
  const article: Article = { ...a, published: parseDay(a.published)!, url: options.url ?? a.url };
  const feature = [...curated, ...events.places].find((p) => p.properties.id === record.place)!;
  const place: CitedPlace = { id: feature.properties.id, name: feature.properties.name, lngLat: feature.geometry.coordinates, reviewed: feature.properties.reviewed !== false };
  return buildCitation({ event, article, place, permalink: 'https://datelines.example/#from=2014-06-20&to=2014-06-30&place=al-waleed', accessed: parseDay('2026-12-07')! });
}

describe('citing a sentence', () => {
  it('gives every field of a seed event, its source given an address', () => {
    const c = createSeedCitation('kerry-baghdad-2014-06-23#6', { url: 'https://www.hurriyetdailynews.com/kerry-backs-iraq-68099' });
    const f = formatCitation(c);
    expect(f.text).toBe(
      [
        'Kerry backs Iraq against “existential” militant threat. (2014, June 23). Hürriyet Daily News (Agence France-Presse Copy). https://www.hurriyetdailynews.com/kerry-backs-iraq-68099',
        '“The militants are continuing their charge, overrunning the Al-Waleed border crossing with Syria, officers said on June 23.”',
        'Datelines: Al-Waleed border crossing (33.4332, 38.9374), 2014-06-22/2014-06-23 (dated by when it was reported: on or before that day).',
        `Not checked by a person; the ingest's confidence: ${events.events.find((e) => e.id === 'kerry-baghdad-2014-06-23#6')!.confidence!.toFixed(2)}.`, // retrained with the judge
        'The sentence in the source: https://www.hurriyetdailynews.com/kerry-backs-iraq-68099#:~:text=The%20militants%20are%20continuing%20their,officers%20said%20on%20June%2023.',
        'View: https://datelines.example/#from=2014-06-20&to=2014-06-30&place=al-waleed (accessed 2026-12-07).',
      ].join('\n'),
    );
    const [item] = JSON.parse(f.csl) as Record<string, unknown>[];
    expect(item).toEqual({
      id: 'kerry-baghdad-2014-06-23#6',
      'citation-key': 'kerry_baghdad_2014_06_23_6',
      type: 'article-newspaper',
      title: "Kerry backs Iraq against 'existential' militant threat",
      'container-title': 'Hürriyet Daily News (Agence France-Presse copy)',
      issued: { 'date-parts': [[2014, 6, 23]] },
      URL: 'https://www.hurriyetdailynews.com/kerry-backs-iraq-68099',
      accessed: { 'date-parts': [[2026, 12, 7]] },
      note: f.text.split('\n').slice(1).join('\n'),
    });
    expect(f.bibtex).toMatch(/^@article\{kerry_baghdad_2014_06_23_6,$/m);
    expect(f.bibtex).toContain('journal = {Hürriyet Daily News (Agence France-Presse copy)}');
    expect(f.bibtex).toContain('year = {2014}');
    expect(f.bibtex).toContain('month = {jun 23}');
    expect(f.bibtex).toContain('url = {https://www.hurriyetdailynews.com/kerry-backs-iraq-68099}');
    expect(f.bibtex).toContain("title = {Kerry backs {Iraq} against 'existential' militant threat}");
  });

  it('says the source has no address when the article has no URL, and gives CSL-JSON and BibTeX no URL', () => {
    const c = createSeedCitation('kerry-baghdad-2014-06-23#6');
    expect(c.url).toBeNull();
    expect(c.sentenceUrl).toBeNull();
    const f = formatCitation(c);
    expect(f.text.split('\n')[0]).toBe('Kerry backs Iraq against “existential” militant threat. (2014, June 23). Hürriyet Daily News (Agence France-Presse Copy).');
    expect(f.text.split('\n')[4]).toBe('The source has no address.');
    expect(JSON.parse(f.csl)[0]).not.toHaveProperty('URL');
    expect(f.bibtex).not.toMatch(/^\s*url = /m);
  });

  it('says a place no person reviewed is one, with its coordinates, west longitudes negative', () => {
    const c = createSeedCitation('anti-isil-coalition-2016-07-22#4');
    expect(c.place).toEqual({ id: 'progress', name: 'Progress', lngLat: [-76.83136, 40.28509], reviewed: false });
    expect(formatCitation(c).text.split('\n').slice(1, 4)).toEqual([
      '““Progress in military performance must be paired with progress on the security file,” Obeidi tweeted from Washington.”',
      'Datelines: Progress (40.28509, -76.83136), a place no person has reviewed, 2016-07-21 (dated from the sentences before it).',
      `Not checked by a person; the ingest's confidence: ${events.events.find((e) => e.id === 'anti-isil-coalition-2016-07-22#4')!.confidence!.toFixed(2)}.`,
    ]);
  });

  it('says a checked event was checked by a person', () => {
    const c = { ...createSeedCitation('kerry-baghdad-2014-06-23#6'), checked: true };
    expect(formatCitation(c).text.split('\n')[3]).toBe('Checked by a person.');
  });
});

describe('a text fragment to the sentence', () => {
  it('percent-encodes the dash, the ampersand and the comma of a short sentence', () => {
    expect(withTextFragment('https://example.com/a', 'Al-Waleed fell, & Tal Afar too.')).toBe('https://example.com/a#:~:text=Al%2DWaleed%20fell%2C%20%26%20Tal%20Afar%20too.');
  });

  it('matches a long sentence by its first and last five words (textStart,textEnd)', () => {
    const quote = 'one two three four five six seven eight nine ten eleven twelve thirteen';
    expect(withTextFragment('https://example.com/a', quote)).toBe('https://example.com/a#:~:text=one%20two%20three%20four%20five,nine%20ten%20eleven%20twelve%20thirteen');
  });

  it('keeps a fragment the address already has before the directive', () => {
    expect(withTextFragment('https://example.com/a#top', 'Mosul fell.')).toBe('https://example.com/a#top:~:text=Mosul%20fell.');
  });

  it('encodes letters outside ASCII as UTF-8', () => {
    expect(encodeFragmentTerm('Tall ‘Afar')).toBe('Tall%20%E2%80%98Afar');
  });
});

describe('citing hostile text', () => {
  it('keeps markup in a headline and an outlet as text in the reference, untouched by the citation library', () => {
    const c = { ...createSeedCitation('kerry-baghdad-2014-06-23#6'), headline: '<img src=x onerror="alert(1)">Kerry in <b>Baghdad</b>', outlet: 'Wire <i>&</i> Co' };
    const f = formatCitation(c);
    // APA sets the outlet in title case (the "i" after "/" too); nothing else changes.
    expect(f.text.split('\n')[0]).toBe('<img src=x onerror="alert(1)">Kerry in <b>Baghdad</b>. (2014, June 23). Wire <i>&</I> Co.');
    expect(JSON.parse(f.csl)[0]).toMatchObject({ title: c.headline, 'container-title': c.outlet });
  });
});
