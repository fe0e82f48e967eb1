import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestFiles } from '../src/ingest/run/files.ts';

/** Markup and script that must only ever show as text. `window.pwned` is set if any of it runs. */
export const PAYLOADS = {
  headline: '<img src=x onerror="window.pwned=1">Kerry in <b>Baghdad</b>',
  outlet: '<script>window.pwned=1</script>Wire & Co',
  url: 'javascript:window.pwned=1',
  script: '<script>window.pwned=1</script>',
  bidi: '\u202Eevil\u202C',
  zeroWidth: 'Tal\u200DAfar',
  placeName: '<img src=x onerror="window.pwned=1">Hostile Town',
};

/**
 * A small corpus whose every text field carries a payload, one article with a byte-order mark and CRLF line ends,
 * and one events record that is broken on purpose (an unknown place). Returns its folder.
 */
export function createHostileCorpus(): { dir: string; data: string; places: string } {
  const dir = mkdtempSync(join(tmpdir(), 'datelines-hostile-'));
  const data = join(dir, 'data');
  mkdirSync(join(data, 'articles'), { recursive: true });
  const places = join(dir, 'places.geojson');
  copyFileSync('geo/places.geojson', places);
  const articles = [
    { id: 'hostile-markup', file: 'articles/hostile-markup.txt', headline: PAYLOADS.headline, outlet: PAYLOADS.outlet, published: '2014-06-24', url: PAYLOADS.url },
    { id: 'hostile-crlf', file: 'articles/hostile-crlf.txt', headline: 'CRLF and BOM', outlet: 'Wire', published: '2014-06-24', url: 'https://example.org/crlf' },
  ];
  writeFileSync(join(data, 'articles.json'), JSON.stringify(articles, null, 2));
  writeFileSync(
    join(data, 'articles', 'hostile-markup.txt'),
    `Markup test\n\nMilitants ${PAYLOADS.script} overran Tal Afar on Monday, <b>officials</b> said ${PAYLOADS.bidi}.\n` +
      `Kerry <img src=x onerror="window.pwned=1"> told journalists in Baghdad on Monday${PAYLOADS.zeroWidth}.\n` +
      `A long line follows. ${'word '.repeat(20_000)}\n`,
  );
  writeFileSync(join(data, 'articles', 'hostile-crlf.txt'), '\uFEFFCRLF test\r\n\r\nInsurgents seized control of Mosul on Monday, officers said.\r\nThe town of Rawa fell.\r\n');
  ingestFiles({ articles: join(data, 'articles.json'), places, out: join(data, 'events.json') });
  const events = JSON.parse(readFileSync(join(data, 'events.json'), 'utf8'));
  // A place "found by the gazetteer" whose name and candidates carry markup: an events.json is input too.
  events.places.push({
    type: 'Feature', id: 'hostile-town', geometry: { type: 'Point', coordinates: [43.1, 36.3] },
    properties: { id: 'hostile-town', name: PAYLOADS.placeName, aliases: [PAYLOADS.placeName], kind: 'town', country: 'IQ', source: PAYLOADS.script, reviewed: false,
      candidates: [{ ref: 'geonames:1', name: PAYLOADS.headline, country: 'SY', coordinates: [38, 35] }] },
  });
  events.events.splice(1, 0, { ...events.events[0], id: `${events.events[0].id}-hostile-town`, place: 'hostile-town', mentionStart: null, mentionEnd: null });
  events.events.push({ ...events.events[0], id: 'broken#1', place: 'atlantis' });
  writeFileSync(join(data, 'events.json'), JSON.stringify(events, null, 2));
  return { dir, data, places };
}
