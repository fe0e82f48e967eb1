import { describe, expect, it } from 'vitest';
import { createArticle } from '../helpers.ts';
import { loadGazetteer } from '../../../src/ingest/gazetteer/gazetteer.ts';
import { runIngest } from '../../../src/ingest/run/pipeline.ts';

function report(text: string, published = '2022-04-04') {
  return runIngest([{ article: createArticle(published), text }], [], { gazetteer: loadGazetteer() }).report[0];
}

/** What the name was settled as in the article: "Name CC (kind)", or null when it was left out. */
function meaning(text: string, name: string): string | null {
  const settled = report(text).names.find((n) => n.name === name);
  if (!settled) throw new Error(`"${name}" was not looked up`);
  if (settled.place === null) return null;
  const e = loadGazetteer().byRef(settled.place)!;
  return `${e.name} ${e.country} (${e.kind})`;
}

/** The places an article's events land on, as "name country", with the gazetteer only. */
function eventPlaces(text: string, published = '2022-04-04'): string[] {
  const { events, places } = runIngest([{ article: createArticle(published), text }], [], { gazetteer: loadGazetteer() });
  return events.map((e) => places.find((f) => f.id === e.place)!).map((p) => `${p.properties.name} ${p.properties.country}`);
}

describe('which place a name means', () => {
  it('finds a town nobody curated, and puts its event there', () => {
    expect(eventPlaces('Russian troops shelled Bucha, Ukraine, on Saturday, officials said.')).toEqual(['Bucha UA']);
  });

  it('follows an explicit qualifier: Paris, Texas is not Paris, France', () => {
    expect(meaning('A tornado struck homes in Paris, Texas, on Sunday.', 'Paris')).toBe('Paris US (town)');
    expect(meaning('Police raided a flat in Paris on Sunday, officials in France said.', 'Paris')).toBe('Paris FR (city)');
  });

  it('takes the story country: Tripoli in Libya, Lalitpur in Nepal', () => {
    expect(meaning('Rebels in Libya shelled Misrata on Monday, and clashes broke out in Tripoli.', 'Tripoli')).toBe('Tripoli LY (city)');
    expect(meaning('Troops clashed with gunmen in Tripoli on Monday, the army of Lebanon said.', 'Tripoli')).toBe('Tripoli LB (city)');
    expect(meaning('The earthquake in Nepal destroyed temples in Lalitpur on Saturday.', 'Lalitpur')).toMatch(/ NP \(/);
  });

  it('reads spellings as news writes them', () => {
    expect(meaning('Shelling hit Mykolayiv on Sunday, the governor said.', 'Mykolayiv')).toBe('Mykolayiv UA (city)');
    expect(meaning('Aftershocks shook Katmandu on Sunday.', 'Katmandu')).toBe('Kathmandu NP (city)');
    expect(meaning('Fighting went on in Misurata, Libya.', 'Misurata')).toBe('Mişrātah LY (city)');
    expect(meaning('Gunmen attacked a checkpoint in Tall Afar, Iraq, on Monday.', 'Tall Afar')).toBe('Tall ‘Afar IQ (town)');
  });

  it('takes a region word for the region, and a bare name for the city', () => {
    expect(meaning('Ukrainian troops advanced in Kherson Oblast on Friday.', 'Kherson Oblast')).toBe('Kherson UA (province)');
    expect(meaning('Ukrainian troops entered Kherson on Friday.', 'Kherson')).toBe('Kherson UA (city)');
  });

  it('does not take a person for a place', () => {
    expect(eventPlaces('Secretary of State John Kerry arrived on Monday. Kerry met officials in Baghdad on Monday.', '2014-06-23')).toEqual(['Baghdad IQ']);
    expect(meaning('Michael Jordan visited the school in Chicago on Monday. Jordan said it was moving.', 'Jordan')).toBeNull();
  });

  it('does not take a thing or a longer name for a place', () => {
    expect(meaning('The ferry Ankara docked in Misrata on Monday.', 'Ankara')).toBeNull();
    expect(meaning('Fighting raged on Tripoli Street in Misrata on Monday.', 'Tripoli')).toBeNull();
    expect(meaning('The Washington Post reported clashes in Basra.', 'Washington')).toBeNull();
  });

  it('leaves a small namesake abroad out rather than guess it', () => {
    // "Arab" and "Levant" are towns in the United States, which the article names.
    const text = 'The United States said Arab states would help fight the Islamic State of Iraq and the Levant.';
    expect(meaning(text, 'Arab')).toBeNull();
    expect(meaning(text, 'Levant')).toBeNull();
  });

  it('does not read a capitalised first word as part of a name', () => {
    const names = report('Much of Biloxi was underwater on Monday night.').names;
    expect(names.find((n) => n.name === 'Biloxi')!.reason).not.toBe('part of a longer name');
  });

  it('keeps countries as evidence, never as an event place', () => {
    expect(eventPlaces('Gunmen attacked a checkpoint in Iraq on Monday.', '2014-06-23')).toEqual([]);
  });

  it('reports the names it could not place', () => {
    expect(report('Troops attacked Kherson on Friday. Fighting continued in Blorptown on Saturday.').unrecognised).toEqual(['Blorptown']);
  });
});
