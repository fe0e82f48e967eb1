import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import fontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import { createEffect, getOwner, on, onCleanup, onMount, runWithOwner, type JSX } from 'solid-js';
import type { DrawnDisc } from '../core/legend-disc.ts';
import type { MapView } from '../core/url-state.ts';
import { clearOf, type Insets } from './insets.ts';
import { MapOverlayContext, makeOverlayRegistry } from './overlays.ts';

export type { Insets };
import { BASEMAP_MAX_ZOOM, createBasemapStyle } from './basemap.ts';
import { AREAS_SOURCE, CLUSTER_OPTIONS, MARK_SHIELD_IMAGE, OVERLAY_SHIELDS_SOURCE, PLACES_SOURCE, createOverlayShieldLayer, createPlaceLayers, createShieldImage, selectionPaint } from './layers.ts';
import { shieldSquares, type ScreenBox } from './overlay-shields.ts';
import type { MarkChanges, MarkProperties } from './marks.ts';
import { hasWebGL } from './webgl.ts';
import { basemapBase } from './embedded-basemap.ts';
import { makeLitPlace, type LitPlace } from './lit-place.ts';

maplibregl.setWorkerUrl(workerUrl);

/** What the rest of the app may ask of the map once it has loaded. */
export interface MapControls {
  /** Frames the given [lng, lat] points, with room around them that grows with the map's size, clear of the insets. */
  fit(points: readonly [number, number][], options?: { animate?: boolean; maxZoom?: number }): void;
  /**
   * Brings a place's point into view, out of any cluster, if it is not already visible clear of the insets.
   * Changes the zoom no more than needed, and stops once `wanted` says the place is no longer asked for (its panel
   * closed, another place chosen).
   */
  reveal(place: { id: string; lngLat: [number, number] }, wanted?: () => boolean, attempt?: number): Promise<void>;
  /** Moves the camera to a view at once (the URL's `map=`, on Back and Forward). */
  jumpTo(view: MapView): void;
  /** Where a point is on the map (px from its top left), across the antimeridian to the nearest copy. */
  project(point: [number, number]): { x: number; y: number };
  /** The part of the map a person sees (px from its top left): all of it but what covers it. */
  visibleBox(): { left: number; top: number; right: number; bottom: number };
  /** Calls `listener` whenever the camera has stopped moving; returns what stops that. */
  onMoveEnd(listener: () => void): () => void;
  /**
   * Keeps every label clear of these boxes drawn over the map (page px, as getBoundingClientRect gives them), until
   * told others: the off-screen count pills.
   */
  keepLabelsClearOf(boxes: readonly ScreenBox[]): void;
  /**
   * The map as drawn now, copied into a 2D canvas at the device's pixel ratio: drawn again once the map is idle (its
   * tiles and marks loaded) and copied in that frame, while WebGL's drawing buffer still holds it.
   */
  snapshot(): Promise<HTMLCanvasElement>;
}

export interface MapCanvasProps {
  /** Every place mark as counted now; asked for when the map has loaded, and again whenever what it reads changes. */
  marks(): FeatureCollection<Point, MarkProperties>;
  /** The marks whose look changed with the last change of the window. */
  markChanges: MarkChanges | null;
  areas: FeatureCollection<Polygon, { id: string }>;
  selected: string | null;
  /** A place lit from the chronological list (a ring around it, even inside a cluster), or null. */
  lit?: LitPlace | null;
  initialView: MapView | null;
  /** Points the first view frames when the URL names no view. */
  initialFrame: readonly [number, number][];
  onSelect(id: string): void;
  onViewChange(view: MapView): void;
  onReady(controls: MapControls): void;
  /** The panel beside the map that lies over it as a bottom sheet on a phone; the camera keeps clear of it. */
  sheet?(): Element | null;
  /** What is drawn over the map (the legend, the fit controls): they register with it (createMapOverlay), and the camera keeps clear of them. */
  children?: JSX.Element;
  /** Called when the map cannot be shown (no WebGL, or the context was lost). */
  onUnavailable(reason: string): void;
  /** While true, a click on the map picks its point (`onPick`, [lng, lat]) instead of opening a mark (review's Move). */
  picking?: boolean;
  onPick?(lngLat: [number, number]): void;
  /** The discs of nearby places drawn now clear of what covers the map (their events in the window, their places), each time the map settles. */
  onDiscs?(discs: DrawnDisc[]): void;
}


