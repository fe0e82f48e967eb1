import { describe, expect, it } from 'vitest';
import { firstViewPlaces, mainTheatre } from '../../src/core/frame.ts';
import type { PlaceSummary } from '../../src/core/model.ts';

function createPlaces(list: [string, number, number][]): PlaceSummary[] {
  return list.map(([id, lng, lat]) => ({ id, name: id, kind: 'city', lngLat: [lng, lat], radiusKm: null, reviewed: true }));
}

/** Events as `article: place place …`, one event per place named. */
function createEvents(lines: string[]): { place: string; article: string }[] {
  return lines.flatMap((line) => {
    const [article, places] = line.split(': ');
    return places.split(' ').map((place) => ({ place, article }));
  });
}

const PLACES = createPlaces([['baghdad', 44.4, 33.3], ['mosul', 43.1, 36.3], ['raqqa', 39.0, 35.9], ['washington', -77.0, 38.9], ['brussels', 4.35, 50.85], ['kyiv', 30.5, 50.45], ['kharkiv', 36.25, 49.98], ['kathmandu', 85.3, 27.7]]);

describe('mainTheatre', () => {
  it('gives the busiest place and its neighbours, not the few events far from them', () => {
    const counts: Record<string, number> = { baghdad: 20, mosul: 10, raqqa: 5, washington: 2, brussels: 3 };
    expect(mainTheatre(PLACES, (id) => counts[id] ?? 0).map((p) => p.id)).toEqual(['baghdad', 'mosul', 'raqqa']);
  });

  it('gives nothing without places', () => {
    expect(mainTheatre([], () => 0)).toEqual([]);
  });

  it('counts a place exactly at the radius as near, and one just beyond it as far', () => {
    // One degree of longitude on the equator is 111.195 km (turf's mean Earth radius, 6,371.0088 km).
    const places = createPlaces([['a', 0, 0], ['b', 1, 0]]);
    const counts: Record<string, number> = { a: 2, b: 1 };
    expect(mainTheatre(places, (id) => counts[id], 111.2).map((p) => p.id)).toEqual(['a', 'b']);
    expect(mainTheatre(places, (id) => counts[id], 111.1).map((p) => p.id)).toEqual(['a']);
  });

  it('finds neighbours across the antimeridian', () => {
    const places = createPlaces([['suva', 178.44, -18.14], ['apia', -171.76, -13.83], ['taveuni', -179.97, -16.8], ['kathmandu', 85.3, 27.7]]);
    const counts: Record<string, number> = { suva: 5, apia: 1, taveuni: 2, kathmandu: 3 };
    expect(mainTheatre(places, (id) => counts[id], 300).map((p) => p.id)).toEqual(['suva', 'taveuni']);
  });

  it('gives the theatre with the most events, even when the busiest place lies outside it', () => {
    const counts: Record<string, number> = { kathmandu: 10, kyiv: 6, kharkiv: 6 };
    expect(mainTheatre(PLACES, (id) => counts[id] ?? 0).map((p) => p.id)).toEqual(['kyiv', 'kharkiv']);
  });

  it('gives the first-listed of two equally busy theatres', () => {
    const counts: Record<string, number> = { kathmandu: 4, washington: 4 };
    expect(mainTheatre(PLACES, (id) => counts[id] ?? 0).map((p) => p.id)).toEqual(['washington']);
  });
});

describe('firstViewPlaces', () => {
  it('frames one story without the meetings far away that its articles also report', () => {
    const events = createEvents(['a: baghdad baghdad mosul', 'b: mosul raqqa', 'c: brussels brussels mosul', 'd: brussels brussels raqqa', 'e: washington baghdad baghdad']);
    expect(firstViewPlaces(PLACES, events)).toEqual(['baghdad', 'mosul', 'raqqa']);
  });

  it('frames every story of a mixed corpus, each the main theatre of two articles or more', () => {
    const events = createEvents(['a: baghdad baghdad mosul', 'b: mosul baghdad', 'c: kyiv kharkiv', 'd: kharkiv', 'e: kathmandu', 'f: kathmandu kathmandu', 'g: washington baghdad baghdad']);
    expect(firstViewPlaces(PLACES, events).sort()).toEqual(['baghdad', 'kathmandu', 'kharkiv', 'kyiv', 'mosul']);
  });

  it('frames nothing without events, and one place alone', () => {
    expect(firstViewPlaces(PLACES, [])).toEqual([]);
    expect(firstViewPlaces(PLACES, createEvents(['a: kyiv']))).toEqual(['kyiv']);
  });
});
