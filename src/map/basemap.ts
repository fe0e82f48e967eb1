import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { PLACE_TIERS, PLACE_TILE_LAYER, PLACE_TILE_SETS, PLACE_TILE_TEMPLATE, placeTileFolder, type PlaceTileSet } from './place-tiers.ts';

export const LABEL_FONT = 'Noto Sans Regular';

const COLORS = {
  water: '#dde5ea', // muted blue-grey sea
  land: '#f6f4f0',
  border: '#b9b2a6',
  label: '#8a8379',
  place: '#4a443c', // populated places, the larger tiers
  town: '#6b645a', // populated places, the smaller tiers
  sea: '#6d8494',
};

/**
 * The deepest zoom the map allows: where the data ends. The towns are GeoNames points, each a town's nominal centre,
 * good to a few hundred metres; at zoom 12 (about 16 m a pixel at Baghdad's latitude) that is already tens of
 * pixels, and the coast and borders (Natural Earth 1:50m, simplified to about 2 km) are off by more. Deeper, only
 * the empty space between the points would grow.
 */
export const BASEMAP_MAX_ZOOM = 12;

/**
 * The basemap's GeoJSON files, the ones every view loads, relative to the page: written at build time from Natural
 * Earth 1:50m (world-atlas) and `basemap-data/seas.json` by `vite/basemap-plugin.ts`, which also serves them in
 * development. The populated places' tiles are named by `place-tiers.ts`.
 */
export const BASEMAP_FILES = {
  land: 'basemap/land.json', // the countries merged into land, one MultiPolygon
  borders: 'basemap/borders.json', // borders between countries, one MultiLineString
  labels: 'basemap/country-labels.json', // one Point per country, properties CountryLabel
  seas: 'basemap/seas.json', // one Point per sea or ocean, properties SeaLabel
} as const;

/** A country at least this large (km²) may have its name moved off its label point to make way for an event mark. */
const MOVABLE_LABEL_AREA = 100_000;

export interface CountryLabel {
  name: string;
  /** Area of the polygon the label sits in, km²: the larger keeps its label when labels collide. */
  area: number;
}

export interface SeaLabel {
  name: string;
  minZoom: number; // map zoom from which the label shows
  maxZoom: number; // map zoom from which it no longer shows
}

/**
 * The embedded basemap: land, country borders and country labels from Natural Earth (world-atlas, 1:50m) and the
 * seas' names, fetched and parsed by MapLibre's worker whatever the view; the gazetteer's populated places as
 * vector tiles, fetched for the view only once the map is zoomed in far enough to label them (`place-tiers.ts`).
 * Labels are drawn with a bundled font through `font-faces`. No tile, glyph or sprite server is asked for anything:
 * every file is this app's own. `fontUrl` must be absolute; the files are found from `baseUrl`.
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
      seas: { type: 'geojson', data: url(BASEMAP_FILES.seas) },
      ...Object.fromEntries(
        (Object.keys(PLACE_TILE_SETS) as PlaceTileSet[]).map((set) => {
          const { zoom } = PLACE_TILE_SETS[set];
          // The folder resolved apart from the template, whose braces a URL would escape.
          return [placeSource(set), { type: 'vector', tiles: [url(placeTileFolder(set)) + PLACE_TILE_TEMPLATE], minzoom: zoom, maxzoom: zoom }];
        }),
      ),
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': COLORS.water } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': COLORS.land } },
      { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': COLORS.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 8, 1.2] } },
      {
        id: 'sea-labels',
        type: 'symbol',
        source: 'seas',
        filter: ['all', ['>=', ['zoom'], ['get', 'minZoom']], ['<', ['zoom'], ['get', 'maxZoom']]],
        layout: {
          'text-field': ['get', 'name'],
          'text-font': [LABEL_FONT],
          'text-size': ['interpolate', ['linear'], ['zoom'], 1, 10, 6, 13],
          'text-letter-spacing': 0.15,
          'text-max-width': 6,
        },
        paint: { 'text-color': COLORS.sea, 'text-halo-color': COLORS.water, 'text-halo-width': 1 },
      },
      ...createPlaceLabelLayers(),
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
          // A large country's name moves off an event mark, or a mark's label, over its point: a line below, above or
          // aside, still inside the country; a small country's stays on its point or yields.
          'text-variable-anchor-offset': ['step', ['get', 'area'], ['literal', ['center', [0, 0]]], MOVABLE_LABEL_AREA, ['literal', ['center', [0, 0], 'top', [0, 1], 'bottom', [0, -1], 'left', [1, 0], 'right', [-1, 0]]]], // em
          'text-justify': 'center',
          'symbol-sort-key': ['-', ['get', 'area']], // the largest countries keep their labels when labels collide
        },
        paint: { 'text-color': COLORS.label, 'text-halo-color': COLORS.land, 'text-halo-width': 1.2 },
      },
    ],
  };
}

/**
 * One symbol layer per tier of populated places, the smallest lowest: a layer higher up places its labels first, so
 * a larger place keeps its label where two collide, and within a tier the more populous one does. The event marks'
 * labels are placed before all of them, and a town's label yields to the label of a mark on it.
 */
function createPlaceLabelLayers(): LayerSpecification[] {
  const sets = Object.keys(PLACE_TILE_SETS) as PlaceTileSet[];
  return PLACE_TIERS.map((tier, index): LayerSpecification => ({
    id: `populated-places-${index}`,
    type: 'symbol',
    source: placeSource(sets.find((set) => (PLACE_TILE_SETS[set].tiers as readonly number[]).includes(index))!),
    'source-layer': PLACE_TILE_LAYER,
    minzoom: tier.minZoom,
    filter: ['==', ['get', 'tier'], index],
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [LABEL_FONT],
      'text-size': tier.textSize,
      'text-max-width': 8,
      // Below the place, where an event mark labels its place: a town the data marks is named once, by its mark.
      'text-anchor': 'top',
      'text-offset': [0, 0.7], // em
      'text-padding': 4, // px
      'symbol-sort-key': ['-', ['get', 'population']],
    },
    paint: { 'text-color': index < 2 ? COLORS.place : COLORS.town, 'text-halo-color': COLORS.land, 'text-halo-width': 1.4 },
  })).reverse();
}

function placeSource(set: PlaceTileSet): string {
  return `populated-${set}`;
}
