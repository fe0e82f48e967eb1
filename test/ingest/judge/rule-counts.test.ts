import { describe, expect, it } from 'vitest';
import { ruleCounts, type JudgeExample } from '../../../src/ingest/judge/train.ts';

// The eval's table of the locative rules: each candidate sentence × place counted once, by the rule that decided it.

function example(rule: string, label: boolean, options: { rulesDate?: boolean; setting?: string; locative?: string } = {}): JudgeExample {
  const features: Record<string, number> = { [`rule=${rule}`]: 1, [`near=${rule}`]: 1 };
  if (options.locative) features[`locative=${options.locative}`] = 1;
  if (options.rulesDate !== false) features.rulesDate = 1;
  return { story: 's', setting: options.setting ?? 'out of the box', label, candidate: { features } as unknown as JudgeExample['candidate'] };
}

describe('ruleCounts', () => {
  it('counts each candidate once, at the rules’ own date, by its rule, out of the box only, busiest first', () => {
    const counts = ruleCounts([
      example('frame', true),
      example('frame', false, { rulesDate: false }), // another date reading of a candidate: not counted again
      example('frame', false),
      example('government', true),
      example('frame', true, { setting: 'curated places' }),
      example('frame', true),
    ]);
    expect(counts).toEqual([
      { rule: 'frame', verdict: 'frame', candidates: 3, marked: 2 },
      { rule: 'government', verdict: 'government', candidates: 1, marked: 1 },
    ]);
  });

  it('counts by the locative rule’s id, and a place set aside for a more specific one by that reason', () => {
    const counts = ruleCounts([
      example('frame', true, { locative: 'verb-object' }),
      example('frame', false, { locative: 'locative-preposition' }),
      example('frame', true, { locative: 'verb-object' }),
      example('government', false, { locative: 'officials-in' }),
      example('contains-a-named-place', true, { locative: 'locative-preposition' }),
    ]);
    expect(counts).toEqual([
      { rule: 'verb-object', verdict: 'frame', candidates: 2, marked: 2 },
      { rule: 'contains-a-named-place', verdict: 'contains-a-named-place', candidates: 1, marked: 1 },
      { rule: 'locative-preposition', verdict: 'frame', candidates: 1, marked: 0 },
      { rule: 'officials-in', verdict: 'government', candidates: 1, marked: 0 },
    ]);
  });
});
