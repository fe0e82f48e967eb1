import type { StyleSpecification } from 'maplibre-gl';

export const LABEL_FONT = 'Noto Sans Regular';

const COLORS = {
  water: '#dde5ea', // muted blue-grey sea
  land: '#f6f4f0',
  border: '#b9b2a6',
  label: '#8a8379',
};

/**
 * The basemap's GeoJSON files, relative to the page: written at build time from Natural Earth 1:50m (world-atlas)
 * by `vite/basemap-plugin.ts`, which also serves them in development.
 */
export const BASEMAP_FILES = {
  land: 'basemap/land.json', // the countries merged into land, one MultiPolygon
  borders: 'basemap/borders.json', // borders between countries, one MultiLineString
  labels: 'basemap/country-labels.json', // one Point per country, properties CountryLabel
} as const;

export interface CountryLabel {
  name: string;
  /** Area of the polygon the label sits in, km²: the larger keeps its label when labels collide. */
  area: number;
}

/**
 * The embedded basemap: land, country borders and country labels from Natural Earth (world-atlas, 1:50m), fetched
 * and parsed by MapLibre's worker, labels drawn with a bundled font through `font-faces`. No tile, glyph or sprite
 * server is asked for anything. `fontUrl` must be absolute; the files are found from `baseUrl`.
 */
export function createBasemapStyle(fontUrl: string, baseUrl: string = document.baseURI): StyleSpecification {
  const url = (file: string) => new URL(file, baseUrl).href;
  return {
    version: 8,
    name: 'Datelines embedded basemap',
    'font-faces': { [LABEL_FONT]: fontUrl },
    sources: {
      land: { type: 'geojson', data: url(BASEMAP_FILES.land) },
      borders: { type: 'geojson', data: url(BASEMAP_FILES.borders) },
      'country-labels': { type: 'geojson', data: url(BASEMAP_FILES.labels) },
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
