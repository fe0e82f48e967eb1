import { expect } from 'vitest';

/**
 * What every table of named rules must be (locative frames, dates, datelines): ids in kebab case, each once, as
 * `--explain` and the judge's features name them, and at least one example a rule, for its own test to run.
 */
export function expectWellFormedRules(rules: readonly { id: string; examples: readonly unknown[] }[]): void {
  expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  for (const rule of rules) {
    expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expect(rule.examples.length, rule.id).toBeGreaterThan(0);
  }
}
