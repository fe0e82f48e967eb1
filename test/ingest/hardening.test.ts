import { readJudgeFile } from '../../src/ingest/judge/model-file.ts';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, formatProblem } from '../../src/core/validate.ts';
import { ingestFiles } from '../../src/ingest/run/files.ts';
import { createMentionFinder } from '../../src/ingest/places/mentions.ts';
import { splitSentences } from '../../src/ingest/text/sentences.ts';
import { NO_PLACES, createTextCorpus, type TextArticle } from '../text-corpus.ts';

// Defects an adversarial run found in the ingest (issue 15, items 3 and 8): each input here once gave invalid
// events or a stack trace.

const PREVIOUS_OUTPUT = '{"events": "from an earlier run"}\n';
const MOSUL = JSON.stringify({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', id: 'mosul', geometry: { type: 'Point', coordinates: [43.13, 36.34] }, properties: { id: 'mosul', name: 'Mosul', aliases: ['Mosul'], kind: 'city', country: 'IQ', source: 'test' } }],
});

/** A corpus of the given texts with an output file from "an earlier run" already there. */
function createCorpus(articles: readonly TextArticle[], places = MOSUL) {
  const corpus = createTextCorpus(articles, places);
  const out = join(corpus.dir, 'events.json');
  writeFileSync(out, PREVIOUS_OUTPUT);
  return { ...corpus, out };
}

/** Runs the ingest (curated places only) and returns its problems as lines; checks the old output is untouched. */
function refusal(corpus: ReturnType<typeof createCorpus>): string[] {
  try {
    ingestFiles(corpus, { gazetteer: false });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect(readFileSync(corpus.out, 'utf8')).toBe(PREVIOUS_OUTPUT);
    expect(readdirSync(corpus.dir).sort()).toEqual(['articles', 'articles.json', 'events.json', 'places.geojson']);
    return (error as InputError).problems.map(formatProblem);
  }
  throw new Error('the ingest wrote its output');
}

const attack = (text = 'Militants attacked Mosul on Monday, officials said.\n'): TextArticle => ({ id: 'a', text, published: '2014-06-23' });

describe('a places file with no places', () => {
  it('matches nothing: an empty alias pattern would match everywhere', () => {
    expect(createMentionFinder([])('Militants attacked Mosul.')).toEqual([]);
  });

  it('gives no events, and a valid events.json', () => {
    const corpus = createCorpus([attack()], NO_PLACES);
    expect(ingestFiles(corpus, { gazetteer: false }).count).toBe(0);
    expect(JSON.parse(readFileSync(corpus.out, 'utf8'))).toEqual({ threshold: readJudgeFile().threshold, events: [], places: [] });
  });
});

describe('a date outside the supported days', () => {
  it('dates nothing: the event takes its date from its context, as an undated one does', () => {
    const corpus = createCorpus([attack('Militants attacked Mosul on December 31, 9999, officials said.\n')]);
    ingestFiles(corpus, { gazetteer: false });
    expect(JSON.parse(readFileSync(corpus.out, 'utf8')).events.map((e: { start: string; end: string; dateBasis: string }) => `${e.start}..${e.end} ${e.dateBasis}`)).toEqual(['2014-06-23..2014-06-23 published']);
  });
});

describe('problems, not stack traces', () => {
  it('names a Polygon without coordinates', () => {
    const places = JSON.parse(MOSUL);
    places.features[0].geometry = { type: 'Polygon', coordinates: [] };
    const corpus = createCorpus([attack()], JSON.stringify(places));
    expect(refusal(corpus)).toEqual([`${corpus.places}: place "mosul".geometry.coordinates: a Polygon needs at least one ring`]);
  });

  it('names JSON nested 100,000 deep', () => {
    const corpus = createCorpus([attack()]);
    writeFileSync(corpus.articles, `${'['.repeat(100_000)}]`);
    expect(refusal(corpus)).toEqual([`${corpus.articles}: (json): nested more than 64 levels deep (line 1, column 65)`]);
  });

  it('reads an articles.json that starts with a byte-order mark', () => {
    const corpus = createCorpus([attack()]);
    writeFileSync(corpus.articles, `\uFEFF${readFileSync(corpus.articles, 'utf8')}`);
    expect(ingestFiles(corpus, { gazetteer: false }).count).toBe(1);
  });

  it('names a key given twice', () => {
    const corpus = createCorpus([attack()]);
    writeFileSync(corpus.articles, readFileSync(corpus.articles, 'utf8').replace('"published"', '"published": "2014-06-01",\n    "published"'));
    expect(refusal(corpus)).toEqual([`${corpus.articles}: [0].published: duplicate key: it is given 2 times, and JSON would keep only the last`]);
  });
});

describe('line ends other than LF', () => {
  it('numbers paragraphs at CR, CRLF, U+2028 and U+2029 as at LF, with offsets into the text as it is', () => {
    const text = 'One. Two.\rThree.\u2028\u2028Four.\r\nFive.\u2029Six.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => [s.text, s.paragraph])).toEqual([['One.', 0], ['Two.', 0], ['Three.', 1], ['Four.', 2], ['Five.', 3], ['Six.', 4]]);
    for (const s of sentences) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });

  it('does not join a line ending in an abbreviation to the next line across a CR', () => {
    expect(splitSentences('He met Gen.\rMilitants attacked Mosul.').map((s) => s.text)).toEqual(['He met Gen.', 'Militants attacked Mosul.']);
  });

  it('dates an undated paragraph the same whichever line ends the text uses', () => {
    const lines = ['Fighting spread in May, officials said.', 'Nothing else was reported.', 'Militants attacked Mosul.', ''];
    const datesWith = (end: string) => {
      const corpus = createCorpus([attack(lines.join(end))]);
      ingestFiles(corpus, { gazetteer: false });
      return JSON.parse(readFileSync(corpus.out, 'utf8')).events.map((e: { start: string; end: string; dateBasis: string }) => `${e.start}..${e.end} ${e.dateBasis}`);
    };
    const lf = datesWith('\n');
    expect(lf).toEqual(['2014-06-23..2014-06-23 published']);
    for (const end of ['\r', '\r\n', '\u2028', '\u2029']) expect(datesWith(end)).toEqual(lf);
  });

  it('places a meeting at the dateline whichever line ends the text uses', () => {
    const places = JSON.parse(MOSUL);
    places.features[0] = { ...places.features[0], id: 'baghdad', geometry: { type: 'Point', coordinates: [44.366, 33.315] }, properties: { ...places.features[0].properties, id: 'baghdad', name: 'Baghdad', aliases: ['Baghdad'] } };
    const placesWith = (end: string) => {
      const corpus = createCorpus([attack(['Kerry holds talks in Baghdad', '', 'BAGHDAD - Wire', 'Kerry met with Maliki on Monday.', ''].join(end))], JSON.stringify(places));
      ingestFiles(corpus, { gazetteer: false });
      return JSON.parse(readFileSync(corpus.out, 'utf8')).events.map((e: { place: string; quote: string }) => `${e.place}: ${e.quote}`);
    };
    expect(placesWith('\n')).toEqual(['baghdad: Kerry met with Maliki on Monday.']); // the headline reports nothing
    for (const end of ['\r', '\r\n', '\u2028', '\u2029']) expect(placesWith(end)).toEqual(['baghdad: Kerry met with Maliki on Monday.']);
  });
});
