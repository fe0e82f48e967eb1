import circle from '@turf/circle';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { CATEGORIES, type Category, type PlaceSummary } from '../core/model.ts';

export interface MarkProperties {
  id: string;
  name: string;
  /** Events in the window; 0 keeps the mark, faded, so that nothing jumps as the window moves. */
  count: number;
  radius: number; // px
  color: string;
  /** 1 when every event in the window has a date range rather than a day. */
  uncertain: 0 | 1;
  /** 1 when no person has checked the place (the gazetteer placed it). */
  unreviewed: 0 | 1;
  /** 1 when every event it shows is under the data's default threshold (shown because the reader lowered it). */
  unsure: 0 | 1;
}

/** What the marks read of the counts under the current window, per place number (WindowCounts answers this). */
export interface PlaceCounts {
  count(place: number): number;
  uncertain(place: number): number;
  /** Events counted whose confidence is under the data's default threshold. */
  unsure(place: number): number;
  /** Index into CATEGORIES, −1 for none. */
  dominant(place: number): number;
}

export interface MarkLook {
  radius(count: number): number;
  color(dominant: Category): string;
}

/** Changed properties of some marks: a GeoJSON source diff (MapLibre's `updateData`). */
export interface MarkChanges {
  update: { id: number; addOrUpdateProperties: { key: keyof MarkProperties; value: unknown }[] }[];
}

const NO_EVENTS_COLOR = '#9a948a';
const NO_EVENTS_RADIUS = 4;

/**
 * One point per place that has events anywhere in the dataset (its feature id is the place number), with its look
 * for the current window; a place none of whose events is sure enough to show (the minimum confidence) has none.
 * The set of points never changes with the window or the filters, only their properties, so clusters stay put
 * while scrubbing; after the first full set, only the places whose look changed are sent.
 */
export class PlaceMarks {
  private readonly places: readonly PlaceSummary[];
  private readonly look: MarkLook;
  /** What was last sent per place: count, dominant category, uncertain and unsure flags. */
  private readonly sentCount: Int32Array;
  private readonly sentDominant: Int8Array;
  private readonly sentUncertain: Int8Array;
  private readonly sentUnsure: Int8Array;

  constructor(places: readonly PlaceSummary[], look: MarkLook) {
    this.places = places;
    this.look = look;
    this.sentCount = new Int32Array(places.length);
    this.sentDominant = new Int8Array(places.length);
    this.sentUncertain = new Int8Array(places.length);
    this.sentUnsure = new Int8Array(places.length);
  }

  /** Per place number, non-zero when it has a point (see `all`); null: every place. */
  private present: ArrayLike<number> | null = null;

  /**
   * Every mark, as counted now: of the places whose `totals` (events per place number over all dates, under the
   * minimum confidence) are not zero, or of every place when none are given.
   */
  all(counts: PlaceCounts, totals: ArrayLike<number> | null = null): FeatureCollection<Point, MarkProperties> {
    this.present = totals;
    const features: Feature<Point, MarkProperties>[] = [];
    this.places.forEach((place, p) => {
      if (totals && !totals[p]) return;
      features.push({
        type: 'Feature',
        id: p,
        geometry: { type: 'Point', coordinates: place.lngLat },
        properties: { id: place.id, name: place.name, unreviewed: place.reviewed === false ? 1 : 0, ...this.remember(p, counts) },
      });
    });
    return { type: 'FeatureCollection', features };
  }

  /** The marks whose look changed since last sent, among `touched` places (null: any place); null for none. */
  changes(counts: PlaceCounts, touched: ArrayLike<number> | null): MarkChanges | null {
    const update: MarkChanges['update'] = [];
    const check = (p: number) => {
      if (this.present && !this.present[p]) return; // no point to change: the next `all` draws it as counted then
      const uncertain = isUncertain(counts, p);
      const unsure = isUnsure(counts, p);
      if (counts.count(p) === this.sentCount[p] && counts.dominant(p) === this.sentDominant[p] && uncertain === this.sentUncertain[p] && unsure === this.sentUnsure[p]) return;
      const look = this.remember(p, counts);
      update.push({ id: p, addOrUpdateProperties: (Object.keys(look) as (keyof typeof look)[]).map((key) => ({ key, value: look[key] })) });
    };
    if (touched) for (let i = 0; i < touched.length; i++) check(touched[i]);
    else for (let p = 0; p < this.places.length; p++) check(p);
    return update.length > 0 ? { update } : null;
  }

  private remember(p: number, counts: PlaceCounts): Pick<MarkProperties, 'count' | 'radius' | 'color' | 'uncertain' | 'unsure'> {
    const count = counts.count(p);
    const dominant = counts.dominant(p);
    const uncertain = isUncertain(counts, p);
    const unsure = isUnsure(counts, p);
    this.sentCount[p] = count;
    this.sentDominant[p] = dominant;
    this.sentUncertain[p] = uncertain;
    this.sentUnsure[p] = unsure;
    if (count === 0) return { count, radius: NO_EVENTS_RADIUS, color: NO_EVENTS_COLOR, uncertain, unsure };
    return { count, radius: this.look.radius(count), color: this.look.color(CATEGORIES[dominant]), uncertain, unsure };
  }
}

function isUncertain(counts: PlaceCounts, p: number): 0 | 1 {
  const count = counts.count(p);
  return count > 0 && counts.uncertain(p) === count ? 1 : 0;
}

function isUnsure(counts: PlaceCounts, p: number): 0 | 1 {
  const count = counts.count(p);
  return count > 0 && counts.unsure(p) === count ? 1 : 0;
}

/**
 * The places drawn as an area, "somewhere in here", when they have events in the window: provinces always, a
 * country only when it is the selected place (a country-sized ring over the whole map would drown the marks).
 */
export function outlinedAreas(places: readonly PlaceSummary[], hasEvents: (place: PlaceSummary) => boolean, selected: string | null): PlaceSummary[] {
  return places.filter((p) => p.radiusKm !== null && p.radiusKm >= 20 && (p.kind === 'province' || p.id === selected) && hasEvents(p));
}

/** The extent of each area: a circle of its radius around its point. */
export function areaOutlines(areas: readonly PlaceSummary[]): FeatureCollection<Polygon, { id: string }> {
  const features = areas.map((p) => circle(p.lngLat, p.radiusKm!, { units: 'kilometers', steps: 64, properties: { id: p.id } }));
  return { type: 'FeatureCollection', features };
}
