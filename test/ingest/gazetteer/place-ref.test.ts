import { describe, expect, it } from 'vitest';
import { isGazetteerRef, refParts } from '../../../src/ingest/gazetteer/place-ref.ts';
import { loadGazetteer } from '../../../src/ingest/gazetteer/gazetteer.ts';

describe('a place reference', () => {
  it('tells a gazetteer ref from a curated id by its scheme, not by a colon alone', () => {
    for (const ref of ['geonames:99072', 'admin1:UA.08', 'admin2:US.37077', 'country:UA']) expect(isGazetteerRef(ref), ref).toBe(true);
    for (const id of ['mosul', 'tal-afar', 'kyiv-ua', 'geonames', 'geonames:', ':99072', 'http://x', 'osm:123']) expect(isGazetteerRef(id), id).toBe(false);
  });

  it('splits a ref into its scheme and code, the code kept whole', () => {
    expect(refParts('admin1:UA.08')).toEqual({ scheme: 'admin1', code: 'UA.08' });
    expect(refParts('geonames:99072')).toEqual({ scheme: 'geonames', code: '99072' });
  });

  it('is what every entry of the embedded gazetteer carries', () => {
    const gazetteer = loadGazetteer();
    const step = Math.max(1, Math.floor(gazetteer.size / 5000));
    for (let i = 0; i < gazetteer.size; i += step) expect(isGazetteerRef(gazetteer.entry(i).ref), gazetteer.entry(i).ref).toBe(true);
    for (const c of gazetteer.countries()) expect(refParts(c.ref).scheme).toBe('country');
  });
});
