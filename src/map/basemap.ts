import type { StyleSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import area from '@turf/area';
import { polygon } from '@turf/helpers';
import pointOnFeature from '@turf/point-on-feature';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries50m from 'world-atlas/countries-50m.json';
import { unwrapFeature } from './antimeridian.ts';

export const LABEL_FONT = 'Noto Sans Regular';

const COLORS = {
  water: '#dde5ea', // muted blue-grey sea
  land: '#f6f4f0',
  border: '#b9b2a6',
  label: '#8a8379',
};

/**
 * The embedded basemap: land, country borders and country labels from Natural Earth (world-atlas, 1:50m),
 * labels drawn with a bundled font through `font-faces`. No tile, glyph or sprite server is asked for anything.
 * `fontUrl` must be absolute.
 */
export function createBasemapStyle(fontUrl: string): StyleSpecification {
  const topology = countries50m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topology, topology.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const land: FeatureCollection = { type: 'FeatureCollection', features: countries.features.map((f) => unwrapFeature(f)) };
  const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
  return {
    version: 8,
    name: 'Datelines embedded basemap',
    'font-faces': { [LABEL_FONT]: fontUrl },
    sources: {
      land: { type: 'geojson', data: land },
      borders: { type: 'geojson', data: borders },
      'country-labels': { type: 'geojson', data: countryLabelPoints(countries) },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': COLORS.water } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': COLORS.land } },
      { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': COLORS.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 8, 1.2] } },
      {
        id: 'country-labels',
        type: 'symbol',
        source: 'country-labels',
        layout: {
          'text-field': ['get', 'name'],
          'text-font': [LABEL_FONT],
          'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10, 6, 13],
          'text-transform': 'uppercase',
          'text-letter-spacing': 0.12,
          'text-max-width': 7,
          'symbol-sort-key': ['-', ['get', 'area']], // the largest countries keep their labels when labels collide
        },
        paint: { 'text-color': COLORS.label, 'text-halo-color': COLORS.land, 'text-halo-width': 1.2 },
      },
    ],
  };
}

/** One label point per country, inside its largest polygon (so France is labelled in France, not in Guiana). */
function countryLabelPoints(countries: FeatureCollection<Polygon | MultiPolygon, { name: string }>): FeatureCollection<Point, { name: string; area: number }> {
  const features: Feature<Point, { name: string; area: number }>[] = [];
  for (const country of countries.features) {
    if (!country.geometry || !country.properties?.name) continue;
    const polygons = country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates;
    const largest = polygons.reduce((best, p) => (area(polygon(p)) > area(polygon(best)) ? p : best));
    const point = pointOnFeature(polygon(largest));
    features.push({ type: 'Feature', geometry: point.geometry, properties: { name: country.properties.name, area: Math.round(area(polygon(largest)) / 1e6) } });
  }
  return { type: 'FeatureCollection', features };
}
