import { check } from '@placemarkio/check-geojson';
import type { FeatureCollection } from 'geojson';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildCitation, type Citation } from '../../../src/core/citation.ts';
import { parseDay } from '../../../src/core/day.ts';
import { CHUNK_ROWS, EXPORT_COLUMNS, annotationParts, collectBlob, csvCell, csvParts, geojsonParts, webAnnotation } from '../../../src/core/export/index.ts';
import type { MapEvent } from '../../../src/core/model.ts';

// The export writers on citations built here (buildCitation): a plain event, a vague one, and a hostile set whose
// text fields carry markup, spreadsheet formulas, line breaks, commas, quotes and right-to-left text.

const TEXT = 'Before it all. Insurgents seized Mosul on Monday, officers said. After that, more.';

function createCitation(overrides: Partial<MapEvent> & { url?: string | null; outlet?: string | null; headline?: string | null } = {}): Citation {
  const { url = 'https://example.org/mosul', outlet = 'Wire', headline = 'Mosul falls', ...event } = overrides;
  const quote = event.quote ?? 'Insurgents seized Mosul on Monday, officers said.';
  return buildCitation({
    event: { id: 'a-1#1', article: 'a-1', place: 'mosul', start: parseDay('2014-06-09')!, end: parseDay('2014-06-09')!, category: 'capture', quote, quoteStart: TEXT.indexOf(quote), mentionStart: null, mentionEnd: null, dateBasis: 'stated', dateText: 'on Monday', confidence: 0.81, ...event },
    article: { id: 'a-1', file: 'articles/a-1.txt', headline, outlet, published: parseDay('2014-06-10')!, url },
    place: { id: 'mosul', name: 'Mosul', lngLat: [43.13, 36.34], reviewed: true },
    permalink: 'https://datelines.example/#place=mosul',
    accessed: parseDay('2026-12-07')!,
  });
}

