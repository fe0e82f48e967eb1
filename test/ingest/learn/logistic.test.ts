import { describe, expect, it } from 'vitest';
import { probability, trainLogistic, type Example } from '../../../src/ingest/learn/logistic.ts';

/** Examples whose positive rate is known for each value of one feature: `rate[k]` of those with `kind=k` are positive. */
function createExamples(rates: Record<string, number>, perKind = 200): Example[] {
  const examples: Example[] = [];
  for (const [kind, rate] of Object.entries(rates)) {
    for (let i = 0; i < perKind; i++) examples.push({ features: { [`kind=${kind}`]: 1 }, label: i < rate * perKind });
  }
  return examples;
}

describe('logistic regression over named features', () => {
  it('learns the positive rate of each value of a feature, as a probability', () => {
    const model = trainLogistic(createExamples({ a: 0.9, b: 0.5, c: 0.1 }), { l2: 0 });
    expect(probability(model, { 'kind=a': 1 })).toBeCloseTo(0.9, 1);
    expect(probability(model, { 'kind=b': 1 })).toBeCloseTo(0.5, 1);
    expect(probability(model, { 'kind=c': 1 })).toBeCloseTo(0.1, 1);
  });

  it('separates examples a threshold on a number tells apart', () => {
    const examples: Example[] = Array.from({ length: 100 }, (_, i) => ({ features: { x: i / 100 }, label: i >= 50 }));
    const model = trainLogistic(examples, { epochs: 1000, learningRate: 0.1 });
    expect(examples.every((e) => probability(model, e.features) >= 0.5 === e.label || Math.abs(e.features.x - 0.5) < 0.05)).toBe(true);
  });

  it('gives the same weights for the same examples, run after run', () => {
    const examples = createExamples({ a: 0.7, b: 0.2 });
    expect(JSON.stringify(trainLogistic(examples))).toBe(JSON.stringify(trainLogistic(examples)));
  });

  it('learns no weight for a feature seen in fewer examples than minCount, and a name never seen weighs nothing', () => {
    const examples = [...createExamples({ a: 0.5 }), { features: { rare: 1 }, label: true }];
    const model = trainLogistic(examples, { minCount: 3 });
    expect(model.weights.rare).toBeUndefined();
    expect(probability(model, { unseen: 1 })).toBe(probability(model, {}));
  });

  it('refuses to learn from nothing', () => {
    expect(() => trainLogistic([])).toThrow('no examples');
  });
});
