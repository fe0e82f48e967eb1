import circle from '@turf/circle';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { PlaceCount } from '../core/counts.ts';
import type { Place } from '../core/model.ts';

export interface MarkProperties {
  id: string;
  name: string;
  /** Events in the window; 0 keeps the mark, faded, so that nothing jumps as the window moves. */
  count: number;
  radius: number; // px
  color: string;
  /** 1 when every event in the window has a date range rather than a day. */
  uncertain: 0 | 1;
}

/**
 * One point per place that has events anywhere in the dataset, with its look for the current window. The set of
 * points never changes with the window (only their properties do), so clusters stay put while scrubbing.
 */
export function buildPlaceMarks(
  places: readonly Place[],
  counts: ReadonlyMap<string, PlaceCount>,
  look: { radius: (count: number) => number; color: (count: PlaceCount) => string },
): FeatureCollection<Point, MarkProperties> {
  const features: Feature<Point, MarkProperties>[] = places.map((place) => {
    const count = counts.get(place.id);
    return {
      type: 'Feature',
      id: places.indexOf(place),
      geometry: { type: 'Point', coordinates: place.lngLat },
      properties: {
        id: place.id,
        name: place.name,
        count: count?.count ?? 0,
        radius: count ? look.radius(count.count) : 4,
        color: count ? look.color(count) : '#9a948a',
        uncertain: count && count.uncertain === count.count ? 1 : 0,
      },
    };
  });
  return { type: 'FeatureCollection', features };
}

/**
 * The extent of areas with events in the window, "somewhere in here": provinces always, a country only when it is
 * the selected place (a country-sized ring over the whole map would drown the marks).
 */
export function buildAreaOutlines(places: readonly Place[], counts: ReadonlyMap<string, PlaceCount>, selected: string | null): FeatureCollection<Polygon, { id: string }> {
  const features = places
    .filter((p) => p.radiusKm !== null && p.radiusKm >= 20 && counts.has(p.id) && (p.kind === 'province' || p.id === selected))
    .map((p) => circle(p.lngLat, p.radiusKm!, { units: 'kilometers', steps: 64, properties: { id: p.id } }));
  return { type: 'FeatureCollection', features };
}
