import type { PlaceKind } from '../../core/model.ts';
import type { Gazetteer } from '../gazetteer/gazetteer.ts';
import { findNames } from '../gazetteer/names-in-text.ts';
import { resolveNames, type Resolution } from '../gazetteer/resolve.ts';

/**
 * The geoparser on its own: every place name found in a text and the place it was resolved to, countries and
 * regions included (the map shows fewer: see place-finder.ts). What `npm run geoparse` writes, one per line
 * (see docs/geoparse.md).
 */
export interface GeoMention {
  /** Offsets into the text, UTF-16 code units, `end` exclusive. */
  start: number;
  end: number;
  /** The name as the text writes it. */
  name: string;
  lat: number;
  lon: number;
  /** The gazetteer entry ("geonames:706448", "admin1:UA.08", "country:UA"). */
  ref: string;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** How sure the resolver is of the place, 0–1. */
  confidence: number;
}

const NO_CONTEXT = { curatedCountries: [], curatedPoints: [], corpusCountries: new Map<string, number>(), notPlaces: new Set<string>() };

/** The place names of one text, in text order. */
export function geoparse(text: string, gazetteer: Gazetteer): GeoMention[] {
  const spans = findNames(text, gazetteer, () => false);
  const resolutions = resolveNames(text, spans, gazetteer, NO_CONTEXT);
  const out: GeoMention[] = [];
  for (const r of resolutions) {
    if (r.entry === null) continue;
    const e = gazetteer.entry(r.entry);
    out.push({ start: r.span.start, end: r.span.end, name: text.slice(r.span.start, r.span.end), lat: e.lngLat[1], lon: e.lngLat[0], ref: e.ref, kind: e.kind, country: e.country, confidence: confidenceOf(r) });
  }
  return out;
}

/** A first confidence from the resolver's own account: fewer close runners-up and more evidence, surer. */
function confidenceOf(r: Resolution): number {
  const evidence = r.reason.split('; ').length;
  const value = 0.5 + 0.1 * Math.min(evidence, 4) - 0.15 * r.runnersUp.length;
  return Math.round(Math.min(0.95, Math.max(0.05, value)) * 100) / 100;
}
