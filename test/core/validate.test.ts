import { describe, expect, it } from 'vitest';
import { parseEvents, parsePlaces } from '../../src/core/validate.ts';

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
