import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_CONFIDENCE, WindowCounts, decodeColumns } from '../../src/core/event-columns.ts';
import { parseDay } from '../../src/core/day.ts';
import { articleMask, categoryMask, confidenceMask, outletMask } from '../../src/core/event-mask.ts';
import { CATEGORIES } from '../../src/core/model.ts';
import { normalizeForSearch, quoteMask, readQuoteIndex } from '../../src/core/quote-search.ts';
import { compileDataset } from '../../src/data/compile.ts';
import { PLACE_PAGE_EVENTS, ROWS_PER_FILE, ROW_QUOTE_CHARS, type ArticleEntry, type CompiledMeta, type PlaceFile, type PlacePage, type RowFile } from '../../src/data/compiled-format.ts';
import { firstWords } from '../../src/core/format.ts';

// The compiled form of the corpus, which the app loads, must say exactly what data/events.json says.

const read = (path: string) => readFileSync(path, 'utf8');
const inputs = { articles: read('data/articles.json'), places: read('geo/places.geojson'), events: read('data/events.json'), text: (file: string) => readFileSync(join('data', file)) };
const canonical = (
  JSON.parse(inputs.events) as { events: { id: string; article: string; place: string; start: string; end: string; category: string; quote: string; confidence?: number; reasons?: string[] }[] }
).events;

function compiled(overrides: Partial<typeof inputs> = {}) {
  const files = compileDataset({ ...inputs, ...overrides });
  const meta = JSON.parse(files.get('meta.json') as string) as CompiledMeta;
  return { files, meta };
}

