import { describe, expect, it } from 'vitest';
import { expectWellFormedRules } from './rule-table.ts';
import { formatDay, parseDay } from '../../src/core/day.ts';
import { DATE_RULES, findDates } from '../../src/ingest/text/dates.ts';

describe('the news date rules, each on its own examples', () => {
  it('has examples for every rule, and ids in kebab case, each once', () => expectWellFormedRules(DATE_RULES));

  for (const rule of DATE_RULES) {
    it(`${rule.id}: reads its examples' words as the days they give`, () => {
      for (const example of rule.examples) {
        const marked = /\[([^\]]+)\]/.exec(example.text)!;
        const sentence = example.text.replace(/[[\]]/g, '');
        const words = marked[1];
        // The words are this rule's (its pattern matches them whole), and the sentence's dates read them as said.
        expect([...words.matchAll(new RegExp(rule.pattern.source, rule.pattern.flags))].some((m) => m[0] === words), `${rule.id}: ${words}`).toBe(true);
        const found = findDates(sentence, parseDay(example.published)!).find((d) => d.text === words);
        expect(found, sentence).toBeDefined();
        expect(`${formatDay(found!.range.start)}..${formatDay(found!.range.end)}`, sentence).toBe(example.range);
      }
    });
  }
});
