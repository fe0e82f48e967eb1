import { describe, expect, it } from 'vitest';
import { SUPPORTED_DAYS, dayFromParts, formatDay, parseDay } from '../../src/core/day.ts';
import { InputError, checkEventsOutput, parseArticles, parseEvents, parsePlaces } from '../../src/core/validate.ts';

const known = { places: new Set(['baghdad']), articles: new Set(['a']) };
function createRecord(overrides: Record<string, unknown> = {}) {
  return { id: 'a#1', article: 'a', place: 'baghdad', start: '2014-06-23', end: '2014-06-23', category: 'meeting', quote: 'Q', quoteStart: 0, mentionStart: null, mentionEnd: null, ...overrides };
}

describe('events.json as the app reads it', () => {
  it('keeps the good records and reports each bad one with its field', () => {
    const json = JSON.stringify({
      events: [createRecord(), createRecord({ id: 'a#2', place: 'atlantis' }), createRecord({ id: 'a#3', start: '2014-02-30' }), createRecord({ id: 'a#4', end: '2014-06-01' }), createRecord()],
    });
    const { events, problems } = parseEvents(json, 'events.json', known);
    expect(events.map((e) => e.id)).toEqual(['a#1']);
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'events[1].place: unknown place "atlantis"',
      'events[2].start: must be a real calendar day, YYYY-MM-DD',
      'events[3].end: is before start',
      'events[4].id: duplicate id "a#1"',
    ]);
  });

  it('rejects a file that is not an events object at all', () => {
    expect(() => parseEvents('[1, 2]', 'events.json', known)).toThrow(/events\.json/);
    expect(() => parseEvents('{', 'events.json', known)).toThrow(/invalid JSON/);
  });
});

describe('places.geojson', () => {
  const place = (id: string, extra: Record<string, unknown> = {}, geometry: unknown = { type: 'Point', coordinates: [44, 33] }) => ({
    type: 'Feature',
    id,
    geometry,
    properties: { id, name: id, aliases: [], kind: 'city', country: 'IQ', source: 'test', ...extra },
  });
  const parse = (...features: unknown[]) => parsePlaces(JSON.stringify({ type: 'FeatureCollection', features }), 'places.geojson');

  it('accepts a Polygon for an area, placing its point inside and its radius to the farthest corner', () => {
    const [anbar] = parse(place('anbar', { kind: 'province' }, { type: 'Polygon', coordinates: [[[40, 32], [42, 32], [42, 34], [40, 34], [40, 32]]] }));
    expect(anbar.lngLat[0]).toBeGreaterThan(40);
    expect(anbar.lngLat[0]).toBeLessThan(42);
    expect(anbar.radiusKm).toBeGreaterThan(100);
  });

  it('names the feature that is wrong, and nothing else', () => {
    expect(() => parse(place('baghdad', { kind: 'metropolis' }), place('green-zone', { within: 'baghdad' }))).toThrow(/^places\.geojson: place "baghdad"\.properties\.kind: must be one of/);
    try {
      parse(place('baghdad', { kind: 'metropolis' }), place('green-zone', { within: 'baghdad' }));
    } catch (error) {
      expect((error as Error).message.split('\n')).toHaveLength(1);
    }
  });

  it('refuses one alias for two places', () => {
    expect(() => parse(place('ana', { aliases: ['Anah'] }), place('anah-town', { aliases: ['Anah'] }))).toThrow('places.geojson: place "anah-town".properties.aliases: "Anah" is already a name of "ana"');
  });

  it('refuses a within loop, naming it, instead of hanging whatever walks up it', () => {
    expect(() => parse(place('a', { within: 'b' }), place('b', { within: 'a' }))).toThrow('places.geojson: place "a".properties.within: "a" lies within itself: a → b → a');
    expect(() => parse(place('a', { within: 'a' }))).toThrow('places.geojson: place "a".properties.within: "a" lies within itself: a → a');
    expect(parse(place('iraq', { kind: 'country' }), place('anbar', { kind: 'province', within: 'iraq' }), place('ramadi', { within: 'anbar' })).map((p) => p.within)).toEqual([null, 'iraq', 'anbar']);
  });
});

