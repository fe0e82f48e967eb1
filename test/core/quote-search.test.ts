import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesTerms, normalizeForSearch, quoteMask, readQuoteIndex, searchTerms, writeQuoteLines } from '../../src/core/quote-search.ts';

describe('the text search over the quotes', () => {
  it('compares lowercase text without accents, with typographic quotes and dashes made plain and white space collapsed', () => {
    expect(normalizeForSearch('  Kerry’s  “visit”\tto\nSÃO Paulo — Zürich  ')).toBe(`kerry's "visit" to sao paulo - zurich`);
  });

  it('splits a query into its words, each once, and has none for a blank one', () => {
    expect(searchTerms('  Tal   AFAR tal ')).toEqual(['tal', 'afar']);
    expect(searchTerms(' \t ')).toEqual([]);
  });

  it('finds the events whose quote holds every word, anywhere in it, part of a word included', () => {
    const index = readQuoteIndex(writeQuoteLines(['Militants seized Tal Afar.', 'Jets struck Mosul and Tal Afar.', 'Kerry met Maliki in Baghdad.', 'Troops took Kirkuk.']), 4);
    expect([...quoteMask(index, ['tal', 'afar'])]).toEqual([1, 1, 0, 0]);
    expect([...quoteMask(index, ['mosul', 'afar'])]).toEqual([0, 1, 0, 0]);
    expect([...quoteMask(index, ['kirk'])]).toEqual([0, 0, 0, 1]);
    expect([...quoteMask(index, ['k'])]).toEqual([0, 1, 1, 1]);
    expect([...quoteMask(index, ['nowhere'])]).toEqual([0, 0, 0, 0]);
  });

  it('never finds a word across two quotes', () => {
    const index = readQuoteIndex(writeQuoteLines(['It ended in Tal', 'Afar was taken']), 2);
    expect([...quoteMask(index, ['tal afar'])]).toEqual([0, 0]);
    expect([...quoteMask(index, ['tal', 'afar'])]).toEqual([0, 0]);
  });

  it('refuses a quotes file with another number of lines than events', () => {
    expect(() => readQuoteIndex('a\nb\n', 3)).toThrow(/2 lines for 3 events/);
    expect(() => readQuoteIndex('a\nb\nc\n', 2)).toThrow(/3 lines for 2 events/);
    expect(readQuoteIndex('', 0).lineStarts).toEqual(new Int32Array([0]));
  });

  it('agrees with a word-by-word check of each quote, for any quotes and query', () => {
    const word = fc.constantFrom('tal', 'afar', 'Mosul', 'mosul,', 'Ünited', 'a', 'ab', 'b', '’s', '—');
    const quote = fc.array(word, { maxLength: 6 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(quote, { maxLength: 12 }), fc.array(word, { maxLength: 3 }), (quotes, query) => {
        const terms = searchTerms(query.join(' '));
        const mask = quoteMask(readQuoteIndex(writeQuoteLines(quotes), quotes.length), terms);
        expect([...mask]).toEqual(quotes.map((q) => (matchesTerms(normalizeForSearch(q), terms) ? 1 : 0)));
      }),
      { numRuns: 500 },
    );
  });
});
