import { describe, expect, it } from 'vitest';
import { categorize } from '../../src/ingest/categories.ts';

describe('event categories', () => {
  it('reads a recapture even when an official is quoted saying it', () => {
    expect(categorize('Iraqi forces regained control of the crossing on Monday, officers said')).toBe('recapture');
  });

  it('reads a capture over the fighting that preceded it', () => {
    expect(categorize('insurgents were able to overrun the town after days of heavy fighting')).toBe('capture');
  });

  it('reads airstrikes before attacks', () => {
    expect(categorize('the regime launched airstrikes that killed dozens')).toBe('airstrike');
  });

  it('reads killings, bombings and clashes as attacks', () => {
    expect(categorize('a family of six was killed')).toBe('attack');
    expect(categorize('The suicide bombing in the centre')).toBe('attack');
  });

  it('reads meetings and statements', () => {
    expect(categorize('diplomats gathered at headquarters')).toBe('meeting');
    expect(categorize('Kerry told journalists in the capital')).toBe('statement');
  });

  it('reads a coup attempt as other, and a sentence with no event as nothing', () => {
    expect(categorize('last weekend’s failed coup attempt')).toBe('other');
    expect(categorize('The town lies along a corridor to the border.')).toBeNull();
  });
});