describe('JSON as the files hold it', () => {
  const article = { id: 'a', file: 'articles/a.txt', headline: null, outlet: null, published: '2014-06-23', url: null };

  it('accepts a byte-order mark before the JSON, as editors on Windows save it', () => {
    expect(parseArticles(`\uFEFF${JSON.stringify([article])}`, 'articles.json').map((a) => a.id)).toEqual(['a']);
  });

  it('refuses JSON nested 100,000 deep with a problem, not a RangeError', () => {
    const deep = `${'['.repeat(100_000)}1${']'.repeat(99_999)}`;
    expect(() => parseArticles(deep, 'articles.json')).toThrow(/^articles\.json: \(json\): nested more than 64 levels deep \(line 1, column 65\)$/);
    expect(() => parseArticles(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'articles.json')).toThrow(InputError);
  });

  it('refuses a key given twice in one object, naming its path, where JSON would keep only the last', () => {
    const json = `[{"id": "a", "file": "articles/a.txt", "headline": null, "outlet": null, "published": "2014-06-23", "url": null, "published": "2014-06-24"}]`;
    expect(() => parseArticles(json, 'articles.json')).toThrow(/^articles\.json: \[0\]\.published: duplicate key: it is given 2 times, and JSON would keep only the last$/);
    const places = '{"type": "FeatureCollection", "features": [], "type": "FeatureCollection"}';
    expect(() => parsePlaces(places, 'places.geojson')).toThrow(/^places\.geojson: type: duplicate key/);
  });
});

describe('calendar days the files may hold', () => {
  const articles = (published: string) => JSON.stringify([{ id: 'a', file: 'articles/a.txt', headline: null, outlet: null, published, url: null }]);

  it('reads years 0001–0099 as the days they are, not as 19xx (a Date.UTC quirk)', () => {
    expect(formatDay(parseDay('0001-01-01')!)).toBe('0001-01-01');
    expect(formatDay(parseDay('0099-12-31')!)).toBe('0099-12-31');
    expect(parseDay('0050-02-29')).toBeNull(); // not a leap year
    expect(formatDay(dayFromParts(44, 3, 15)!)).toBe('0044-03-15');
  });

  it(`refuses a publication day outside ${formatDay(SUPPORTED_DAYS.start)}..${formatDay(SUPPORTED_DAYS.end)}, saying so`, () => {
    expect(parseArticles(articles('1800-01-01'), 'articles.json')).toHaveLength(1);
    expect(parseArticles(articles('2100-12-31'), 'articles.json')).toHaveLength(1);
    for (const day of ['9999-12-31', '1799-12-31', '0050-06-01']) {
      expect(() => parseArticles(articles(day), 'articles.json')).toThrow('articles.json: [0].published: must lie between 1800-01-01 and 2100-12-31');
    }
  });

  it('leaves out an event dated outside the supported days, so one typo cannot stretch the time axis over millennia', () => {
    const json = JSON.stringify({ events: [createRecord(), createRecord({ id: 'a#2', end: '9999-12-31' })] });
    const { events, problems } = parseEvents(json, 'events.json', known);
    expect(events.map((e) => e.id)).toEqual(['a#1']);
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual(['events[1].end: must lie between 1800-01-01 and 2100-12-31']);
  });
});

describe('place geometry', () => {
  const feature = (geometry: unknown) => ({ type: 'Feature', id: 'anbar', geometry, properties: { id: 'anbar', name: 'Anbar', aliases: [], kind: 'province', country: 'IQ', source: 'test' } });
  const parse = (geometry: unknown) => parsePlaces(JSON.stringify({ type: 'FeatureCollection', features: [feature(geometry)] }), 'places.geojson');
  const square = [[40, 32], [42, 32], [42, 34], [40, 34], [40, 32]];

  it('refuses a Polygon or MultiPolygon without rings, where Turf would throw', () => {
    expect(() => parse({ type: 'Polygon', coordinates: [] })).toThrow('places.geojson: place "anbar".geometry.coordinates: a Polygon needs at least one ring');
    expect(() => parse({ type: 'MultiPolygon', coordinates: [] })).toThrow('places.geojson: place "anbar".geometry.coordinates: a MultiPolygon needs at least one polygon');
    expect(() => parse({ type: 'MultiPolygon', coordinates: [[]] })).toThrow('places.geojson: place "anbar".geometry.coordinates[0]: a Polygon needs at least one ring');
  });

  it('refuses a ring that does not end where it starts', () => {
    expect(() => parse({ type: 'Polygon', coordinates: [[[40, 32], [42, 32], [42, 34], [40, 34]]] })).toThrow(
      'places.geojson: place "anbar".geometry.coordinates[0]: a ring must be closed: its last position must equal its first',
    );
    expect(parse({ type: 'MultiPolygon', coordinates: [[square]] })[0].radiusKm).toBeGreaterThan(100);
  });

  it('refuses a polygon across the antimeridian, asking for it to be split at ±180', () => {
    const fiji = [[179, -16], [-179, -16], [-179, -18], [179, -18], [179, -16]];
    expect(() => parse({ type: 'Polygon', coordinates: [fiji] })).toThrow(
      'places.geojson: place "anbar".geometry.coordinates[0]: crosses the antimeridian (an edge spans more than 180° of longitude): split it into a MultiPolygon at ±180',
    );
    const split = [[[[179, -16], [180, -16], [180, -18], [179, -18], [179, -16]]], [[[-180, -16], [-179, -16], [-179, -18], [-180, -18], [-180, -16]]]];
    const [place] = parse({ type: 'MultiPolygon', coordinates: split });
    expect(Math.abs(place.lngLat[0])).toBeGreaterThan(178);
    expect(place.radiusKm).toBeLessThan(400);
  });

  it('refuses a radius that is not a finite number', () => {
    const json = JSON.stringify({ type: 'FeatureCollection', features: [{ ...feature({ type: 'Point', coordinates: [43, 33] }), properties: { ...feature(null).properties, radiusKm: 1 } }] }).replace('"radiusKm":1', '"radiusKm":1e400');
    expect(() => parsePlaces(json, 'places.geojson')).toThrow(/place "anbar"\.properties\.radiusKm: /);
  });
});

