import type { CircleLayerSpecification, ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { BASEMAP_MAX_ZOOM, LABEL_FONT } from './basemap.ts';

export const PLACES_SOURCE = 'places';
export const AREAS_SOURCE = 'areas';
/** Points under the things drawn over the map (the off-screen count pills), each with its shield's side, px. */
export const OVERLAY_SHIELDS_SOURCE = 'overlay-shields';

/** Clustering of place marks: places closer than this on screen merge into one mark that opens on click. */
export const CLUSTER_OPTIONS = {
  cluster: true,
  clusterRadius: 30, // px
  clusterMaxZoom: BASEMAP_MAX_ZOOM - 1, // above this zoom every place stands alone: below the map's last zoom, so a cluster always opens
  clusterProperties: { events: ['+', ['get', 'count']] },
} as const;

/**
 * The image of the marks' shields: one transparent pixel, which `icon-size` stretches over a mark. The map must hold
 * it (`map.addImage(MARK_SHIELD_IMAGE, createShieldImage())`) before the layers are added.
 */
export const MARK_SHIELD_IMAGE = 'mark-shield';

export function createShieldImage(): { width: number; height: number; data: Uint8Array } {
  return { width: 1, height: 1, data: new Uint8Array(4) };
}

/** The smallest disc of places, px. */
export const MIN_DISC_RADIUS = 10;
/** A cluster's radius, px, by its events in the window: a disc of places is never smaller than MIN_DISC_RADIUS. */
const CLUSTER_RADIUS: ExpressionSpecification = ['interpolate', ['linear'], ['get', 'events'], 0, MIN_DISC_RADIUS, 5, 15, 20, 24];

/** The radius of whatever the places source draws for a feature, a place's mark or a cluster's disc, px. */
const MARK_RADIUS: ExpressionSpecification = ['case', ['has', 'point_count'], CLUSTER_RADIUS, ['get', 'radius']];

const MARK_OUTLINE = 2; // px: a disc's outline, the widest but a selected place's (3 px, its extra 1 px within a label's padding)
const LABEL_SIZE = 12; // px, a place's name or a disc's count of places
const LABEL_PADDING = 2; // px kept clear around a label's box (MapLibre's text-padding)
const LABEL_GAP = 0.5; // px between a label's padded box and its own mark's shield

/**
 * Where a label may sit around its mark (MapLibre's `text-variable-anchor-offset`, in ems): its padded box just clear
 * of the mark's own shield, whatever the radius. MapLibre measures the offset of a label set below or above its point
 * from the baseline, 7/24 em inside the label's box (`baselineOffset` in maplibre-gl-js
 * src/style/style_layer/variable_text_anchor.ts); the vertical offsets add that back. Linear in the radius, so an
 * interpolation between two radii is exact.
 */
const LABEL_OFFSETS: ExpressionSpecification = ['interpolate', ['linear'], MARK_RADIUS, 0, labelOffsets(0), 100, labelOffsets(100)];

function labelOffsets(radius: number): ExpressionSpecification {
  const side = (radius + MARK_OUTLINE + LABEL_PADDING + LABEL_GAP) / LABEL_SIZE; // em
  const below = side + 7 / 24;
  return ['literal', ['top', [0, below], 'bottom', [0, -below], 'left', [side, 0], 'right', [-side, 0]]];
}

/**
 * The layers that draw the places over the basemap; `selected` is the id of the selected place, or ''.
 *
 * Labels yield to marks: a circle takes no part in MapLibre's label placement, so an invisible icon the size of each
 * mark and disc (`mark-shields`) goes in first, always placed, and every label placed after it keeps clear of it:
 * the places' own labels, then the basemap's countries, towns and seas. The shields are the topmost symbol layer
 * because MapLibre places the symbols of the layer highest in the stack first.
 */
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
        'circle-radius': CLUSTER_RADIUS,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
        'circle-opacity': 0.9,
      },
    },
    {
      // The number on a disc is its events in the window (as a mark's area is); its label beside it says how many
      // places it holds. A disc of places with none in the window is pale and bears no number.
      id: 'cluster-count',
      type: 'symbol',
      source: PLACES_SOURCE,
      filter: ['all', ['has', 'point_count'], ['>', ['get', 'events'], 0]],
      layout: {
        'text-field': ['to-string', ['get', 'events']],
        'text-font': [LABEL_FONT],
        'text-size': 12,
        'text-allow-overlap': true,
        'text-ignore-placement': true, // the disc's shield keeps labels off it
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
        // Faded: none in the window; hollow (a ring in its colour, see selectionPaint): all it shows are unsure; pale:
        // dates uncertain.
        'circle-opacity': ['case', ['==', ['get', 'count'], 0], 0.25, ['==', ['get', 'unsure'], 1], UNSURE_FILL_OPACITY, ['==', ['get', 'uncertain'], 1], 0.5, 0.88],
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
      // A place's name, or how many places a disc holds, beside the mark, clear of its shield.
      id: 'place-labels',
      type: 'symbol',
      source: PLACES_SOURCE,
      layout: {
        'text-field': ['case', ['has', 'point_count'], ['concat', ['to-string', ['get', 'point_count']], ' places'], ['get', 'name']],
        'text-font': [LABEL_FONT],
        'text-size': LABEL_SIZE,
        'text-padding': LABEL_PADDING,
        'text-variable-anchor-offset': LABEL_OFFSETS,
        'text-justify': 'auto',
        // Busier wins a clash of labels, a place before a disc of as many events.
        'symbol-sort-key': ['case', ['has', 'point_count'], ['-', 0.5, ['get', 'events']], ['-', ['get', 'count']]],
      },
      paint: {
        'text-color': ['case', ['==', ['coalesce', ['get', 'events'], ['get', 'count']], 0], '#9a948a', ['has', 'point_count'], '#5e574e', '#2b2722'],
        'text-halo-color': '#ffffff',
        'text-halo-width': 1.5,
      },
    },
    {
      // Invisible: a box over each mark and disc, its outline included, that the labels placed after it avoid.
      id: 'mark-shields',
      type: 'symbol',
      source: PLACES_SOURCE,
      layout: {
        'icon-image': MARK_SHIELD_IMAGE,
        'icon-size': ['*', 2, ['+', MARK_RADIUS, MARK_OUTLINE]], // the image is 1 px: this is the box's side, px
        'icon-allow-overlap': true, // a mark is always drawn, so its shield is always placed
        'icon-padding': 0,
      },
      // Nothing to draw: at opacity 0 MapLibre places the shields but skips drawing them, a saving on every frame.
      paint: { 'icon-opacity': 0 },
    },
  ];
}