const HOSTILE = ['<script>window.pwned=1</script>', "=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1)', '\tTab first', '\rCR first', 'line one\r\nline two\nthree', 'commas, and "quotes", here', 'مدينة الموصل \u202Eevil\u202C', 'Tal\u200DAfar'];

function createHostileCitations(): Citation[] {
  return HOSTILE.map((text, i) => ({ ...createCitation({ id: `h#${i}`, quote: text }), headline: text, outlet: text, place: { id: 'mosul', name: text, lngLat: [-43.13, 36.34], reviewed: false } }));
}

const joined = (parts: Iterable<string>) => [...parts].join('');

describe('CSV', () => {
  it('has the issue’s columns in order, and parses back to the rows it was given', () => {
    const rows = parse(joined(csvParts([createCitation(), createCitation({ id: 'a-1#2', start: parseDay('2014-06-07')!, end: parseDay('2014-06-08')!, dateBasis: 'context', confidence: undefined, checked: true })])), { columns: true, bom: false }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...EXPORT_COLUMNS]);
    expect(rows[0]).toEqual({
      start: '2014-06-09', end: '2014-06-09', dateBasis: 'stated', placeId: 'mosul', name: 'Mosul', longitude: '43.13', latitude: '36.34', placeReviewed: 'true', eventChecked: 'false',
      confidence: '0.81', category: 'capture', quote: 'Insurgents seized Mosul on Monday, officers said.', article: 'a-1', outlet: 'Wire', headline: 'Mosul falls', published: '2014-06-10',
      url: 'https://example.org/mosul', permalink: 'https://datelines.example/#place=mosul',
    });
    expect(rows[1]).toMatchObject({ start: '2014-06-07', end: '2014-06-08', dateBasis: 'context', eventChecked: 'true', confidence: '' });
  });

  it('ends every record with CRLF and quotes a field only when it must (RFC 4180)', () => {
    const text = joined(csvParts([createCitation({ quote: 'He said "no".' })]));
    expect(text.split('\r\n')).toHaveLength(3);
    expect(text).toContain(',"He said ""no"".",');
    expect(text).toContain(',Mosul,43.13,36.34,');
  });

  it('keeps a hostile dataset as text: formulas defused with a quote mark, breaks, commas, quotes and RTL verbatim', () => {
    const rows = parse(joined(csvParts(createHostileCitations())), { columns: true, relax_quotes: false }) as Record<string, string>[];
    expect(rows).toHaveLength(HOSTILE.length);
    rows.forEach((row, i) => {
      const expected = /^[=+\-@\t\r]/.test(HOSTILE[i]) ? `'${HOSTILE[i]}` : HOSTILE[i];
      expect(row.quote).toBe(expected);
      expect(row.headline).toBe(expected);
      expect(row.outlet).toBe(expected);
      expect(row.name).toBe(expected);
      expect(row.longitude).toBe('-43.13'); // a number the export writes stays a number
      expect(row.placeReviewed).toBe('false');
    });
  });

  it('writes no cell a spreadsheet would run as a formula', () => {
    for (const text of HOSTILE) expect(csvCell(text).replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
  });

  it('yields one chunk per thousand rows, never the whole file at once', () => {
    const many = Array.from({ length: CHUNK_ROWS * 2 + 1 }, (_, i) => createCitation({ id: `a-1#${i}` }));
    const parts = [...csvParts(many)];
    expect(parts).toHaveLength(3);
    expect((parse(parts.join(''), { columns: true }) as unknown[]).length).toBe(many.length);
  });

  it('writes only the header for no events', () => {
    expect(joined(csvParts([]))).toBe(EXPORT_COLUMNS.join(',') + '\r\n');
  });
});

describe('GeoJSON', () => {
  it('is a valid FeatureCollection of a Point per event, longitude first, with the CSV’s properties', () => {
    const text = joined(geojsonParts([createCitation(), ...createHostileCitations()]));
    const collection = check(text) as FeatureCollection;
    expect(collection.features).toHaveLength(1 + HOSTILE.length);
    const [first] = collection.features;
    expect(first.geometry).toEqual({ type: 'Point', coordinates: [43.13, 36.34] });
    expect(first.id).toBe('a-1#1');
    expect(Object.keys(first.properties!)).toEqual([...EXPORT_COLUMNS]);
    expect(first.properties).toMatchObject({ start: '2014-06-09', end: '2014-06-09', placeReviewed: true, eventChecked: false, confidence: 0.81, longitude: 43.13 });
    expect(collection.features.slice(1).map((f) => f.properties!.quote)).toEqual(HOSTILE); // verbatim: JSON needs no defusing
  });

  it('is valid with no events, and across chunks', () => {
    expect((check(joined(geojsonParts([]))) as FeatureCollection).features).toEqual([]);
    const many = Array.from({ length: CHUNK_ROWS + 5 }, (_, i) => createCitation({ id: `a-1#${i}` }));
    expect((check(joined(geojsonParts(many))) as FeatureCollection).features).toHaveLength(many.length);
  });
});

describe('Web Annotations', () => {
  it('selects the quote with prefix and suffix from the article, and its position in code points', () => {
    const a = webAnnotation(createCitation(), TEXT);
    expect(a).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:datelines:event:a-1%231',
      type: 'Annotation',
      motivation: 'describing',
      body: [
        { type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: 'Mosul (36.34, 43.13), 2014-06-09' },
        { type: 'TextualBody', purpose: 'tagging', format: 'text/plain', value: 'capture' },
        { type: 'SpecificResource', purpose: 'identifying', source: 'https://datelines.example/#place=mosul' },
      ],
      target: {
        source: 'https://example.org/mosul',
        selector: [
          { type: 'TextQuoteSelector', exact: 'Insurgents seized Mosul on Monday, officers said.', prefix: 'Before it all. ', suffix: ' After that, more.' },
          { type: 'TextPositionSelector', start: 15, end: 64 },
        ],
      },
    });
  });

  it('counts positions in code points, not UTF-16 units, and keeps a vague date a range', () => {
    const text = '😀😀 ' + TEXT;
    const c = { ...createCitation({ start: parseDay('2014-06-07')!, end: parseDay('2014-06-08')! }), quoteStart: text.indexOf('Insurgents') };
    const a = webAnnotation(c, text);
    expect(a.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 18, end: 67 });
    expect(a.body[0]).toMatchObject({ value: 'Mosul (36.34, 43.13), 2014-06-07/2014-06-08' });
  });

  it('selects only the quote when the text is not to hand or does not hold it there, and names an article without URL', () => {
    const a = webAnnotation(createCitation({ url: null }), undefined);
    expect(a.target).toEqual({ source: 'urn:datelines:article:a-1', selector: [{ type: 'TextQuoteSelector', exact: 'Insurgents seized Mosul on Monday, officers said.' }] });
    expect(webAnnotation(createCitation(), 'another text').target.selector).toHaveLength(1);
  });

  it('writes an AnnotationCollection that parses, its items the annotations, hostile text kept verbatim', () => {
    const hostile = createHostileCitations();
    const collection = JSON.parse(joined(annotationParts(hostile, hostile.length, () => undefined)));
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: HOSTILE.length, first: { type: 'AnnotationPage' } });
    expect(collection.first.items.map((a: { target: { selector: { exact: string }[] } }) => a.target.selector[0].exact)).toEqual(HOSTILE);
  });
});

describe('collecting the chunks', () => {
  it('hands the thread back whenever a slice of work is spent, and says how far it got, into one Blob', async () => {
    let clock = 0;
    const pauses: number[] = [];
    const progress: number[] = [];
    const parts = function* () {
      for (let i = 0; i < 5; i++) {
        clock += 10;
        yield `part ${i};`;
      }
    };
    const blob = await collectBlob(parts(), { type: 'text/plain', pause: async () => void pauses.push(clock), onProgress: (n) => progress.push(n), sliceMs: 15, now: () => clock });
    expect(await blob.text()).toBe('part 0;part 1;part 2;part 3;part 4;');
    expect(pauses).toEqual([20, 40]);
    expect(progress).toEqual([2, 4, 5]);
  });
});
