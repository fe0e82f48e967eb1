import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Corpora written by hand for the browser tests, events.json included (no ingest): what each holds is exact.

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

/**
 * A corpus of two stories eight years apart, its events.json written by hand: one article of June 2014 with
 * `early` events at Mosul on days from 10 June on, one of March 2022 with `late` events at Baghdad from 24 February
 * on. Returns its folder.
 */
export function createTwoStoriesCorpus(early: number, late: number): { dir: string; data: string; places: string } {
  const dir = mkdtempSync(join(tmpdir(), 'datelines-two-stories-'));
  const data = join(dir, 'data');
  mkdirSync(join(data, 'articles'), { recursive: true });
  const story = (id: string, published: string, place: 'mosul' | 'baghdad', first: string, count: number) => {
    const name = place === 'mosul' ? 'Mosul' : 'Baghdad';
    const quotes = Array.from({ length: count }, (_, i) => `Fighting went on in ${name} for day ${i + 1}.`);
    const text = `${id}\n\n${quotes.join(' ')}\n`;
    writeFileSync(join(data, 'articles', `${id}.txt`), text);
    const start = Date.parse(`${first}T00:00:00Z`);
    const events = quotes.map((quote, i) => {
      const quoteStart = text.indexOf(quote);
      const mentionStart = quoteStart + quote.indexOf(name);
      const day = new Date(start + i * 2 * 86_400_000).toISOString().slice(0, 10); // every other day
      return { id: `${id}#${i + 1}`, article: id, place, start: day, end: day, category: 'attack', quote, quoteStart, mentionStart, mentionEnd: mentionStart + name.length, dateBasis: 'stated', dateText: null };
    });
    return { record: { id, file: `articles/${id}.txt`, headline: `${name} story`, outlet: 'Wire', published, url: null }, events };
  };
  const stories = [story('mosul-2014', '2014-07-30', 'mosul', '2014-06-10', early), story('baghdad-2022', '2022-04-30', 'baghdad', '2022-02-24', late)];
  writeFileSync(join(data, 'articles.json'), JSON.stringify(stories.map((s) => s.record), null, 2));
  writeFileSync(join(data, 'events.json'), JSON.stringify({ events: stories.flatMap((s) => s.events), places: [] }, null, 2));
  const places = join(dir, 'places.geojson');
  writeFileSync(places, JSON.stringify({ type: 'FeatureCollection', features: (['mosul', 'baghdad'] as const).map((id) => placeFeature(id)) }));
  return { dir, data, places };
}

function placeFeature(id: 'mosul' | 'baghdad') {
  const at = { mosul: [43.13, 36.34], baghdad: [44.366, 33.315] }[id];
  const name = id === 'mosul' ? 'Mosul' : 'Baghdad';
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates: at }, properties: { id, name, aliases: [name], kind: 'city', country: 'IQ', source: 'test fixture' } };
}
