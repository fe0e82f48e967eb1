import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/ingest/run/files.ts';
import { runIngest } from '../../src/ingest/run/pipeline.ts';
import { PAYLOADS, createHostileCorpus } from '../hostile-corpus.ts';

describe('hostile text in the pipeline', () => {
  it('keeps markup, bidi controls and zero-width joiners verbatim, at exact offsets', () => {
    const { data, places } = createHostileCorpus();
    const { corpus, places: parsed } = readInputs({ articles: join(data, 'articles.json'), places });
    const { events } = runIngest(corpus, parsed);
    expect(events.map((e) => `${e.article} ${e.place} ${e.start}`)).toEqual([
      'hostile-crlf mosul 2014-06-23',
      'hostile-crlf rawa 2014-06-23', // "The town of Rawa fell.", dated from the sentence before
      'hostile-markup tal-afar 2014-06-23',
      'hostile-markup baghdad 2014-06-23',
    ]);
    for (const e of events) {
      const text = corpus.find((c) => c.article.id === e.article)!.text;
      expect(text.slice(e.quoteStart, e.quoteStart + e.quote.length)).toBe(e.quote);
    }
    const quoteAt = (place: string) => events.find((e) => e.place === place)!.quote;
    expect(quoteAt('tal-afar')).toContain(PAYLOADS.script);
    expect(quoteAt('tal-afar')).toContain(PAYLOADS.bidi);
    expect(quoteAt('baghdad')).toContain(PAYLOADS.zeroWidth);
  });

  it('counts offsets in a file with a byte-order mark and CRLF line ends as JavaScript does', () => {
    const { data, places } = createHostileCorpus();
    const { corpus, places: parsed } = readInputs({ articles: join(data, 'articles.json'), places });
    const text = readFileSync(join(data, 'articles', 'hostile-crlf.txt'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const mosul = runIngest(corpus, parsed).events.find((e) => e.place === 'mosul')!;
    expect(text.slice(mosul.mentionStart!, mosul.mentionEnd!)).toBe('Mosul');
    expect(mosul.quote).toBe('Insurgents seized control of Mosul on Monday, officers said.');
  });
});