describe('the compiled dataset', () => {
  it('names an article without a headline by its first sentence, and keeps the headline of one that has it', () => {
    const articles = (JSON.parse(inputs.articles) as { headline: string | null }[]).map((a, i) => (i === 0 ? { ...a, headline: null } : a));
    const { files, meta } = compiled({ articles: JSON.stringify(articles) });
    if (meta.fatal) throw new Error('fatal');
    const cited = meta.places.flatMap((_, n) => (JSON.parse(files.get(`places/${n}.json`) as string) as PlaceFile).articles);
    const first = cited.find((a) => a.id === 'kerry-baghdad-2014-06-23')!;
    expect(first.headline).toBeNull();
    expect(first.lead).toBe("Kerry backs Iraq against 'existential' militant threat"); // its text's first line
    expect(cited.filter((a) => a.id !== first.id).every((a) => a.headline !== null && a.lead === undefined)).toBe(true);
  });

  it('holds every event of events.json, each in its place file with its quote, and the article texts', () => {
    const { files, meta } = compiled();
    if (meta.fatal) throw new Error('fatal');
    expect(meta.events).toBe(canonical.length);
    const articles = JSON.parse(inputs.articles) as { id: string; file: string; outlet: string }[];
    const fromPlaceFiles = meta.places.flatMap((place, n) => {
      const file = JSON.parse(files.get(`places/${n}.json`) as string) as PlaceFile;
      expect(file.place.id).toBe(place.id);
      for (const e of file.events) expect(e.place).toBe(place.id);
      // Each place file carries exactly the articles its events cite.
      expect(file.articles.map((a) => a.id).sort()).toEqual([...new Set(file.events.map((e) => e.article))].sort());
      for (const a of file.articles) expect(a.outlet).toBe(articles.find((b) => b.id === a.id)!.outlet);
      return file.events;
    });
    expect(fromPlaceFiles.map((e) => e.id).sort()).toEqual(canonical.map((e) => e.id).sort());
    expect(new Set(meta.places.map((p) => p.id))).toEqual(new Set(canonical.map((e) => e.place)));
    for (const article of articles) expect(files.get(`texts/${article.id}.txt`)).toEqual(readFileSync(join('data', article.file)));
  });

  it('cuts a place\'s events into pages of 500 in date order: the first in its place file with the days each page covers, the others apart', () => {
    // The seed's events, each copied many times over at its own place and days: Baghdad gets far more than a page.
    const file = JSON.parse(inputs.events) as { events: { id: string; place: string; start: string; end: string; article: string; quoteStart: number }[] };
    const many = file.events.flatMap((e) => Array.from({ length: e.place === 'baghdad' ? 220 : 1 }, (_, i) => ({ ...e, id: `${e.id}-${i}` })));
    const { files, meta } = compiled({ events: JSON.stringify({ ...file, events: many }) });
    if (meta.fatal) throw new Error('fatal');
    const n = meta.places.findIndex((p) => p.id === 'baghdad');
    const head = JSON.parse(files.get(`places/${n}.json`) as string) as PlaceFile;
    const atBaghdad = many.filter((e) => e.place === 'baghdad');
    expect(head.total).toBe(atBaghdad.length);
    expect(head.pages.length).toBe(Math.ceil(atBaghdad.length / PLACE_PAGE_EVENTS));
    expect(head.events.length).toBe(PLACE_PAGE_EVENTS);
    const pages: PlacePage[] = [head, ...head.pages.slice(1).map((_, k) => JSON.parse(files.get(`places/${n}/${k + 1}.json`) as string) as PlacePage)];
    expect(files.has(`places/${n}/${head.pages.length}.json`)).toBe(false);
    // every event once, in date order, each page with the articles it cites and its span
    const events = pages.flatMap((p) => p.events);
    expect(events.map((e) => e.id).sort()).toEqual(atBaghdad.map((e) => e.id).sort());
    expect(events.every((e, i) => i === 0 || events[i - 1].start <= e.start)).toBe(true);
    pages.forEach((p, k) => {
      expect(p.articles.map((a) => a.id).sort()).toEqual([...new Set(p.events.map((e) => e.article))].sort());
      expect(head.pages[k]).toEqual({ firstStart: p.events[0].start, lastStart: p.events.at(-1)!.start, lastEnd: Math.max(...p.events.map((e) => e.end)) });
    });
    // a place of one page has no other file
    const small = meta.places.findIndex((p) => p.id !== 'baghdad');
    expect((JSON.parse(files.get(`places/${small}.json`) as string) as PlaceFile).pages.length).toBe(1);
    expect([...files.keys()].some((name) => name.startsWith(`places/${small}/`))).toBe(false);
  });

  it('gives the filters what the records say: each event\'s category, article, outlet and quote, by event number', () => {
    const { files, meta } = compiled();
    if (meta.fatal) throw new Error('fatal');
    const bytes = files.get('columns.bin') as Uint8Array;
    const columns = decodeColumns(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const articles = JSON.parse(files.get('articles.json') as string) as ArticleEntry[];
    const records = JSON.parse(inputs.articles) as { id: string; outlet: string | null; headline: string | null }[];
    expect(articles.map((a) => [a.id, a.outlet])).toEqual(records.map((a) => [a.id, a.outlet]));
    expect(meta.outlets).toEqual([...new Set(records.map((a) => a.outlet).filter((o) => o !== null))].sort());
    // events.json is in start order: event number i is canonical[i]
    const quotes = readQuoteIndex(files.get('quotes.txt') as string, canonical.length);
    canonical.forEach((e, i) => expect(quotes.text.slice(quotes.lineStarts[i], quotes.lineStarts[i + 1] - 1)).toBe(normalizeForSearch(e.quote)));
    // The chronological list's lines: each event's id and the opening of its quote, a file per ROWS_PER_FILE numbers.
    const rows = [...files.keys()].filter((name) => name.startsWith('rows/')).sort((a, b) => Number(a.slice(5, -5)) - Number(b.slice(5, -5)));
    expect(rows.length).toBe(Math.ceil(canonical.length / ROWS_PER_FILE));
    const lines = rows.flatMap((name) => JSON.parse(files.get(name) as string) as RowFile);
    expect(lines).toEqual(canonical.map((e) => (e.reasons ? [e.id, firstWords(e.quote, ROW_QUOTE_CHARS), e.reasons] : [e.id, firstWords(e.quote, ROW_QUOTE_CHARS)])));
    const kept = (mask: Uint8Array) => canonical.filter((_, i) => mask[i]).map((e) => e.id);
    expect(kept(categoryMask(columns, [CATEGORIES.indexOf('capture')]))).toEqual(canonical.filter((e) => e.category === 'capture').map((e) => e.id));
    const article = articles.findIndex((a) => a.id === 'kerry-baghdad-2014-06-23');
    expect(kept(articleMask(columns, article))).toEqual(canonical.filter((e) => e.article === 'kerry-baghdad-2014-06-23').map((e) => e.id));
    meta.outlets.forEach((outlet, o) => {
      const ids = new Set(records.filter((a) => a.outlet === outlet).map((a) => a.id));
      expect(kept(outletMask(columns, o))).toEqual(canonical.filter((e) => ids.has(e.article)).map((e) => e.id));
    });
    expect(kept(quoteMask(quotes, ['tal', 'afar']))).toEqual(canonical.filter((e) => /tal afar/i.test(e.quote)).map((e) => e.id));
  });

  it('carries the judge\'s threshold into meta.json, each event\'s confidence into the columns in hundredths, its reasons into the rows and the place files', () => {
    // data/events.json as the judge would write it: a threshold, and per event a confidence and reasons.
    const file = JSON.parse(inputs.events) as { threshold?: number; events: { confidence?: number; reasons?: string[] }[] };
    file.threshold = 0.47;
    file.events.forEach((e, i) => {
      e.confidence = ((i * 37) % 101) / 100;
      e.reasons = [`+ reason ${i}`, '− quoted speech'];
    });
    const { files, meta } = compiled({ events: JSON.stringify(file) });
    if (meta.fatal) throw new Error('fatal');
    expect(meta.threshold).toBe(0.47);
    const bytes = files.get('columns.bin') as Uint8Array;
    const columns = decodeColumns(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    // events.json is in start order: event number i is its event i
    expect([...columns.confidence]).toEqual(file.events.map((e) => Math.round(e.confidence! * 100)));
    const kept = file.events.filter((_, i) => confidenceMask(columns, 47)![i]);
    expect(kept).toEqual(file.events.filter((e) => e.confidence! >= 0.47));
    expect((JSON.parse(files.get('rows/0.json') as string) as RowFile).map((row) => row[2])).toEqual(file.events.map((e) => e.reasons));
    const fromPlaces = meta.places.flatMap((_, n) => (JSON.parse(files.get(`places/${n}.json`) as string) as PlaceFile).events);
    expect(fromPlaces.every((e) => e.confidence !== undefined && e.reasons?.length === 2)).toBe(true);
  });

  it('reads a file the rules alone wrote: no threshold, no confidence (every event above any line), rows without reasons', () => {
    const file = JSON.parse(inputs.events) as { threshold?: number; events: { confidence?: number; reasons?: string[] }[] };
    delete file.threshold;
    for (const e of file.events) {
      delete e.confidence;
      delete e.reasons;
    }
    const { files, meta } = compiled({ events: JSON.stringify(file) });
    if (meta.fatal) throw new Error('fatal');
    expect(meta.threshold).toBeNull();
    const bytes = files.get('columns.bin') as Uint8Array;
    const columns = decodeColumns(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(columns.confidence.every((c) => c === NO_CONFIDENCE)).toBe(true);
    expect(confidenceMask(columns, 100)!.every((k) => k === 1)).toBe(true);
    expect((JSON.parse(files.get('rows/0.json') as string) as RowFile).every((row) => row.length === 2)).toBe(true);
  });

  it('carries what people checked: the count in meta.json over the events shown by default, a flag in the rows, and the event shown at any minimum', () => {
    const file = JSON.parse(inputs.events) as { threshold?: number; events: { confidence?: number; reasons?: string[]; checked?: true }[] };
    file.threshold = 0.5;
    file.events.forEach((e, i) => {
      e.confidence = i % 2 === 0 ? 0.9 : 0.2;
      if (i < 3) e.checked = true; // events 0 and 2 above the threshold, 1 under it: checked, it shows all the same
    });
    const { files, meta } = compiled({ events: JSON.stringify(file) });
    if (meta.fatal) throw new Error('fatal');
    expect(meta.checked).toBe(3);
    expect(meta.checkable).toBe(file.events.filter((e, i) => i < 3 || e.confidence! >= 0.5).length);
    const rows = JSON.parse(files.get('rows/0.json') as string) as RowFile;
    expect(rows.map((row) => row[3] === 1)).toEqual(file.events.map((e) => e.checked === true));
    const bytes = files.get('columns.bin') as Uint8Array;
    const columns = decodeColumns(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(confidenceMask(columns, 99)![1]).toBe(1);
    expect(confidenceMask(columns, 99)![3]).toBe(0);
    const fromPlaces = meta.places.flatMap((_, n) => (JSON.parse(files.get(`places/${n}.json`) as string) as PlaceFile).events);
    expect(fromPlaces.filter((e) => e.checked)).toHaveLength(3);
  });

  it('counts no event checked in a file nobody corrected', () => {
    const { meta } = compiled();
    if (meta.fatal) throw new Error('fatal');
    expect(meta.checked).toBe(0);
  });

  it('counts in its columns what the records say, per place, for any window', () => {
    const { files, meta } = compiled();
    if (meta.fatal) throw new Error('fatal');
    const bytes = files.get('columns.bin') as Uint8Array;
    const counts = new WindowCounts(decodeColumns(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer));
    for (const [from, to] of [['2014-06-21', '2014-06-22'], ['2014-06-23', '2014-06-23'], ['2014-08-01', '2015-01-31'], ['2014-01-01', '2016-12-31']]) {
      counts.moveTo({ from: parseDay(from)!, to: parseDay(to)! });
      const inWindow = canonical.filter((e) => e.start <= to && e.end >= from);
      expect(counts.total()).toBe(inWindow.length);
      meta.places.forEach((place, n) => expect(counts.count(n)).toBe(inWindow.filter((e) => e.place === place.id).length));
    }
  });

  it('keeps the good records of a file with a bad one, and says which was left out', () => {
    const events = JSON.parse(inputs.events) as { events: { place: string }[] };
    events.events[4].place = 'atlantis';
    const { meta } = compiled({ events: JSON.stringify(events) });
    if (meta.fatal) throw new Error('fatal');
    expect(meta.events).toBe(canonical.length - 1);
    expect(meta.problems).toEqual([{ file: 'events.json', field: 'events[4].place', message: 'unknown place "atlantis"' }]);
  });

  it('leaves out an event dated 9999-12-31 instead of stretching columns.bin over eight millennia', () => {
    const events = JSON.parse(inputs.events) as { events: { start: string; end: string }[] };
    events.events[0].start = events.events[0].end = '9999-12-31';
    const { files, meta } = compiled({ events: JSON.stringify(events) });
    if (meta.fatal) throw new Error('fatal');
    expect(meta.events).toBe(canonical.length - 1);
    expect(meta.problems).toEqual([{ file: 'events.json', field: 'events[0].start', message: 'must lie between 1800-01-01 and 2100-12-31' }]);
    expect((files.get('columns.bin') as Uint8Array).byteLength).toBeLessThan(100_000);
  });

  it('says why when a file cannot be used at all, naming the file and where', () => {
    const { files, meta } = compiled({ events: '{"events": [' });
    expect([...files.keys()]).toEqual(['meta.json']);
    expect(meta.fatal).toHaveLength(1);
    expect(meta.fatal![0].file).toBe('events.json');
    expect(meta.fatal![0].message).toMatch(/line 1, column/);
  });
});
