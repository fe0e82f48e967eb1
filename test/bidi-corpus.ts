import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bidirectional controls left open: an override (RLO, U+202E) and an isolate (RLI, U+2067) never closed. */
export const OPEN_OVERRIDE = '\u202E';
export const OPEN_ISOLATE = '\u2067';

/**
 * A corpus of one article whose quote, headline and outlet each hold a bidirectional control that is never closed,
 * with its events.json written by hand (two events at Mosul, one at Baghdad). Returns its folder.
 */
export function createBidiCorpus(): { dir: string; data: string; places: string } {
  const dir = mkdtempSync(join(tmpdir(), 'datelines-bidi-'));
  const data = join(dir, 'data');
  mkdirSync(join(data, 'articles'), { recursive: true });
  const quotes = [
    `Militants said ${OPEN_OVERRIDE}evil things and then overran Mosul on Monday.`,
    `Officials in Baghdad said ${OPEN_ISOLATE}nothing more on Monday.`,
  ];
  const text = `Bidi test\n\n${quotes.join(' ')}\n`;
  const articles = [{ id: 'bidi-test', file: 'articles/bidi-test.txt', headline: `Report ${OPEN_OVERRIDE}from the north`, outlet: `Wire ${OPEN_ISOLATE}Co`, published: '2014-06-24', url: null }];
  writeFileSync(join(data, 'articles.json'), JSON.stringify(articles, null, 2));
  writeFileSync(join(data, 'articles', 'bidi-test.txt'), text);
  const event = (n: number, place: string, name: string) => {
    const quote = quotes[n];
    const quoteStart = text.indexOf(quote);
    const mentionStart = quoteStart + quote.indexOf(name);
    return { id: `bidi-test#${n + 1}`, article: 'bidi-test', place, start: '2014-06-23', end: '2014-06-23', category: n === 0 ? 'capture' : 'statement', quote, quoteStart, mentionStart, mentionEnd: mentionStart + name.length, dateBasis: 'stated', dateText: 'on Monday' };
  };
  writeFileSync(join(data, 'events.json'), JSON.stringify({ events: [event(0, 'mosul', 'Mosul'), event(1, 'baghdad', 'Baghdad')], places: [] }, null, 2));
  const places = join(dir, 'places.geojson');
  writeFileSync(places, JSON.stringify({ type: 'FeatureCollection', features: (['mosul', 'baghdad'] as const).map((id) => placeFeature(id)) }));
  return { dir, data, places };
}

function placeFeature(id: 'mosul' | 'baghdad') {
  const at = { mosul: [43.13, 36.34], baghdad: [44.366, 33.315] }[id];
  const name = id === 'mosul' ? 'Mosul' : 'Baghdad';
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates: at }, properties: { id, name, aliases: [name], kind: 'city', country: 'IQ', source: 'test fixture' } };
}
