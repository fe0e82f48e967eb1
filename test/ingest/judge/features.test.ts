import { describe, expect, it } from 'vitest';
import { parseDay } from '../../../src/core/day.ts';
import { candidateFeatures, type CandidateFacts } from '../../../src/ingest/judge/features.ts';

/** A candidate of one sentence naming Mosul, rules-accepted and dated on the publication day unless told otherwise. */
function createFacts(sentence: string, overrides: Partial<CandidateFacts> = {}): CandidateFacts {
  const at = sentence.indexOf('Mosul');
  const day = parseDay('2014-06-23')!;
  return { sentence, mention: at < 0 ? null : { start: at, end: at + 5 }, rule: null, locativeRule: 'verb-object', category: 'attack', dateBasis: 'published', dateAt: null, rulesDate: true, start: day, end: day, published: day, placeKind: 'city', curated: true, runnersUp: 0, dateline: false, index: 2, sentences: 5, places: 1, earlierAtPlace: 0, futureDate: false, ...overrides };
}

describe("the judge's features", () => {
  it('mark reported speech, quotation marks, negation and plans, each from its own words', () => {
    expect(candidateFeatures(createFacts('Militants attacked Mosul on Monday.'))).not.toHaveProperty('speech');
    expect(candidateFeatures(createFacts('Militants attacked Mosul, officials said.')).speech).toBe(1);
    expect(candidateFeatures(createFacts('“We will hold Mosul,” he told them.')).quoted).toBe(1);
    expect(candidateFeatures(createFacts('No fighting was reported in Mosul.')).negation).toBe(1);
    expect(candidateFeatures(createFacts('Troops will move on Mosul next week.')).plans).toBe(1);
  });

  it("name the rule that set the place aside, or say the rules took it, and whether it is the rules' own event", () => {
    const taken = candidateFeatures(createFacts('Militants attacked Mosul.'));
    expect([taken['rule=frame'], taken['locative=verb-object'], taken.rulesEvent]).toEqual([1, 1, 1]);
    const setAside = candidateFeatures(createFacts('Officials in Mosul said so.', { rule: 'government', locativeRule: 'officials-in' }));
    expect([setAside['rule=government'], setAside['locative=officials-in']]).toEqual([1, 1]);
    expect(setAside).not.toHaveProperty('rulesEvent');
    expect(candidateFeatures(createFacts('Militants attacked Mosul.', { rulesDate: false }))).not.toHaveProperty('rulesEvent');
  });

  it('say how far the date lies before the story, whether after it, and how wide it is', () => {
    const published = parseDay('2014-06-23')!;
    const history = candidateFeatures(createFacts('Mosul fell in 1918.', { start: parseDay('1918-01-01')!, end: parseDay('1918-12-31')!, published }));
    expect(history.daysBefore).toBe(1);
    expect(history.width).toBeGreaterThan(0.9);
    const today = candidateFeatures(createFacts('Mosul was shelled today.'));
    expect([today.daysBefore, today.width]).toEqual([0, 0]);
    expect(candidateFeatures(createFacts('Talks in Mosul on Friday.', { start: published + 4, end: published + 4 })).afterPublication).toBe(1);
  });

  it('read the word right before the name, and a place from the dateline has none', () => {
    expect(candidateFeatures(createFacts('Militants attacked Mosul.'))['before=attacked']).toBe(1);
    const dateline = candidateFeatures(createFacts('Kerry met Maliki.', { mention: null, locativeRule: null, dateline: true }));
    expect([dateline.fromDateline, dateline.datelinePlace, dateline['locative=dateline']]).toEqual([1, 1, 1]);
    expect(Object.keys(dateline).some((k) => k.startsWith('before='))).toBe(false);
  });
});