/**
 * Invisible squares under what lies over the map (the off-screen count pills, see overlay-shields.ts), placed first
 * of all symbols, so that every label keeps clear of them as it keeps clear of the marks. Add it last.
 */
export function createOverlayShieldLayer(): LayerSpecification {
  return {
    id: 'overlay-shields',
    type: 'symbol',
    source: OVERLAY_SHIELDS_SOURCE,
    layout: { 'icon-image': MARK_SHIELD_IMAGE, 'icon-size': ['get', 'size'], 'icon-allow-overlap': true, 'icon-padding': 0 },
    paint: { 'icon-opacity': 0 },
  };
}

/** An unsure mark's fill: almost none, so that it reads as a ring. */
const UNSURE_FILL_OPACITY = 0.12;

/**
 * The mark's outline: dark and widest round the selected place ('' for none), a ring in the mark's colour round an
 * unsure one (every event it shows is under the data's default threshold), else thin and white.
 */
export function selectionPaint(selected: string): Pick<CirclePaint, 'circle-stroke-color' | 'circle-stroke-width'> {
  const isSelected: ExpressionSpecification = ['==', ['get', 'id'], selected];
  const isUnsure: ExpressionSpecification = ['==', ['get', 'unsure'], 1];
  return {
    'circle-stroke-color': ['case', isSelected, '#1d1a17', isUnsure, ['get', 'color'], '#ffffff'],
    'circle-stroke-width': ['case', isSelected, 3, isUnsure, MARK_OUTLINE, 1.5],
  };
}

type CirclePaint = NonNullable<CircleLayerSpecification['paint']>;
