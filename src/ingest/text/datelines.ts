import { MONTH_WORD_SOURCE } from '../../core/months.ts';
import { LINE_END } from './sentences.ts';

/**
 * The dateline stage: the line a story opens with to say where it was filed from ("BAGHDAD, June 23 (Reuters) –"),
 * as a table of named rules, each with the lines it reads. One home for the forms: `npm run add` reads a wire
 * story's agency and day from them, the ingest its place (a meeting reported without a place happened there; the
 * judge weighs a place that is the dateline's), and the site finder the city a bare "the Westgate Mall" is in.
 */
export type DatelineRuleId = 'wire-agency' | 'date-first' | 'capitals-dash';

export interface DatelineExample {
  line: string;
  city: string;
  day?: string;
  agency?: string;
}

export interface DatelineRule {
  id: DatelineRuleId;
  says: string;
  /** Anchored at the line's start; with the `d` flag, so that the city's offset is known. */
  pattern: RegExp;
  /** The groups of a match: the city's group, and the day's and the agency's when the form has them. */
  groups: { city: number; day: readonly number[]; agency: number | null };
  examples: readonly DatelineExample[];
}

export const DATELINE_RULES: readonly DatelineRule[] = [
  {
    id: 'wire-agency',
    says: 'a city (a region, a day), the agency in brackets, a dash (a day with its year, a dash)',
    pattern: new RegExp(
      String.raw`^[ \t]*(\p{Lu}[\p{L} .'’-]*?\p{L}\.?)(?:,[ \t]*\p{Lu}[\p{L} .]*?)??(?:,?[ \t]+(${MONTH_WORD_SOURCE}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?))?[ \t]*\(([^()\n]{2,40})\)[ \t]*[-–—](?:[ \t]*(${MONTH_WORD_SOURCE}\.?[ \t]+\d{1,2},[ \t]*\d{4})[ \t]*[-–—])?`,
      'du',
    ),
    groups: { city: 1, day: [2, 4], agency: 3 },
    examples: [
      { line: 'BAGHDAD, June 23 (Reuters) – Militants seized the border crossing.', city: 'BAGHDAD', day: 'June 23', agency: 'Reuters' },
      { line: 'KATMANDU, Nepal (AP) — The death toll rose.', city: 'KATMANDU', agency: 'AP' },
      { line: 'WASHINGTON, Jan. 22, 2015 (AP) - The president said…', city: 'WASHINGTON', day: 'Jan. 22, 2015', agency: 'AP' },
      { line: 'Baghdad (AFP) - June 23, 2014 - Iraqi forces retook the town.', city: 'Baghdad', day: 'June 23, 2014', agency: 'AFP' },
    ],
  },
  {
    id: 'date-first',
    says: 'the day with its year, the city in capitals in brackets, a dash',
    pattern: new RegExp(String.raw`^[ \t]*(${MONTH_WORD_SOURCE}\.?[ \t]+\d{1,2},[ \t]*\d{4})[ \t]*\((\p{Lu}[\p{Lu} .'’-]+)\)[ \t]*[-–—]`, 'du'),
    groups: { city: 2, day: [1], agency: null },
    examples: [{ line: 'Feb 13, 2007 (KHARTOUM) — Rebels attacked the town.', city: 'KHARTOUM', day: 'Feb 13, 2007' }],
  },
  {
    id: 'capitals-dash',
    says: 'a city in capitals (a comma and more), then a dash (a hyphen or a bracket after a space: not "U.S.-led")',
    pattern: /^[ \t]*(\p{Lu}[\p{Lu} .’'-]+?)\s*(?:,[^\n]*?)?(?:\s*[–—]|\s*--|\s+[-(])/du,
    groups: { city: 1, day: [], agency: null },
    examples: [
      { line: 'BAGHDAD - Agence France-Presse', city: 'BAGHDAD' },
      { line: 'NAIROBI, Sep 25 — Soldiers searched the mall.', city: 'NAIROBI' },
      { line: 'GENEVA — Talks resumed.', city: 'GENEVA' },
      { line: 'NEW ORLEANS—Convoys of buses ferried refugees.', city: 'NEW ORLEANS' },
      { line: 'SENDAI (Kyodo) The death toll rose.', city: 'SENDAI' },
    ],
  },
];

/** A dateline read from one line: the rule, the city as written and where it starts in the line, the day and agency if given. */
export interface LineDateline {
  rule: DatelineRuleId;
  city: string;
  cityStart: number;
  day: string | null;
  agency: string | null;
  /** How much of the line the dateline takes. */
  length: number;
}

/** The dateline a line opens with, by the first rule of `rules` that reads one; null when none does. */
export function readDatelineLine(line: string, rules: readonly DatelineRule[] = DATELINE_RULES): LineDateline | null {
  for (const rule of rules) {
    const m = rule.pattern.exec(line);
    if (!m) continue;
    const day = rule.groups.day.map((g) => m[g]).find((d) => d !== undefined) ?? null;
    const agency = rule.groups.agency === null ? null : m[rule.groups.agency].trim();
    return { rule: rule.id, city: m[rule.groups.city], cityStart: m.indices![rule.groups.city][0], day, agency, length: m[0].length };
  }
  return null;
}

/** The rules whose form carries what a wire story's record needs (its agency or its day): the ones `npm run add` reads. */
export const WIRE_DATELINE_RULES = DATELINE_RULES.filter((r) => r.groups.agency !== null || r.groups.day.length > 0);

const HEAD_LINES = 12; // a dateline is among a story's first lines

/** A story's dateline: the first of its first lines to open with one, with the city's offsets in the text. */
export function findDateline(text: string): (LineDateline & { start: number; end: number }) | null {
  const ends = new RegExp(`${LINE_END.source}|$`, 'g');
  for (let start = 0, lines = 0; start <= text.length && lines < HEAD_LINES; lines++) {
    const end = ends.exec(text)!;
    const d = readDatelineLine(text.slice(start, end.index));
    if (d) return { ...d, start: start + d.cityStart, end: start + d.cityStart + d.city.length };
    if (end[0] === '') break;
    start = ends.lastIndex;
  }
  return null;
}
