import { describe, expect, it } from 'vitest';
import { expectWellFormedRules } from './rule-table.ts';
import { LOCATIVE_RULES, type LocativeRule, type LocativeRuleId } from '../../src/ingest/rules/locative-rules.ts';
import { locativeRule } from '../../src/ingest/rules/locative.ts';
import type { Mention } from '../../src/ingest/places/mentions.ts';

/** An example's sentence with its marks removed, the judged name (`[[…]]`) and every name marked (`[…]` too), in order. */
function parse(marked: string): { sentence: string; judged: Mention; mentions: Mention[] } {
  let sentence = '';
  let judged: Mention | null = null;
  const mentions: Mention[] = [];
  for (const part of marked.split(/(\[\[[^\]]+\]\]|\[[^\]]+\])/)) {
    const name = /^\[\[(.+)\]\]$/.exec(part)?.[1] ?? /^\[(.+)\]$/.exec(part)?.[1];
    if (name === undefined) {
      sentence += part;
      continue;
    }
    const mention = { place: name.toLowerCase(), start: sentence.length, end: sentence.length + name.length };
    mentions.push(mention);
    if (part.startsWith('[[')) judged = mention;
    sentence += name;
  }
  if (!judged) throw new Error(`no [[name]] in the example ${marked}`);
  return { sentence, judged, mentions };
}

describe('the locative rules, each on its own examples', () => {
  const rules = Object.entries(LOCATIVE_RULES) as [LocativeRuleId, LocativeRule][];

  it('has an example for every rule, and ids in kebab case', () => expectWellFormedRules(rules.map(([id, rule]) => ({ id, examples: rule.examples }))));

  for (const [id, rule] of rules) {
    it(`${id}: ${rule.says}`, () => {
      for (const example of rule.examples) {
        const { text, country, futureDate } = typeof example === 'string' ? { text: example, country: false, futureDate: false } : { text: example.text, country: example.country ?? false, futureDate: example.futureDate ?? false };
        const { sentence, judged, mentions } = parse(text);
        // Names qualify one another only where the example says so ("Mosul, Iraq"); the judged name is a country only when marked.
        const qualifies = () => id === 'qualifies-previous';
        const decided = locativeRule(sentence, judged, mentions, futureDate, qualifies, (m) => country && m === judged);
        expect(decided, sentence).toBe(id);
      }
    });
  }
});
