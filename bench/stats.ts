// The bench's arithmetic on samples of timings.

/** The sample at the 95th percentile (the largest for fewer than 20 samples). */
export const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))];
/** The middle sample (the upper middle of an even count). */
export const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
export const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;
