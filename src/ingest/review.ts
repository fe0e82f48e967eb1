import { writeAtomically, writeFailure } from './atomic-write.ts';
import { InputError, parseArticles, parseCuratedPlaces, parseEvents } from '../core/validate.ts';
import { loadGazetteer } from './gazetteer/gazetteer.ts';

export interface ReviewPaths {
  events: string;
  articles: string;
  places: string;
}

/**
 * What a person decides about the places the gazetteer found: keep one (it joins the curated file, reviewed),
 * keep another candidate instead, or say the name is not a place in this corpus. The curated file is only ever
 * added to: its text up to the end of its last feature is kept byte for byte, and it is written atomically.
 */
export function reviewPlaces(paths: ReviewPaths, read: (file: string) => string) {
  const curatedText = read(paths.places);
  const curated = parseCuratedPlaces(curatedText, paths.places);
  const articles = parseArticles(read(paths.articles), paths.articles);
  const { events, places: found } = parseEvents(read(paths.events), paths.events, { places: new Set(curated.places.map((p) => p.id)), articles: new Set(articles.map((a) => a.id)) });
  const eventsOf = (id: string) => events.filter((e) => e.place === id);

  return {
    describe(): string {
      if (found.length === 0) return 'Every place of the events is curated: nothing to review.\n';
      const lines = [`${found.length} place${found.length === 1 ? '' : 's'} from the gazetteer, not yet reviewed:`];
      for (const p of found) {
        const list = eventsOf(p.id);
        lines.push('', `${p.id} — ${p.name} (${p.kind}, ${p.country}) at [${p.lngLat.join(', ')}]; ${p.source}; ${list.length} event${list.length === 1 ? '' : 's'}`);
        for (const e of list.slice(0, 3)) lines.push(`    ${e.article}: ${e.quote.slice(0, 140).replace(/\s+/g, ' ')}${e.quote.length > 140 ? '…' : ''}`);
        for (const c of p.candidates) lines.push(`    or: ${c.ref} ${c.name} (${c.country}) at [${c.lngLat.join(', ')}]   → npm run places -- accept ${p.id} --as ${c.ref}`);
        lines.push(`    → npm run places -- accept ${p.id}    |    npm run places -- reject "${p.name}"`);
      }
      return `${lines.join('\n')}\n`;
    },

    accept(id: string, as: string | null): string {
      const place = found.find((p) => p.id === id);
      if (!place) throw new InputError([{ file: paths.events, field: 'places', message: `no unreviewed place "${id}" (see npm run places -- review)` }]);
      let feature: Record<string, unknown>;
      if (as === null) {
        feature = { type: 'Feature', id, geometry: { type: 'Point', coordinates: place.lngLat }, properties: { id, name: place.name, aliases: place.aliases, kind: place.kind, country: place.country, source: place.source, ...(place.geonames !== null ? { geonames: place.geonames } : {}), ...(place.radiusKm !== null ? { radiusKm: place.radiusKm } : {}) } };
      } else {
        const entry = loadGazetteer().byRef(as);
        if (!entry) throw new InputError([{ file: '(gazetteer)', field: '--as', message: `no gazetteer entry "${as}"` }]);
        const code = as.split(':')[1];
        feature = { type: 'Feature', id, geometry: { type: 'Point', coordinates: entry.lngLat }, properties: { id, name: place.name, aliases: place.aliases, kind: entry.kind, country: entry.country, source: `GeoNames ${code} (${entry.name}), chosen over ${place.source}`, ...(as.startsWith('geonames:') ? { geonames: Number(code) } : {}), ...(entry.radiusKm !== null ? { radiusKm: entry.radiusKm } : {}) } };
      }
      if (curated.places.some((p) => p.id === id)) throw new InputError([{ file: paths.places, field: `features`, message: `"${id}" is already curated` }]);
      writeJsonAtomically(paths.places, appendFeature(curatedText, feature, paths.places));
      return `added "${id}" to ${paths.places}; run npm run ingest to use it`;
    },

    reject(name: string, note: string | null): string {
      if (curated.notPlaces.includes(name)) return `"${name}" is already recorded as not a place`;
      writeJsonAtomically(paths.places, appendNotPlace(curatedText, { name, ...(note ? { note } : {}) }, paths.places));
      return `recorded "${name}" as not a place in ${paths.places}; run npm run ingest to use it`;
    },
  };
}

/** The curated file's text with one more feature after its last, everything before kept as it was. */
export function appendFeature(text: string, feature: Record<string, unknown>, file: string): string {
  const json = JSON.parse(text) as { features: unknown[] };
  const close = lastArrayClose(text, 'features', file);
  const body = JSON.stringify(feature, null, 2).replace(/\n/g, '\n    ');
  const before = text.slice(0, close).replace(/\s*$/, '');
  return `${before}${json.features.length ? ',' : ''}\n    ${body}\n  ${text.slice(close)}`;
}

/** The curated file's text with one more name under "notPlaces" (the member is added when missing). */
export function appendNotPlace(text: string, entry: { name: string; note?: string }, file: string): string {
  const json = JSON.parse(text) as { notPlaces?: unknown[] };
  if (!json.notPlaces) {
    const open = text.indexOf('{');
    return `${text.slice(0, open + 1)}\n  "notPlaces": [\n    ${JSON.stringify(entry)}\n  ],${text.slice(open + 1)}`;
  }
  const close = lastArrayClose(text, 'notPlaces', file);
  const before = text.slice(0, close).replace(/\s*$/, '');
  return `${before}${json.notPlaces.length ? ',' : ''}\n    ${JSON.stringify(entry)}\n  ${text.slice(close)}`;
}

/** Where the top-level array `member` closes in the text (its "]"). */
function lastArrayClose(text: string, member: string, file: string): number {
  const start = text.indexOf(`"${member}"`);
  if (start < 0) throw new InputError([{ file, field: member, message: 'missing' }]);
  let depth = 0;
  let inString = false;
  for (let i = text.indexOf('[', start); i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new InputError([{ file, field: member, message: 'is not closed' }]);
}

function writeJsonAtomically(file: string, text: string): void {
  JSON.parse(text); // never write what would not parse
  try {
    writeAtomically(file, [text], 'places');
  } catch (error) {
    throw new InputError([{ file, field: '(file)', message: writeFailure(error) }]);
  }
}