export function MapCanvas(props: MapCanvasProps) {
  let container!: HTMLDivElement;
  const overlays = makeOverlayRegistry();

  onMount(() => {
    const owner = getOwner();
    if (!hasWebGL()) return props.onUnavailable('This browser cannot draw WebGL, which the map needs.');
    const map = new maplibregl.Map({
      container,
      style: createBasemapStyle(new URL(fontUrl, document.baseURI).href, basemapBase()),
      center: props.initialView ? [props.initialView.lng, props.initialView.lat] : [41, 34],
      zoom: props.initialView?.zoom ?? 4,
      maxZoom: BASEMAP_MAX_ZOOM,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      renderWorldCopies: true,
      cancelPendingTileRequestsWhileZooming: false,
      fadeDuration: 0, // labels appear at once: each frame of a fade is a full redraw, slow in software WebGL
    });
    window.map = map;
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
    map.addControl(new maplibregl.AttributionControl({ compact: true, customAttribution: 'Basemap: Natural Earth' }));
    map.addControl(new maplibregl.ScaleControl({ maxWidth: 100, unit: 'metric' }), 'top-right');
    const shields = createOverlayShields(map, container);
    const controls = createControls(map, () => overlays.covered(container, props.sheet?.()), shields.keepClearOf);
    if (!props.initialView) keepFirstViewFramed(map, () => controls.fit(props.initialFrame, { animate: false, maxZoom: 6 }));

    // As soon as the style is parsed, not when the basemap has loaded too: the first view then draws fewer frames.
    map.once('style.load', () => {
      map.addSource(PLACES_SOURCE, { type: 'geojson', data: props.marks(), ...CLUSTER_OPTIONS } as maplibregl.GeoJSONSourceSpecification);
      map.addSource(AREAS_SOURCE, { type: 'geojson', data: props.areas });
      map.addImage(MARK_SHIELD_IMAGE, createShieldImage());
      for (const layer of createPlaceLayers(props.selected ?? '')) map.addLayer(layer);
      map.addSource(OVERLAY_SHIELDS_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer(createOverlayShieldLayer());
      shields.ready();
      const places = map.getSource(PLACES_SOURCE) as maplibregl.GeoJSONSource;
      const litPlace = makeLitPlace(map);
      wireInteractions(map, props);
      // The discs a person can see: drawn, and not under what covers the map (the legend, a bottom sheet).
      const reportDiscs = () => {
        if (!props.onDiscs) return;
        const { left, top, right, bottom } = controls.visibleBox();
        const seen = map.queryRenderedFeatures([[left, top], [right, bottom]], { layers: ['clusters'] }).filter((f) => {
          const at = map.project((f.geometry as Point).coordinates as [number, number]);
          return at.x >= left && at.x <= right && at.y >= top && at.y <= bottom;
        });
        props.onDiscs(seen.map((f) => ({ events: Number(f.properties.events), places: Number(f.properties.point_count) })));
      };
      map.on('idle', reportDiscs);
      runWithOwner(owner, () => {
        createEffect(on(() => props.marks(), (marks) => places.setData(marks), { defer: true }));
        createEffect(() => {
          const changes = props.markChanges;
          if (changes) void places.updateData(changes);
        });
        createEffect(() => (map.getSource(AREAS_SOURCE) as maplibregl.GeoJSONSource).setData(props.areas));
        createEffect(() => litPlace.show(props.lit ?? null));
        createEffect(() => {
          const paint = selectionPaint(props.selected ?? '');
          map.setPaintProperty('place-marks', 'circle-stroke-color', paint['circle-stroke-color']);
          map.setPaintProperty('place-marks', 'circle-stroke-width', paint['circle-stroke-width']);
        });
      });
      props.onReady(controls);
    });

    const reportView = () => {
      const c = map.getCenter();
      props.onViewChange({ zoom: map.getZoom(), lat: c.lat, lng: c.wrap().lng });
    };
    map.on('moveend', reportView);
    const canvas = map.getCanvas();
    const lost = () => props.onUnavailable('The map’s WebGL context was lost.');
    canvas.addEventListener('webglcontextlost', lost);
    onCleanup(() => {
      canvas.removeEventListener('webglcontextlost', lost);
      map.remove();
      if (window.map === map) delete window.map;
    });
  });

  return (
    <>
      <div ref={container} class="map" role="application" aria-label="Map of events" />
      <MapOverlayContext.Provider value={overlays}>{props.children}</MapOverlayContext.Provider>
    </>
  );
}

function createControls(map: maplibregl.Map, covered: () => Insets, keepLabelsClearOf: (boxes: readonly ScreenBox[]) => void): MapControls {
  return {
    keepLabelsClearOf,
    fit(points, options = {}) {
      if (points.length === 0) return;
      const bounds = new maplibregl.LngLatBounds();
      for (const p of points) bounds.extend(p);
      const { clientWidth, clientHeight } = map.getContainer();
      const pad = Math.min(90, Math.max(24, Math.round(Math.min(clientWidth, clientHeight) / 7)));
      const padding = clearOf(covered(), pad, clientWidth, clientHeight);
      map.fitBounds(bounds, { padding, maxZoom: options.maxZoom ?? 9, animate: options.animate ?? true, duration: 800 });
    },
    jumpTo(view) {
      map.jumpTo({ center: [view.lng, view.lat], zoom: view.zoom });
    },
    snapshot() {
      return new Promise((resolve) => {
        const copy = () => {
          map.once('render', () => {
            const gl = map.getCanvas();
            const canvas = document.createElement('canvas');
            canvas.width = gl.width;
            canvas.height = gl.height;
            canvas.getContext('2d')!.drawImage(gl, 0, 0);
            resolve(canvas);
          });
          map.triggerRepaint();
        };
        if (map.loaded() && !map.isMoving()) copy();
        else map.once('idle', copy);
      });
    },
    project(point) {
      const centre = map.getCenter().lng;
      const lng = point[0] + 360 * Math.round((centre - point[0]) / 360); // the copy of the world in view
      const { x, y } = map.project([lng, point[1]]);
      return { x, y };
    },
    visibleBox() {
      const { clientWidth: width, clientHeight: height } = map.getContainer();
      const c = covered();
      return { left: Math.max(0, c.left), top: Math.max(0, c.top), right: width - Math.max(0, c.right), bottom: height - Math.max(0, c.bottom) };
    },
    onMoveEnd(listener) {
      map.on('moveend', listener);
      return () => map.off('moveend', listener);
    },
    async reveal(place, wanted = () => true, attempt = 0) {
      if (!wanted()) return;
      // A link opens a place before the map has drawn its marks: what is drawn is only known once it has.
      if (!map.loaded()) await map.once('idle');
      if (!wanted()) return;
      const { clientWidth: width, clientHeight: height } = map.getContainer();
      // The layout may have just changed the map's size (a phone gives the sources most of the screen): take the
      // new size now, not when the resize observer next reports it, so that the place is framed in the map as it is.
      if (width !== map.getCanvas().clientWidth || height !== map.getCanvas().clientHeight) map.resize();
      const padding = clearOf(covered(), 40, width, height);
      const at = map.project(place.lngLat);
      const inView = at.x >= padding.left && at.x <= width - padding.right && at.y >= padding.top && at.y <= height - padding.bottom;
      const drawn = inView && map.queryRenderedFeatures({ layers: ['place-marks'], filter: ['==', ['get', 'id'], place.id] }).length > 0;
      if (drawn) return;
      // Not drawn on its own: merged into a cluster (whose disc lies at its places' centre, not on this one). Zoom
      // until the nearest cluster splits, or a step closer when none is near enough to be the one.
      let zoom = Math.max(map.getZoom(), 5);
      if (inView) {
        const near = map.queryRenderedFeatures([[at.x - CLUSTER_REACH, at.y - CLUSTER_REACH], [at.x + CLUSTER_REACH, at.y + CLUSTER_REACH]], { layers: ['clusters'] });
        const nearest = near.sort((a, b) => distanceTo(map, a, at) - distanceTo(map, b, at))[0];
        zoom = nearest
          ? Math.max(zoom, (await (map.getSource(PLACES_SOURCE) as maplibregl.GeoJSONSource).getClusterExpansionZoom(nearest.properties.cluster_id as number)) + 0.3)
          : map.getZoom() + 1;
      }
      if (!wanted()) return;
      map.easeTo({ center: place.lngLat, zoom: Math.min(zoom, BASEMAP_MAX_ZOOM), padding, duration: 600 });
      // Where it lands the place may still share a cluster (clusters are only known once drawn): look again.
      if (attempt < 4) {
        await map.once('idle');
        await this.reveal(place, wanted, attempt + 1);
      }
    },
  };
}

/**
 * Frames the first view now, and again as the page settles around the map (it is resized, the legend is laid over
 * it once loaded) until anything else moves the camera: a person, a link's place being revealed.
 */
function keepFirstViewFramed(map: maplibregl.Map, frame: () => void): void {
  let framing = false;
  let settled = false;
  const again = () => {
    if (settled) return;
    framing = true;
    frame();
    framing = false;
  };
  const moved = () => {
    if (framing) return;
    settled = true;
    map.off('movestart', moved);
    map.off('resize', again);
  };
  map.on('movestart', moved);
  map.on('resize', again);
  map.once('load', again);
  again();
}

const OVERLAY_PAD = 2; // px kept between a label and a box over the map

/**
 * The shields under the boxes drawn over the map: they stay where the boxes are on the screen, so their points are
 * worked out again (once a frame) as the camera moves.
 */
function createOverlayShields(map: maplibregl.Map, container: HTMLElement) {
  let boxes: ScreenBox[] = []; // px on the map's container
  let loaded = false;
  let queued = 0;
  const update = () => {
    queued = 0;
    const source = loaded ? (map.getSource(OVERLAY_SHIELDS_SOURCE) as maplibregl.GeoJSONSource | undefined) : undefined;
    if (!source) return;
    const features = shieldSquares(boxes, OVERLAY_PAD).map((s): GeoJSON.Feature<Point, { size: number }> => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: map.unproject([s.x, s.y]).wrap().toArray() },
      properties: { size: s.size },
    }));
    source.setData({ type: 'FeatureCollection', features });
  };
  const queue = () => {
    if (boxes.length > 0 || loaded) queued ||= requestAnimationFrame(update);
  };
  map.on('move', () => boxes.length > 0 && queue());
  return {
    ready() {
      loaded = true;
      queue();
    },
    keepClearOf(pageBoxes: readonly ScreenBox[]) {
      const at = container.getBoundingClientRect();
      boxes = pageBoxes.map((b) => ({ left: b.left - at.left, top: b.top - at.top, right: b.right - at.left, bottom: b.bottom - at.top }));
      queue();
    },
  };
}

