import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/ingest/gazetteer/gazetteer.ts';
import { candidatesOf, nameFeatures } from '../../../src/ingest/geoparse/features.ts';
import { fieldPoint, framedReadings, learnedReading, readNames } from '../../../src/ingest/geoparse/geoparse.ts';
import { ALL_BENCHMARKS, modelTrainedOn, readModelFile } from '../../../src/ingest/geoparse/model-file.ts';
import { LEARNED, createPlaceFinder } from '../../../src/ingest/places/place-finder.ts';

const gazetteer = loadGazetteer();
const model = modelTrainedOn(readModelFile(), ALL_BENCHMARKS);

describe('the learned reading of a name', () => {
  it('reads a region whose name is also its town as the town when asked, the region otherwise', () => {
    const text = 'A magnitude-6.4 earthquake hit Hatay on Monday evening.';
    const { resolutions, features } = readNames(text, gazetteer);
    const i = resolutions.findIndex((r) => text.slice(r.span.start, r.span.end) === 'Hatay');
    const region = gazetteer.entry(learnedReading(resolutions[i], features[i], gazetteer, model, { recognise: false, regionAsItsTown: false })!.entry);
    const town = gazetteer.entry(learnedReading(resolutions[i], features[i], gazetteer, model, { recognise: false, regionAsItsTown: true })!.entry);
    expect(region.kind).toBe('province');
    expect(['city', 'town']).toContain(town.kind);
    expect([town.country, town.admin1]).toEqual([region.country, region.admin1]);
  });

  it('reads the names again in the frame of its own choices: the other names count for the places it chose, not the rules', () => {
    const text = 'Crews from Paris and Lyon reached Marseille.';
    const { resolutions } = readNames(text, gazetteer);
    const at = (name: string) => resolutions.findIndex((r) => text.slice(r.span.start, r.span.end) === name);
    const paris = resolutions[at('Paris')];
    // Paris standing for the Texas town instead of the French capital: Marseille loses the support of a French name.
    const texas = paris.span.candidates.find((c) => gazetteer.entry(c).country === 'US')!;
    const frame = resolutions.map((r, i) => (i === at('Paris') ? texas : r.entry));
    const ruled = nameFeatures(text, resolutions, gazetteer, (e) => fieldPoint(gazetteer, e));
    const reframed = nameFeatures(text, resolutions, gazetteer, (e) => fieldPoint(gazetteer, e), frame);
    const marseille = at('Marseille');
    const french = candidatesOf(resolutions[marseille].span, gazetteer).findIndex((c) => gazetteer.entry(c).country === 'FR');
    expect(reframed[marseille].candidates[french].storyCountry).toBeLessThan(ruled[marseille].candidates[french].storyCountry);
    // framedReadings reads every name a place the first reading took, and no other.
    const readings = framedReadings(text, resolutions, ruled, gazetteer, model);
    expect(readings.map((r) => r !== null)).toEqual(resolutions.map((r, i) => learnedReading(r, ruled[i], gazetteer, model) !== null));
  });
});

describe('the place finder with the learned geoparser', () => {
  // "Washington" among New York and Chicago: the rules put it at a town in New York state; the learned resolver reads
  // it as the state, named alone, which is evidence and not a mark.
  const text = 'Officials in Washington, New York and Chicago met on Monday.';
  const washington = (learned: typeof model | null) => {
    const found = createPlaceFinder([], gazetteer, undefined, learned).find(text, new Map());
    const r = found.resolutions.find((x) => text.slice(x.span.start, x.span.end) === 'Washington')!;
    return { reason: r.reason, entry: r.entry === null ? null : gazetteer.entry(r.entry), marked: found.mentions.some((m) => m.start === r.span.start) };
  };

  it('overrules the rules where it resolves a name otherwise, and says so', () => {
    const rules = washington(null);
    const learned = washington(model);
    expect(rules.reason.startsWith(LEARNED)).toBe(false);
    expect(learned.reason.startsWith(LEARNED)).toBe(true);
    expect(learned.reason).toContain(`against the rules' ${rules.entry!.name}`);
    expect(learned.entry!.ref).not.toBe(rules.entry!.ref);
  });

  it('keeps a region it chose on its name alone off the map, as the rules do', () => {
    const learned = washington(model);
    expect(learned.entry!.kind).toBe('province');
    expect(learned.marked).toBe(false);
    expect(washington(null).marked).toBe(true);
  });

  it('leaves the names the rules set aside as they were', () => {
    const person = 'Senator Jackson said the vote would wait.';
    const reasons = (learned: typeof model | null) => createPlaceFinder([], gazetteer, undefined, learned).find(person, new Map()).resolutions.map((r) => [r.entry, r.reason]);
    expect(reasons(null).map(([entry]) => entry)).toEqual([null]);
    expect(reasons(model)).toEqual(reasons(null));
  });
});
