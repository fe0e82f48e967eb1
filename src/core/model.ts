import type { Day } from './day.ts';

export const CATEGORIES = ['meeting', 'statement', 'capture', 'recapture', 'attack', 'airstrike', 'protest', 'disaster', 'election', 'humanitarian', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const PLACE_KINDS = ['city', 'town', 'border-crossing', 'site', 'province', 'country'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** An article's or a place's id: lowercase kebab-case ("tal-afar", "kerry-baghdad-2014-06-23"). Checked on load and in the URL. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An article record of `data/articles.json`, validated; `published` is a calendar day. */
export interface Article {
  id: string;
  file: string;
  /** null when the source has none. */
  headline: string | null;
  /** For an article without a headline, its first sentence (set when the dataset is compiled), to name it by. */
  lead?: string;
  outlet: string | null;
  published: Day;
  url: string | null;
}

/** A place of `geo/places.geojson`, validated. `lngLat` is GeoJSON order: longitude first. */
export interface Place {
  id: string;
  name: string;
  aliases: string[];
  kind: PlaceKind;
  country: string;
  lngLat: [number, number];
  /** How far from the point (km) the place may lie, for areas. */
  radiusKm: number | null;
  /** The id of a place that contains this one (a site in its city, a town in its province). */
  within: string | null;
  source: string;
  /** The GeoNames id the point comes from, when it does. */
  geonames: number | null;
  /** Whether a person has checked the place (false for places the gazetteer found). */
  reviewed: boolean;
  /** The other places the name could have meant, when the choice was close. */
  candidates: PlaceCandidate[];
  /** GeoNames' first-level region code within the country, for gazetteer places ("08"); else absent. */
  admin1?: string;
}

/** A runner-up for a name: what else it could mean. */
export interface PlaceCandidate {
  /** "geonames:706448", "admin1:UA.08" or "country:UA". */
  ref: string;
  name: string;
  country: string;
  lngLat: [number, number];
}

/** What the app needs of a place before it is opened (the rest comes with its sources). */
export type PlaceSummary = Pick<Place, 'id' | 'name' | 'kind' | 'lngLat' | 'radiusKm' | 'reviewed'>;

/** How an event's dates were found. */
export type DateBasis =
  | 'stated' // the quote itself says when
  | 'context' // taken from a nearby sentence of the same article
  | 'published' // nothing nearer: the article's publication date
  | 'reported'; // dated by when it was said ("…, an official said on Monday"): it happened on or before that day

/** One event of `data/events.json` (see CONTRACT.md); dates as `YYYY-MM-DD` strings on disk. */
export interface EventRecord {
  id: string;
  article: string;
  place: string;
  start: string;
  end: string;
  category: Category;
  quote: string;
  quoteStart: number;
  mentionStart: number | null;
  mentionEnd: number | null;
  /** Where the dates come from, and the words that gave them (null when not from the quote). */
  dateBasis: DateBasis;
  dateText: string | null;
  /** The judge's probability that a careful reader would put this dot here with this date, 0–1 (absent: no judge ran). */
  confidence?: number;
  /** The two or three reasons that weighed most, in words, each "+ …" (for) or "− …" (against). */
  reasons?: string[];
  /** A person confirmed it, or corrected its place or date (corrections.json); absent otherwise. */
  checked?: true;
}

/** An event as the app holds it: the record of `events.json`, with its dates as calendar days. */
export interface MapEvent extends Omit<EventRecord, 'start' | 'end'> {
  start: Day;
  /** Inclusive. */
  end: Day;
}
