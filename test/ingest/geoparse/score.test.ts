import { describe, expect, it } from 'vitest';
import { areaUnderCurve, scoreDoc, sumGeoparse } from '../../../src/ingest/geoparse/score.ts';

const gold = (start: number, name: string, lat = 0, lon = 0) => ({ start, end: start + name.length, name, lat, lon });

describe("the field's geoparsing protocol", () => {
  it('matches a prediction whose midpoint is under 10 characters from the gold one, with the same name in any case', () => {
    const s = scoreDoc([gold(100, 'Mosul')], [{ ...gold(91, 'MOSUL') }]);
    expect([s.tp, s.fp, s.fn]).toEqual([1, 0, 0]);
    const far = scoreDoc([gold(100, 'Mosul')], [{ ...gold(90, 'Mosul') }]); // midpoints exactly 10 apart
    expect([far.tp, far.fp, far.fn]).toEqual([0, 1, 1]);
  });

  it('does not match another name at the same place, and gives each prediction to one gold toponym only', () => {
    expect(scoreDoc([gold(0, 'Washington')], [gold(0, 'Washington D.C.')]).tp).toBe(0);
    const s = scoreDoc([gold(0, 'Gaza'), gold(6, 'Gaza')], [gold(3, 'Gaza')]);
    expect([s.tp, s.fp, s.fn]).toEqual([1, 0, 1]);
  });

  it('measures the error of matched pairs in km, acc@161 and the area under the log error curve', () => {
    const s = scoreDoc([gold(0, 'Kyiv', 50.45, 30.52), gold(20, 'Lviv', 49.84, 24.03)], [gold(0, 'Kyiv', 50.45, 30.52), gold(20, 'Lviv', 50.45, 30.52)]);
    const f = sumGeoparse([s]);
    expect(f.acc161).toBe(0.5);
    expect(f.medianKm).toBeGreaterThan(230); // (0 + ~470 km) / 2
    expect(f.medianKm).toBeLessThan(240);
    expect(areaUnderCurve([0, 20_039])).toBeCloseTo(0.5, 6);
    expect(areaUnderCurve([0, 0, 0])).toBe(0);
  });
});
