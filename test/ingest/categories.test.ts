import { describe, expect, it } from 'vitest';
import { CATEGORY_RULES, categorize } from '../../src/ingest/rules/categories.ts';

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

  it('reads a disaster over the deaths it caused', () => {
    expect(categorize('The magnitude 7.0 earthquake killed thousands')).toBe('disaster');
    expect(categorize('much of the city was underwater after the levees failed')).toBe('disaster');
  });

  it('reads police clashing with protesters as a protest, not an attack', () => {
    expect(categorize('riot police clashed with protesters outside parliament')).toBe('protest');
    expect(categorize('tens of thousands rallied in the square')).toBe('protest');
  });

  it('reads rescues and evacuations as aid and rescue, and a meeting about aid as a meeting', () => {
    expect(categorize('rescuers pulled survivors from the rubble of a school')).toBe('humanitarian');
    expect(categorize('buses evacuated civilians from the besieged district')).toBe('humanitarian');
    expect(categorize('the plan to request aid at a meeting in Brussels')).toBe('meeting');
  });

  it('reads voting and swearing-in as an election', () => {
    expect(categorize('voters queued at polling stations')).toBe('election');
    expect(categorize('he was sworn in as interim president')).toBe('election');
  });

  it('does not read talks that collapsed, or protesters who flooded the streets, as a disaster', () => {
    expect(categorize('The talks in Geneva collapsed on Tuesday')).not.toBe('disaster');
    expect(categorize('protesters flooded the streets of the capital')).toBe('protest');
  });

  it('reads a coup attempt as other, and a sentence with no event as nothing', () => {
    expect(categorize('last weekend’s failed coup attempt')).toBe('other');
    expect(categorize('The town lies along a corridor to the border.')).toBeNull();
  });
});

describe('the category table, each rule on its own examples', () => {
  for (const rule of CATEGORY_RULES) {
    it(`${rule.category}: the first rule to match each of its examples`, () => {
      expect(rule.examples.length).toBeGreaterThan(0);
      for (const example of rule.examples) expect(categorize(example), example).toBe(rule.category);
    });
  }

  it('has one rule per category', () => {
    expect(new Set(CATEGORY_RULES.map((r) => r.category)).size).toBe(CATEGORY_RULES.length);
  });
});
