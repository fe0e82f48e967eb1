import type { CircleLayerSpecification, LayerSpecification } from 'maplibre-gl';
import { BASEMAP_MAX_ZOOM, LABEL_FONT } from './basemap.ts';

export const PLACES_SOURCE = 'places';
export const AREAS_SOURCE = 'areas';

/** Clustering of place marks: places closer than this on screen merge into one mark that opens on click. */
export const CLUSTER_OPTIONS = {
  cluster: true,
  clusterRadius: 30, // px
  clusterMaxZoom: BASEMAP_MAX_ZOOM - 1, // above this zoom every place stands alone: below the map's last zoom, so a cluster always opens
  clusterProperties: { events: ['+', ['get', 'count']] },
} as const;

/** The layers that draw the places over the basemap; `selected` is the id of the selected place, or ''. */
export function createPlaceLayers(selected: string): LayerSpecification[] {
  return [
    {
      id: 'area-fill',
      type: 'fill',
      source: AREAS_SOURCE,
      paint: { 'fill-color': '#6b5f4f', 'fill-opacity': 0.06 },
    },
    {
      id: 'area-outline',
      type: 'line',
      source: AREAS_SOURCE,
      paint: { 'line-color': '#6b5f4f', 'line-opacity': 0.35, 'line-width': 1, 'line-dasharray': [3, 3] },
    },
    {
      id: 'clusters',
      type: 'circle',
      source: PLACES_SOURCE,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': ['case', ['>', ['get', 'events'], 0], '#3d3833', '#b5ada1'],
        'circle-radius': ['interpolate', ['linear'], ['get', 'events'], 0, 10, 5, 15, 20, 24],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
        'circle-opacity': 0.9,
      },
    },
    {
      id: 'cluster-count',
      type: 'symbol',
      source: PLACES_SOURCE,
      filter: ['all', ['has', 'point_count'], ['>', ['get', 'events'], 0]],
      layout: {
        'text-field': ['to-string', ['get', 'events']],
        'text-font': [LABEL_FONT],
        'text-size': 12,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: 'place-marks',
      type: 'circle',
      source: PLACES_SOURCE,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': ['get', 'color'],
        'circle-radius': ['get', 'radius'],
        'circle-opacity': ['case', ['==', ['get', 'count'], 0], 0.25, ['==', ['get', 'uncertain'], 1], 0.5, 0.88],
        ...selectionPaint(selected),
      },
    },
    {
      // A place no person has checked wears a "?" (its Sources panel says where it comes from and what else it could be).
      id: 'unreviewed-badges',
      type: 'symbol',
      source: PLACES_SOURCE,
      filter: ['all', ['!', ['has', 'point_count']], ['==', ['get', 'unreviewed'], 1]],
      layout: { 'text-field': '?', 'text-font': [LABEL_FONT], 'text-size': 14, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': '#ffffff', 'text-halo-color': '#1d1a17', 'text-halo-width': 1.2 },
    },
    {
      id: 'place-labels',
      type: 'symbol',
      source: PLACES_SOURCE,
      filter: ['!', ['has', 'point_count']],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': 12,
        'text-radial-offset': ['+', 0.4, ['/', ['get', 'radius'], 12]],
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        'text-justify': 'auto',
        'text-optional': true,
        'symbol-sort-key': ['-', ['get', 'count']], // busier places win a clash of labels
      },
      paint: { 'text-color': ['case', ['==', ['get', 'count'], 0], '#9a948a', '#2b2722'], 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
  ];
}

/** The mark outline that shows which place is selected ('' for none). */
export function selectionPaint(selected: string): Pick<CirclePaint, 'circle-stroke-color' | 'circle-stroke-width'> {
  return {
    'circle-stroke-color': ['case', ['==', ['get', 'id'], selected], '#1d1a17', '#ffffff'],
    'circle-stroke-width': ['case', ['==', ['get', 'id'], selected], 3, 1.5],
  };
}

type CirclePaint = NonNullable<CircleLayerSpecification['paint']>;
