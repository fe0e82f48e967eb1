import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/ingest/gazetteer/gazetteer.ts';
import { geoparse } from '../../../src/ingest/geoparse/geoparse.ts';

/** What the geoparser finds in a text: each name with its kind and country. */
function found(text: string): string[] {
  return geoparse(text, loadGazetteer()).map((m) => `${m.name} ${m.kind} ${m.country}`);
}

describe('failure kinds of the geoparser, fixed as kinds', () => {
  it('reads dotted abbreviations as one name with their dot: U.S., D.C., AP-style states', () => {
    expect(found('The U.S. ambassador flew to Washington, D.C., on Monday.')).toEqual(expect.arrayContaining(['U.S. country US', 'D.C. city US']));
    expect(found('He was born in Charleston, W.Va., and lives in Mobile, Ala.')).toEqual(expect.arrayContaining(['W.Va. province US', 'Ala. province US']));
    expect(found('Flooding closed roads near Lexington, Ky., and Fredericton, N.B.')).toEqual(expect.arrayContaining(['Ky. province US', 'N.B. province CA']));
  });

  it('reads country initials in capitals, never the pronoun', () => {
    expect(found('Talks between the US and the UK resumed.')).toEqual(['US country US', 'UK country GB']);
    expect(found('Let us meet in the hall.')).toEqual([]);
  });

  it('takes an abbreviation that is also a word for a state only after "Town, "', () => {
    expect(found('Police in Springfield, Ill., said the fire was out.')).toEqual(expect.arrayContaining(['Ill. province US']));
    expect(found('Ill. health kept him away.').some((m) => m.startsWith('Ill.'))).toBe(false);
  });

  it('reads a demonym as its country', () => {
    expect(found('Iraqi troops and Kurdish fighters clashed, Palestinians said.')).toEqual(expect.arrayContaining(['Iraqi country IQ', 'Palestinians country PS']));
  });

  it('reads a state named alone as the state, not a same-named town abroad', () => {
    expect(found('The storm hit Virginia on Monday.')).toEqual(['Virginia province US']);
    expect(found('Wildfires spread across Alberta.')).toEqual(['Alberta province CA']);
  });

  it('reads a state or a country that opens a longer name as a place, as the benchmarks count it', () => {
    expect(found('He asked the Ohio Supreme Court to delay it, and the U.S. Army agreed.')).toEqual(['Ohio province US', 'U.S. country US']);
    expect(found('He studied at Lincoln High School.')).toEqual([]); // a town's name opening a school's is not read
  });

  it("reads a town by the article's frame: Alexandria in a Virginia story is Virginia's", () => {
    const names = geoparse('Officials in Alexandria said the storm that crossed Virginia had passed.', loadGazetteer());
    expect(names.find((m) => m.name === 'Alexandria')?.country).toBe('US');
  });

  it('gives a country the point the field gives it, and a region a point near its middle', () => {
    const [russia] = geoparse('Russia said so.', loadGazetteer());
    expect([russia.lat, russia.lon]).toEqual([60, 100]);
    // Alberta's seat, Edmonton, is 150 km north of where GeoNames puts the province (52.28° N, 113.8° W).
    const [alberta] = geoparse('Fires spread in Alberta.', loadGazetteer());
    expect(distance([alberta.lon, alberta.lat], [-113.8, 52.28])).toBeLessThan(100);
  });
});
