import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';

const LIT_SOURCE = 'lit-place';

/**
 * A ring around the place a person points at in the chronological list: drawn from a source of its own, so that it
 * shows even where the place is merged into a cluster, above every mark. `show(null)` takes it away. The source and
 * its layer are added when a place is first lit, so that a map nobody lights a place on has nothing more to draw.
 */
export function createLitPlace(map: MapLibreMap): { show(lngLat: [number, number] | null): void } {
  let shown: string | null = null;
  return {
    show(lngLat) {
      const key = lngLat ? lngLat.join(',') : null;
      if (key === shown) return;
      shown = key;
      const features: GeoJSON.Feature[] = lngLat ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: lngLat } }] : [];
      const source = map.getSource(LIT_SOURCE) as GeoJSONSource | undefined;
      if (source) return void source.setData({ type: 'FeatureCollection', features });
      if (!lngLat) return;
      map.addSource(LIT_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features } });
      map.addLayer({
        id: 'lit-place',
        type: 'circle',
        source: LIT_SOURCE,
        paint: { 'circle-radius': 15, 'circle-color': 'rgba(0, 0, 0, 0)', 'circle-stroke-color': '#0b5cad', 'circle-stroke-width': 3 },
      });
    },
  };
}
