import { describe, expect, it } from 'vitest';
import type { PlaceCount } from '../../src/core/counts.ts';
import { buildAreaOutlines, buildPlaceMarks } from '../../src/map/marks.ts';
import { createPlace } from '../ingest/helpers.ts';

const look = { radius: (n: number) => n * 10, color: (c: PlaceCount) => (c.dominant === 'attack' ? 'red' : 'blue') };

describe('place marks', () => {
  it('keep every place, faded at 0 when it has no event in the window, so nothing jumps', () => {
    const places = [createPlace('a'), createPlace('b')];
    const marks = buildPlaceMarks(places, new Map([['a', { count: 2, dominant: 'attack', uncertain: 0 }]]), look);
    expect(marks.features.map((f) => [f.properties.id, f.properties.count, f.properties.radius, f.properties.color])).toEqual([
      ['a', 2, 20, 'red'],
      ['b', 0, 4, '#9a948a'],
    ]);
  });

  it('mark a place whose events all have date ranges as uncertain', () => {
    const marks = buildPlaceMarks([createPlace('a')], new Map([['a', { count: 2, dominant: 'attack', uncertain: 2 }]]), look);
    expect(marks.features[0].properties.uncertain).toBe(1);
  });

  it('outline provinces with events, and a country only when selected', () => {
    const places = [createPlace('babil', { kind: 'province', radiusKm: 60 }), createPlace('turkey', { kind: 'country', radiusKm: 800 }), createPlace('baghdad')];
    const counts = new Map(places.map((p) => [p.id, { count: 1, dominant: 'attack' as const, uncertain: 0 }]));
    expect(buildAreaOutlines(places, counts, null).features.map((f) => f.properties.id)).toEqual(['babil']);
    expect(buildAreaOutlines(places, counts, 'turkey').features.map((f) => f.properties.id)).toEqual(['babil', 'turkey']);
  });
});