describe('the ingest output checked against the contract', () => {
  const text = 'BAGHDAD - Wire\nMilitants attacked Mosul on June 23, officials said. Kerry met Maliki in Baghdad.\n';
  const inputs = { places: new Set(['mosul', 'baghdad']), texts: new Map([['a', text]]) };
  function createOutput() {
    const quote = (s: string) => ({ quote: s, quoteStart: text.indexOf(s) });
    return {
      events: [
        { id: 'a#1', article: 'a', place: 'mosul', start: '2014-06-23', end: '2014-06-23', category: 'attack', ...quote('Militants attacked Mosul on June 23, officials said.'), mentionStart: text.indexOf('Mosul'), mentionEnd: text.indexOf('Mosul') + 5, dateBasis: 'stated', dateText: 'on June 23' },
        { id: 'a#2', article: 'a', place: 'baghdad', start: '2014-06-24', end: '2014-06-24', category: 'meeting', ...quote('Kerry met Maliki in Baghdad.'), mentionStart: text.lastIndexOf('Baghdad'), mentionEnd: text.lastIndexOf('Baghdad') + 7, dateBasis: 'published', dateText: null },
      ] as Record<string, unknown>[],
      places: [] as unknown[],
    };
  }
  const check = (output: ReturnType<typeof createOutput>) => checkEventsOutput(output, 'events.json', inputs).map((p) => `${p.field}: ${p.message}`);

  it('holds for a valid output', () => {
    expect(check(createOutput())).toEqual([]);
  });

  it('finds an event without a place, as an empty alias pattern made', () => {
    const output = createOutput();
    delete output.events[0].place;
    expect(check(output)).toEqual(['events[0].place: is missing']);
  });

  it('finds a quote that does not stand at its offset, and a mention outside its quote', () => {
    const output = createOutput();
    output.events[0].quoteStart = 3;
    output.events[1].mentionStart = 0;
    output.events[1].mentionEnd = 7;
    expect(check(output)).toEqual([
      'events[0].quote: is not the text at quoteStart 3 of article "a"',
      'events[1].mentionStart: the mention 0..7 lies outside its quote',
    ]);
  });

  it('finds events out of the contract order, a field the contract lacks, an unknown place and a day out of range', () => {
    const output = createOutput();
    output.events.reverse();
    expect(check(output)).toEqual(['events[1].start: out of order: events are sorted by start, then article, then quoteStart']);
    const extra = createOutput();
    extra.events[0].note = 'x';
    extra.events[1].place = 'atlantis';
    expect(check(extra)).toEqual(['events[0].note: is not a field of an event', 'events[1].place: unknown place "atlantis"']);
    const late = createOutput();
    late.events[1].start = late.events[1].end = '9999-12-31';
    expect(check(late)).toEqual(['events[1].start: must lie between 1800-01-01 and 2100-12-31']);
  });

  it('finds a gazetteer place that is curated, reviewed, or used by no event', () => {
    const output = createOutput();
    const found = (id: string, reviewed: boolean) => ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [43, 36] }, properties: { id, name: 'X', aliases: ['X'], kind: 'city', country: 'IQ', source: 'test', reviewed } });
    output.places = [found('mosul', false), found('tikrit', true)];
    output.events[1].place = 'tikrit';
    expect(check(output)).toEqual([
      'places[0].id: duplicate id "mosul"',
      'places[1].properties.reviewed: must be false: a place from the gazetteer awaits review',
    ]);
    output.events[1].place = 'baghdad';
    output.places = [found('tikrit', false)];
    expect(check(output)).toEqual(['places[0].id: "tikrit" is used by no event']);
  });
});
