import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { readInputs } from '../../src/ingest/files.ts';
import { loadGazetteer } from '../../src/ingest/gazetteer/gazetteer.ts';
import { runIngest } from '../../src/ingest/pipeline.ts';
it('dump', () => {
  const gazetteer = loadGazetteer();
  const { corpus, places, notPlaces } = readInputs({ articles: 'data/articles.json', places: 'geo/places.geojson' }, gazetteer);
  const result = runIngest(corpus, places, { gazetteer, notPlaces });
  const lines = result.events.map((e) => [e.article, e.place, `${e.start}..${e.end}`, e.category, e.mentionStart === null ? 'inferred' : 'named', e.quote.slice(0, 60)].join(' | '));
  writeFileSync('.tmp/seed-new.txt', lines.join('\n') + '\n');
  writeFileSync('.tmp/seed-full.txt', result.events.map((e) => `${e.article} | ${e.place} | ${e.start}..${e.end} ${e.dateBasis} ${e.dateText ?? ''} | ${e.category}\n   ${e.quote}`).join('\n') + '\n');
});
