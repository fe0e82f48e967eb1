/**
 * Binary logistic regression over sparse named features, L2-regularised, trained by full-batch Adam in a fixed
 * order: the same examples give the same weights, bit for bit. The learned parts of the pipeline (the geoparser's
 * recogniser and resolver) are such models; their weights are files in the repository (see model-file.ts).
 *
 * Ours rather than ml-logistic-regression: that package has no intercept and no regularisation, takes dense
 * matrices (a vocabulary of a few thousand features over ten thousand examples is hundreds of MB dense), and trains
 * two one-vs-all classifiers for two classes. wink-perceptron gives scores, not the probabilities a confidence needs.
 */

/** An example: feature name → value (absent = 0), and whether it is positive. */
export interface Example {
  features: Readonly<Record<string, number>>;
  label: boolean;
}

export interface LogisticModel {
  bias: number;
  /** Feature name → weight; names never seen in training weigh nothing. */
  weights: Readonly<Record<string, number>>;
}

export interface TrainOptions {
  epochs: number; // full passes over the examples
  learningRate: number; // Adam's step
  l2: number; // penalty on the squared weights (not the bias), per example
  minCount: number; // examples a feature must appear in to be learned
}

export const TRAIN_DEFAULTS: TrainOptions = {
  epochs: 300,
  learningRate: 0.05,
  l2: 1e-4,
  minCount: 3,
};

const DIGITS = 1e6; // weights are rounded to six decimals, so that the file is small and diffs show what moved

export function trainLogistic(examples: readonly Example[], options: Partial<TrainOptions> = {}): LogisticModel {
  const { epochs, learningRate, l2, minCount } = { ...TRAIN_DEFAULTS, ...options };
  if (examples.length === 0) throw new Error('no examples to learn from');
  const counts = new Map<string, number>();
  for (const e of examples) for (const [name, value] of Object.entries(e.features)) if (value !== 0) counts.set(name, (counts.get(name) ?? 0) + 1);
  const names = [...counts].filter(([, n]) => n >= minCount).map(([name]) => name).sort();
  const index = new Map(names.map((name, i) => [name, i]));
  // Each example as parallel arrays of feature indices and values.
  const rows = examples.map((e) => {
    const entries = Object.entries(e.features).filter(([name, value]) => value !== 0 && index.has(name)).sort(([a], [b]) => (a < b ? -1 : 1));
    return { at: Int32Array.from(entries, ([name]) => index.get(name)!), value: Float64Array.from(entries, ([, v]) => v), y: e.label ? 1 : 0 };
  });
  const d = names.length + 1; // the last is the bias
  const w = new Float64Array(d);
  const m = new Float64Array(d);
  const v = new Float64Array(d);
  const g = new Float64Array(d);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const n = rows.length;
  for (let t = 1; t <= epochs; t++) {
    g.fill(0);
    for (const r of rows) {
      let z = w[d - 1];
      for (let k = 0; k < r.at.length; k++) z += w[r.at[k]] * r.value[k];
      const err = sigmoid(z) - r.y;
      for (let k = 0; k < r.at.length; k++) g[r.at[k]] += err * r.value[k];
      g[d - 1] += err;
    }
    for (let j = 0; j < d; j++) {
      const grad = g[j] / n + (j < d - 1 ? l2 * w[j] : 0);
      m[j] = beta1 * m[j] + (1 - beta1) * grad;
      v[j] = beta2 * v[j] + (1 - beta2) * grad * grad;
      const mHat = m[j] / (1 - beta1 ** t);
      const vHat = v[j] / (1 - beta2 ** t);
      w[j] -= (learningRate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
  const weights: Record<string, number> = {};
  names.forEach((name, j) => (weights[name] = Math.round(w[j] * DIGITS) / DIGITS));
  return { bias: Math.round(w[d - 1] * DIGITS) / DIGITS, weights };
}

/** The model's probability that an example with these features is positive. */
export function probability(model: LogisticModel, features: Readonly<Record<string, number>>): number {
  let z = model.bias;
  for (const name in features) z += (model.weights[name] ?? 0) * features[name];
  return sigmoid(z);
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
