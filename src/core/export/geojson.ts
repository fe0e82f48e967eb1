import type { Citation } from '../citation.ts';
import { CHUNK_ROWS, exportRow } from './export-row.ts';

/**
 * An RFC 7946 FeatureCollection of some events, in chunks of CHUNK_ROWS Features: a Point Feature per event (the
 * place where Datelines put it, longitude first), its id the event's, its properties the export's columns.
 */
export function* geojsonParts(citations: Iterable<Citation>): Generator<string> {
  let chunk = '{"type":"FeatureCollection","features":[\n';
  let rows = 0;
  for (const c of citations) {
    const feature = { type: 'Feature', id: c.event, geometry: { type: 'Point', coordinates: c.place.lngLat }, properties: exportRow(c) };
    chunk += (rows === 0 ? '' : ',\n') + JSON.stringify(feature);
    if (++rows % CHUNK_ROWS === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + '\n]}\n';
}
