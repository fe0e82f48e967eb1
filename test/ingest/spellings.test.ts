import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/ingest/gazetteer/gazetteer.ts';
import { runIngest } from '../../src/ingest/run/pipeline.ts';
import { createArticle } from './helpers.ts';

describe('the name a found place is given', () => {
  it('is the text\'s spelling in its compatible form: fullwidth "Ｍｏｓｕｌ" names the place "Mosul"', () => {
    const result = runIngest([{ article: createArticle('2014-06-24'), text: 'Militants attacked Ｍｏｓｕｌ on Monday.' }], [], { gazetteer: loadGazetteer() });
    expect(result.events.map((e) => e.place)).toEqual(['mosul']);
    expect(result.places.map((p) => [p.properties.name, p.properties.aliases])).toEqual([['Mosul', ['Mosul']]]);
  });
});
