import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { encodePointTile, TILE_EXTENT } from '../../vite/vector-tile.ts';

// Decoded with @mapbox/vector-tile, the reader MapLibre itself uses (a dependency of maplibre-gl).

function decode(bytes: Uint8Array) {
  return new VectorTile(new PbfReader(bytes));
}

describe('a tile of points', () => {
  it('decodes to the points given, with their properties, in their order', () => {
    const bytes = encodePointTile('places', [
      { x: 0, y: 0, properties: { name: 'Corner', population: 0 } },
      { x: 2048, y: 1024.4, properties: { name: 'Middle', population: 7_200_000 } },
      { x: 4095, y: 4095, properties: { name: 'Ünïcode ‘quoted’', population: 1.5 } },
    ]);
    const layer = decode(bytes).layers.places;
    expect(layer.extent).toBe(TILE_EXTENT);
    expect(layer.length).toBe(3);
    const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i));
    expect(features.map((f) => f.type)).toEqual([1, 1, 1]);
    expect(features.map((f) => f.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y])))).toEqual([[[[0, 0]]], [[[2048, 1024]]], [[[4095, 4095]]]]);
    expect(features.map((f) => f.properties)).toEqual([
      { name: 'Corner', population: 0 },
      { name: 'Middle', population: 7_200_000 },
      { name: 'Ünïcode ‘quoted’', population: 1.5 },
    ]);
  });

  it('keeps a string and a number that read alike as two values', () => {
    const layer = decode(encodePointTile('places', [{ x: 1, y: 1, properties: { a: '12', b: 12 } }])).layers.places;
    expect(layer.feature(0).properties).toEqual({ a: '12', b: 12 });
  });

  it('is empty, zero bytes and no layer, when there are no points', () => {
    const bytes = encodePointTile('places', []);
    expect(bytes.length).toBe(0);
    expect(Object.keys(decode(bytes).layers)).toEqual([]);
  });

  it('writes the same bytes for the same points', () => {
    const points = [{ x: 5, y: 9, properties: { name: 'Ana' } }];
    expect(encodePointTile('places', points)).toEqual(encodePointTile('places', points));
  });
});
