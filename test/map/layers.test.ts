import type { LayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { createBasemapStyle } from '../../src/map/basemap.ts';
import { MARK_SHIELD_IMAGE, PLACES_SOURCE, createPlaceLayers, createShieldImage } from '../../src/map/layers.ts';

/** The style as the map holds it once the places are added: the basemap's layers, then the places'. */
function createStyleLayers(): LayerSpecification[] {
  return [...createBasemapStyle('http://localhost/font.woff2', 'http://localhost/').layers, ...createPlaceLayers('')];
}

describe('the place layers', () => {
  it('put the marks’ shields above every symbol layer, basemap’s and places’: MapLibre places them first, so every label yields to a mark', () => {
    const symbols = createStyleLayers().filter((l) => l.type === 'symbol');
    expect(symbols.at(-1)!.id).toBe('mark-shields');
    expect(symbols.map((l) => l.id)).toEqual(expect.arrayContaining(['country-labels', 'sea-labels', 'populated-places-0', 'place-labels']));
  });

  it('shield every mark and every disc, always placed, and placed in the way of labels', () => {
    const shields = createPlaceLayers('').find((l) => l.id === 'mark-shields') as SymbolLayerSpecification;
    expect(shields.source).toBe(PLACES_SOURCE);
    expect(shields.filter).toBeUndefined();
    expect(shields.layout).toMatchObject({ 'icon-image': MARK_SHIELD_IMAGE, 'icon-allow-overlap': true, 'icon-padding': 0 });
    expect(shields.layout!['icon-ignore-placement']).not.toBe(true);
  });

  it('draw nothing for a shield: its image is one transparent pixel', () => {
    const image = createShieldImage();
    expect([image.width, image.height]).toEqual([1, 1]);
    expect([...image.data]).toEqual([0, 0, 0, 0]);
  });

  it('let a disc’s number be drawn over its own shield, never hidden by it', () => {
    const count = createPlaceLayers('').find((l) => l.id === 'cluster-count') as SymbolLayerSpecification;
    expect(count.layout).toMatchObject({ 'text-allow-overlap': true, 'text-ignore-placement': true });
  });
});
