import distance from '@turf/distance';
import type { PlaceSummary } from './model.ts';

/**
 * The places of the main theatre: those within `radiusKm` of the place with the most events. The first view frames
 * them, so a story about Iraq opens on Iraq and Syria, not on a world map stretched to reach Washington.
 */
export function mainTheatre<P extends PlaceSummary>(places: readonly P[], eventCount: (id: string) => number, radiusKm = 900): P[] {
  if (places.length === 0) return [];
  const busiest = places.reduce((a, b) => (eventCount(b.id) > eventCount(a.id) ? b : a));
  return places.filter((p) => distance(p.lngLat, busiest.lngLat, { units: 'kilometers' }) <= radiusKm);
}
