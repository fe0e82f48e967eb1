import { formatDay } from '../day.ts';
import type { Citation } from '../citation.ts';

/** The columns of an export, in order: the CSV's header and each GeoJSON Feature's properties (issue 25). */
export const EXPORT_COLUMNS = [
  'start', // first day, YYYY-MM-DD
  'end', // last day, inclusive: a vague date stays the range it covers
  'dateBasis',
  'placeId',
  'name',
  'longitude',
  'latitude',
  'placeReviewed',
  'eventChecked',
  'confidence', // 0–1; empty when no judge scored the event
  'category',
  'quote',
  'article',
  'outlet',
  'headline',
  'published',
  'url',
  'permalink',
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportValue = string | number | boolean | null;
export type ExportRow = Record<ExportColumn, ExportValue>;

/** One event's row of an export, from its citation (buildCitation): the one record the Cite menu reads too. */
export function exportRow(c: Citation): ExportRow {
  return {
    start: formatDay(c.start),
    end: formatDay(c.end),
    dateBasis: c.dateBasis,
    placeId: c.place.id,
    name: c.place.name,
    longitude: c.place.lngLat[0],
    latitude: c.place.lngLat[1],
    placeReviewed: c.place.reviewed,
    eventChecked: c.checked,
    confidence: c.confidence,
    category: c.category,
    quote: c.quote,
    article: c.article,
    outlet: c.outlet,
    headline: c.headline,
    published: formatDay(c.published),
    url: c.url,
    permalink: c.permalink,
  };
}

/** Rows per chunk of an export's text: the writers yield one string per chunk, never the whole file. */
export const CHUNK_ROWS = 1000;
