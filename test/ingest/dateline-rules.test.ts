import { describe, expect, it } from 'vitest';
import { expectWellFormedRules } from './rule-table.ts';
import { DATELINE_RULES, findDateline, readDatelineLine, WIRE_DATELINE_RULES } from '../../src/ingest/text/datelines.ts';
import { readPlainText, withoutDateline } from '../../src/ingest/add/plain-text.ts';

describe('the dateline rules, each on its own examples', () => {
  it('has examples for every rule, and ids in kebab case, each once', () => expectWellFormedRules(DATELINE_RULES));

  for (const rule of DATELINE_RULES) {
    it(`${rule.id}: is the rule that reads its examples, with their city, day and agency`, () => {
      for (const example of rule.examples) {
        const d = readDatelineLine(example.line);
        expect(d?.rule, example.line).toBe(rule.id);
        expect(d!.city).toBe(example.city);
        expect(example.line.slice(d!.cityStart, d!.cityStart + d!.city.length)).toBe(example.city);
        expect(d!.day).toBe(example.day ?? null);
        expect(d!.agency).toBe(example.agency ?? null);
      }
    });
  }

  it('reads no dateline in a story that opens with a sentence, a hyphenated capital or a lower-case word', () => {
    for (const line of ['U.S.-led airstrikes hit the town on Monday.', 'Militants seized the crossing - officials said.', 'The mayor of PARIS - not the city - spoke.', 'NATO said on Monday it would send troops.']) {
      expect(readDatelineLine(line), line).toBeNull();
    }
  });
});

describe('a story\'s dateline', () => {
  it('is found among its first lines, with the city\'s offsets in the text, across CRLF and Unicode line ends', () => {
    const text = 'Rescue under way\r\n\r\nBy a staff reporter\u2028MAE SAI, Thailand (AP) — The boys were found.';
    const d = findDateline(text)!;
    expect(d.rule).toBe('wire-agency');
    expect(text.slice(d.start, d.end)).toBe('MAE SAI');
  });

  it('is not looked for past the story\'s head', () => {
    const text = `${'A line of the story.\n'.repeat(12)}BAGHDAD - Agence France-Presse`;
    expect(findDateline(text)).toBeNull();
    expect(findDateline(text.replace('A line of the story.\n', ''))?.city).toBe('BAGHDAD');
  });

  it('gives add a wire story\'s agency and day, and only from the forms that carry them', () => {
    const read = readPlainText('Militants take the crossing\nBAGHDAD, June 23, 2014 (Reuters) – Militants seized the border crossing.');
    expect(read.meta.outlet?.value).toBe('Reuters');
    expect(read.meta.published?.value).toBe('2014-06-23');
    expect(read.meta.headline?.value).toBe('Militants take the crossing');
    expect(readPlainText('Feb 13, 2007 (KHARTOUM) — Rebels attacked the town.\nMore text.').meta.published?.value).toBe('2007-02-13');
    // A dateline in capitals with neither is the ingest's, not a record's: the first line stays a headline.
    expect(WIRE_DATELINE_RULES.map((r) => r.id)).not.toContain('capitals-dash');
    expect(withoutDateline('BAGHDAD - Agence France-Presse')).toBe('BAGHDAD - Agence France-Presse');
    expect(withoutDateline('KATMANDU, Nepal (AP) — The death toll rose.')).toBe('The death toll rose.');
  });
});
