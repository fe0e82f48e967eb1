import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { PLACE_TILE_LAYER, PLACE_TILE_SETS, placeTileFile, type PlaceTileProperties } from '../../src/map/place-tiers.ts';
import { createPlaceTiles, labelName, withoutDuplicates, worldPosition, type PopulatedPlace } from '../../vite/populated-places.ts';
import { TILE_EXTENT } from '../../vite/vector-tile.ts';

function createPlace(name: string, lngLat: [number, number], population = 0, tier = 4): PopulatedPlace {
  return { name, lngLat, population, tier };
}

function placesIn(bytes: Uint8Array | undefined) {
  const layer = new VectorTile(new PbfReader(bytes ?? new Uint8Array(0))).layers[PLACE_TILE_LAYER];
  return layer ? Array.from({ length: layer.length }, (_, i) => ({ ...(layer.feature(i).properties as unknown as PlaceTileProperties), at: layer.feature(i).loadGeometry()[0][0] })) : [];
}

describe('the label of a populated place', () => {
  it('is GeoNames’ name when the bundled font has every letter of it', () => {
    expect(labelName('Tall ‘Afar', 'Tall `Afar')).toBe('Tall ‘Afar');
    expect(labelName('Liège', 'Liege')).toBe('Liège');
  });

  it('is GeoNames’ ASCII spelling when the font lacks a letter', () => {
    expect(labelName('Abū Ghurayb', 'Abu Ghurayb')).toBe('Abu Ghurayb');
    expect(labelName('Łódź', 'Lodz')).toBe('Lodz');
  });

  it('stays the name when there is no ASCII spelling to fall back on', () => {
    expect(labelName('Abū Ghurayb', '')).toBe('Abū Ghurayb');
  });
});

describe('duplicate populated places', () => {
  it('leave out a town GeoNames lists twice, under one name with and without its article, 5 km apart', () => {
    const seat = createPlace('Khalis', [44.53343, 33.80809], 70_046, 2);
    const twin = createPlace('Al Khalis', [44.52047, 33.85118], 0, 2);
    expect(withoutDuplicates([seat, twin])).toEqual([seat]);
  });

  it('keep two towns of one name farther apart than a town', () => {
    const places = [createPlace('Springfield', [-89.65, 39.8]), createPlace('Springfield', [-89.2, 39.8])];
    expect(withoutDuplicates(places)).toEqual(places);
  });

  it('keep neighbours of other names', () => {
    const places = [createPlace('Baghdad', [44.4, 33.34]), createPlace('Kadhimiya', [44.34, 33.38])];
    expect(withoutDuplicates(places)).toEqual(places);
  });

  it('are found across the edges of the grid they are looked up in, and as far east as DUPLICATE_KM at 70°N', () => {
    expect(withoutDuplicates([createPlace('Nord', [20.0001, 69.9999]), createPlace('Nord', [19.9999, 70.0001])])).toHaveLength(1);
    expect(withoutDuplicates([createPlace('Nord', [20, 70]), createPlace('Nord', [20.25, 70])])).toHaveLength(1); // 9.5 km
    expect(withoutDuplicates([createPlace('Nord', [20, 70]), createPlace('Nord', [20.3, 70])])).toHaveLength(2); // 11.4 km
  });
});

describe('the tiles of populated places', () => {
  it('write every tile of each set, empty where no place lies', () => {
    const tiles = createPlaceTiles([]);
    const expected = Object.values(PLACE_TILE_SETS).reduce((sum, set) => sum + 4 ** set.zoom, 0);
    expect(tiles.size).toBe(expected);
    expect([...tiles.values()].every((bytes) => bytes.length === 0)).toBe(true);
  });

  it('put a place in the tile of its set that holds it, where it lies in that tile', () => {
    const baghdad = createPlace('Baghdad', [44.40088, 33.34058], 7_216_000, 0);
    const abuGhurayb = createPlace('Abu Ghurayb', [44.18477, 33.30563], 900_000, 1);
    const mahmudiyah = createPlace('Al Mahmudiyah', [44.36588, 33.06134], 0, 2);
    const tiles = createPlaceTiles([baghdad, abuGhurayb, mahmudiyah]);
    const cities = placesIn(tiles.get(placeTileFile('cities', 3, 4, 3)));
    expect(cities.map((p) => [p.name, p.tier, p.population])).toEqual([
      ['Baghdad', 0, 7_200_000],
      ['Abu Ghurayb', 1, 900_000],
    ]);
    expect(placesIn(tiles.get(placeTileFile('towns', 6, 39, 25))).map((p) => [p.name, p.tier, p.population])).toEqual([['Al Mahmudiyah', 2, 0]]);
    // Back from tile units to degrees: within a tile unit (about 0.3 km in a tile of zoom 3).
    const [x, y] = worldPosition(baghdad.lngLat).map((v) => v * 8);
    expect(Math.abs(cities[0].at.x - (x - 4) * TILE_EXTENT)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(cities[0].at.y - (y - 3) * TILE_EXTENT)).toBeLessThanOrEqual(0.5);
  });
});

describe('a position on Web Mercator’s unit square', () => {
  it('starts at the antimeridian and wraps longitudes past it', () => {
    expect(worldPosition([-180, 0])[0]).toBe(0);
    expect(worldPosition([0, 0])).toEqual([0.5, 0.5]);
    expect(worldPosition([190, 0])[0]).toBeCloseTo(370 / 360 - 1, 12);
  });

  it('stays on the square at the poles, where the map ends', () => {
    expect(worldPosition([0, 90])[1]).toBeCloseTo(0, 4);
    expect(worldPosition([0, -90])[1]).toBeCloseTo(1, 4);
  });
});
