import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';

const LIT_SOURCE = 'lit-place';
/** The ring's layer, above every mark. */
export const LIT_LAYER = 'lit-place';
const RING_COLOR = '#0b5cad'; // the page's focus colour (--focus in styles.css)
const RING_GAP = 5; // px between the place's mark and the ring

/** The place to ring: where it is, and its mark's radius now (px), so that the ring goes round the mark. */
export interface LitPlace {
  lngLat: [number, number];
  radius: number;
}

/**
 * A ring around the place a person points at in the chronological list: drawn from a source of its own, so that it
 * shows even where the place is merged into a cluster, above every mark. `show(null)` takes it away. The source and
 * its layer are added when a place is first lit, so that a map nobody lights a place on has nothing more to draw.
 */
export function makeLitPlace(map: MapLibreMap): { show(lit: LitPlace | null): void } {
  let shown: string | null = null;
  return {
    show(lit) {
      const key = lit ? `${lit.lngLat.join(',')} ${lit.radius}` : null;
      if (key === shown) return;
      shown = key;
      const features: GeoJSON.Feature[] = lit ? [{ type: 'Feature', properties: { radius: lit.radius + RING_GAP }, geometry: { type: 'Point', coordinates: lit.lngLat } }] : [];
      const source = map.getSource(LIT_SOURCE) as GeoJSONSource | undefined;
      if (source) return void source.setData({ type: 'FeatureCollection', features });
      if (!lit) return;
      map.addSource(LIT_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features } });
      map.addLayer({
        id: LIT_LAYER,
        type: 'circle',
        source: LIT_SOURCE,
        paint: { 'circle-radius': ['get', 'radius'], 'circle-color': 'rgba(0, 0, 0, 0)', 'circle-stroke-color': RING_COLOR, 'circle-stroke-width': 3 },
      });
    },
  };
}