/** How far (px) from a place a cluster may lie and hold it: its places lie within the clustering radius of its centre. */
const CLUSTER_REACH = CLUSTER_OPTIONS.clusterRadius * 2;

/** Screen distance (px) from a rendered point feature to `at`. */
function distanceTo(map: maplibregl.Map, feature: maplibregl.MapGeoJSONFeature, at: { x: number; y: number }): number {
  const p = map.project((feature.geometry as Point).coordinates as [number, number]);
  return Math.hypot(p.x - at.x, p.y - at.y);
}

/** Hover tooltips, clicks on places and on clusters. */
function wireInteractions(map: maplibregl.Map, props: MapCanvasProps): void {
  const tooltip = new maplibregl.Popup({ closeButton: false, closeOnClick: false, offset: 12, className: 'mark-tooltip' });
  const show = (e: maplibregl.MapLayerMouseEvent) => {
    const feature = e.features?.[0];
    if (!feature) return;
    map.getCanvas().style.cursor = 'pointer';
    const p = feature.properties as Record<string, unknown>;
    const node = document.createElement('div');
    const title = node.appendChild(document.createElement('strong'));
    const line = node.appendChild(document.createElement('div'));
    if (p.cluster) {
      title.textContent = `${p.point_count} places`;
      line.textContent = `${p.events} ${p.events === 1 ? 'event' : 'events'} in window · click to open`;
    } else {
      title.textContent = String(p.name);
      line.textContent = `${p.count} ${p.count === 1 ? 'event' : 'events'} in window`;
    }
    tooltip.setLngLat((feature.geometry as Point).coordinates as [number, number]).setDOMContent(node).addTo(map);
  };
  const hide = () => {
    map.getCanvas().style.cursor = '';
    tooltip.remove();
  };
  for (const layer of ['place-marks', 'clusters']) {
    map.on('mousemove', layer, (e) => (props.picking ? hide() : show(e)));
    map.on('mouseleave', layer, hide);
  }
  map.on('click', (e) => {
    if (props.picking) props.onPick?.([e.lngLat.wrap().lng, e.lngLat.lat]);
  });
  map.on('click', 'place-marks', (e) => {
    tooltip.remove();
    if (props.picking) return;
    const id = e.features?.[0]?.properties?.id;
    if (typeof id === 'string') props.onSelect(id);
  });
  map.on('click', 'clusters', async (e) => {
    tooltip.remove();
    if (props.picking) return;
    const feature = e.features?.[0];
    if (!feature) return;
    const source = map.getSource(PLACES_SOURCE) as maplibregl.GeoJSONSource;
    const zoom = await source.getClusterExpansionZoom(feature.properties!.cluster_id as number);
    map.easeTo({ center: (feature.geometry as Point).coordinates as [number, number], zoom: zoom + 0.2, duration: 500 });
  });
}
