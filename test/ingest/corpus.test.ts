import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type EventRecord } from '../../src/core/model.ts';
import { readJudgeFile } from '../../src/ingest/judge/model-file.ts';
import { readInputs } from '../../src/ingest/run/files.ts';
import { loadGazetteer } from '../../src/ingest/gazetteer/gazetteer.ts';
import { createArticle } from './helpers.ts';
import { runIngest, serializeEvents } from '../../src/ingest/run/pipeline.ts';

function ingestCorpus() {
  const gazetteer = loadGazetteer();
  const { corpus, places, notPlaces } = readInputs({ articles: 'data/articles.json', places: 'geo/places.geojson' }, gazetteer);
  const result = runIngest(corpus, places, { gazetteer, notPlaces });
  return { corpus, places: [...places, ...result.places.map((f) => ({ id: f.id, name: f.properties.name, aliases: f.properties.aliases }))], events: result.events, result };
}

/** The seed corpus as `npm run ingest` writes it: the rules' candidates, scored by the judge. */
function judgedCorpus() {
  const gazetteer = loadGazetteer();
  const { corpus, places, notPlaces } = readInputs({ articles: 'data/articles.json', places: 'geo/places.geojson' }, gazetteer);
  return runIngest(corpus, places, { gazetteer, notPlaces, judging: { judge: readJudgeFile() } });
}

function expectedLines(): string[] {
  return readFileSync('test/expected/corpus-events.txt', 'utf8').split('\n').filter((line) => line && !line.startsWith('#'));
}

/** Sorts as the contract orders events: start day, article id, offset (zero-padded so strings compare as numbers). */
function orderKey(e: EventRecord): string {
  return `${e.start} ${e.article} ${String(e.quoteStart).padStart(9, '0')}`;
}

function asLine(e: EventRecord): string {
  return [e.article, e.place, `${e.start}..${e.end}`, e.category, e.mentionStart === null ? 'inferred' : 'named', e.quote.slice(0, 60)].join(' | ');
}

describe('the five-article corpus', () => {
  it('yields exactly the events verified by reading the articles', () => {
    expect(ingestCorpus().events.map(asLine)).toEqual(expectedLines());
  });

  it('is serialised as JSON.stringify would write it, a record at a time', () => {
    const { result } = ingestCorpus();
    expect(serializeEvents(result)).toBe(`${JSON.stringify({ events: result.events, places: result.places }, null, 2)}\n`);
    expect(serializeEvents({ events: [], places: [] })).toBe(`${JSON.stringify({ events: [], places: [] }, null, 2)}\n`);
    const found = runIngest([{ article: createArticle('2022-04-04'), text: 'Russian troops shelled Kherson, Ukraine, on Sunday.' }], [], { gazetteer: loadGazetteer() });
    expect(found.places).toHaveLength(1);
    expect(serializeEvents(found)).toBe(`${JSON.stringify({ events: found.events, places: found.places }, null, 2)}\n`);
  });

  it('judged, is what data/events.json holds, byte for byte (npm run ingest)', () => {
    expect(serializeEvents(judgedCorpus())).toBe(readFileSync('data/events.json', 'utf8'));
  });

  it('with the judge, keeps every event the rules draw, each with its confidence, and a threshold', () => {
    const judged = judgedCorpus();
    const key = (e: EventRecord) => `${e.article} ${e.quoteStart} ${e.place}`;
    const judgedKeys = new Set(judged.events.map(key));
    expect(ingestCorpus().events.filter((e) => !judgedKeys.has(key(e)))).toEqual([]);
    expect(judged.threshold).toBe(readJudgeFile().threshold);
    expect(judged.events.every((e) => typeof e.confidence === 'number')).toBe(true);
  });

  it('quotes every sentence verbatim at its offset, with the mention inside it', () => {
    const { corpus, places, events } = ingestCorpus();
    for (const e of events) {
      const text = corpus.find((c) => c.article.id === e.article)!.text;
      expect(text.slice(e.quoteStart, e.quoteStart + e.quote.length)).toBe(e.quote);
      if (e.mentionStart === null) {
        expect(e.mentionEnd).toBeNull();
        continue;
      }
      expect(e.mentionStart).toBeGreaterThanOrEqual(e.quoteStart);
      expect(e.mentionEnd!).toBeLessThanOrEqual(e.quoteStart + e.quote.length);
      const place = places.find((p) => p.id === e.place)!;
      expect([place.name, ...place.aliases]).toContain(text.slice(e.mentionStart, e.mentionEnd!));
    }
  });

  it('keeps the contract: known places and categories, start ≤ end, unique ids, ordered by start, article, offset', () => {
    const { places, events } = ingestCorpus();
    const ids = new Set(events.map((e) => e.id));
    expect(ids.size).toBe(events.length);
    for (const [i, e] of events.entries()) {
      expect(places.some((p) => p.id === e.place)).toBe(true);
      expect(CATEGORIES).toContain(e.category);
      expect(e.start <= e.end).toBe(true);
      const next = events[i + 1];
      if (next) expect(orderKey(e) <= orderKey(next)).toBe(true);
    }
  });

  it('reports both sides where two articles disagree about Al-Waleed on 2014-06-23', () => {
    const waleed = ingestCorpus().events.filter((e) => e.place === 'al-waleed' && e.start <= '2014-06-23' && e.end >= '2014-06-23');
    expect(waleed.map((e) => `${e.article} ${e.category}`)).toEqual(['kerry-baghdad-2014-06-23 capture', 'kerry-iraq-nato-2014-06-24 recapture']);
  });

  it('gives each of the six core places events', () => {
    const { events } = ingestCorpus();
    const days = (place: string) => events.filter((e) => e.place === place).map((e) => `${e.start}..${e.end}`);
    expect(days('baghdad')).toContain('2014-06-23..2014-06-23');
    expect(days('baghdad')).toContain('2016-07-01..2016-07-21');
    // "…overran Tal Afar …, an official said on Monday": reported that day, so by then (the day before to that day).
    expect(days('tal-afar')).toEqual(['2014-06-22..2014-06-23', '2014-06-23..2014-06-23']);
    expect(days('al-waleed')).toEqual(['2014-06-22..2014-06-23', '2014-06-23..2014-06-23']);
    expect(events.filter((e) => e.dateBasis === 'reported').map((e) => `${e.place} ${e.dateText}`)).toEqual(['al-waleed June 23', 'tal-afar on Monday']);
    expect(days('mosul')).toEqual(['2014-06-09..2014-06-24']);
    expect(days('raqqa')).toEqual(['2014-08-08..2014-12-03']);
    expect(days('brussels')).toEqual(['2014-12-03..2014-12-03', '2014-12-03..2014-12-03']);
  });

  const shared = join('..', 'shared', 'articles');
  it.skipIf(!existsSync(shared))('copies the articles byte for byte from the shared originals', () => {
    const originals = JSON.parse(readFileSync(join(shared, 'articles.json'), 'utf8')) as { file: string; published: string; headline: string }[];
    const ours = JSON.parse(readFileSync('data/articles.json', 'utf8')) as { file: string; published: string; headline: string }[];
    for (const original of originals) {
      const copy = ours.find((a) => a.published === original.published && a.headline === original.headline)!;
      expect(readFileSync(join('data', copy.file))).toEqual(readFileSync(join(shared, original.file)));
    }
  });
});
