import type { Category } from '../../core/model.ts';
import { clauseAround } from '../text/clauses.ts';
import type { Mention } from '../places/mentions.ts';

/** A rule of the category table; its id is its category's name (what each covers: the README's table). */
export interface CategoryRule {
  category: Category;
  pattern: RegExp;
  /** Clauses to which this rule, the first of the table to match, gives its category (a test runs them). */
  examples: readonly string[];
}

/**
 * What kind of event a clause reports, from its verbs and nouns. Earlier rows win: a clause that says
 * insurgents "overran" a town "after days of heavy fighting" reports a capture; one that says officials
 * "said" forces "regained" a crossing reports the recapture, not the statement; an earthquake that "killed"
 * hundreds is a disaster, and police who "clashed" with protesters are a protest, not an attack. Words used as often
 * in a figure of speech ("talks collapsed", "a devastating attack", "reduced to rubble by shelling") are left out.
 */
export const CATEGORY_RULES: readonly CategoryRule[] = [
  { category: 'recapture', pattern: /\b(retook|retake[ns]?|retaking|regain(?:ed|s|ing)?|recaptur(?:e|ed|es|ing)|liberat(?:e|ed|es|ing|ion)|won back|wrested back)\b/i, examples: ['Iraqi forces regained control of the crossing on Monday, officers said', 'Government troops retook the town.'] },
  { category: 'capture', pattern: /\b(overr(?:an|un|uns|unning)|seiz(?:e|ed|es|ing)|captur(?:e|ed|es|ing)|took(?! (?:place|part))|taken(?! (?:place|part))|taking(?! (?:place|part))|swept into|sweep into|stormed|fell|overtook)\b/i, examples: ['insurgents were able to overrun the town after days of heavy fighting', 'Militants seized the airport.'] },
  { category: 'airstrike', pattern: /\b(air ?strikes?|air attacks?|air raids?|bombing runs?|drone strikes?)\b/i, examples: ['the regime launched airstrikes that killed dozens', 'A drone strike hit the convoy.'] },
  { category: 'protest', pattern: /\b(protest(?:s|ers?|ed|ing)?|demonstrat(?:ors?|ions?|ed|ing)|rall(?:y|ies|ied)|marche[drs]|sit-ins?|tear gas|riot police|barricades?|strikers?)\b/i, examples: ['Riot police fired tear gas at the crowd.', 'Thousands of protesters clashed with police.'] },
  { category: 'disaster', pattern: /\b(earthquakes?|quakes?|aftershocks?|tremors?|tsunamis?|hurricanes?|cyclones?|typhoons?|tornado(?:es|s)?|storm surges?|flood(?:s|ed|ing|waters?)?|landslides?|mudslides?|wildfires?|levees?|magnitude|underwater|submerged)\b/i, examples: ['The earthquake killed hundreds.', 'Much of the city was underwater.'] },
  { category: 'attack', pattern: /\b(attack(?:s|ed)?|bomb(?:ing|ings|ed)?|suicide|kill(?:ed|ing|s)?|clash(?:es|ed)?|fighting|shell(?:s|ed|ing)?|ambush(?:ed)?|massacre|died|dead|explosions?|blasts?|hit|struck|rockets?|mortars?|gunfire|gunm[ae]n|shot|shooting|grenades?|hostages?|raid(?:s|ed)?|abduct(?:ed|ion|ions)|kidnapp(?:ed|ing))\b/i, examples: ['a family of six was killed', 'The suicide bombing in the centre'] },
  { category: 'meeting', pattern: /\b(meet|meets|met|meeting|meetings|talks|summit|conference|gathered|gathering|convened|visit(?:ed|s)?)\b/i, examples: ['diplomats gathered at headquarters', 'Kerry met Abadi on Monday.'] },
  { category: 'humanitarian', pattern: /\b(rescu(?:e|ed|es|ing|ers?)|evacuat(?:e|ed|es|ing|ion|ions)|refugees?|displaced|shelters?|humanitarian|survivors?|field hospitals?|aid (?:workers?|agencies|convoys?|flights?|deliveries|shipments?|arrived)|relief (?:workers?|supplies|flights?|teams?)|airlift(?:ed)?)\b/i, examples: ['Rescuers pulled a girl from the rubble.', 'Aid convoys arrived at the camp.'] },
  { category: 'election', pattern: /\b(elections?|electoral|vot(?:e|ed|es|ing|ers?)|ballots?|polling|referendum|sworn in|inaugurat(?:ed|ion)|campaign(?:ed|ing)?)\b/i, examples: ['Voters queued at polling stations.', 'He was sworn in on Tuesday.'] },
  { category: 'statement', pattern: /\b(said|says|say|told|tell|pledged|stated|warned|announced|tweeted|speaking|spoke|assured|declared|urged|remarks)\b/i, examples: ['Kerry told journalists in the capital', 'The minister warned of reprisals.'] },
  { category: 'other', pattern: /\b(coup|withdr(?:ew|awal))\b/i, examples: ['The army withdrew overnight.', 'The coup began at dawn.'] },
];

/** The category of a clause, or null when it reports no event this table knows. */
export function categorize(text: string): Category | null {
  return CATEGORY_RULES.find((rule) => rule.pattern.test(text))?.category ?? null;
}

/**
 * The kind of event at a mention: read from its clause, up to any reported speech ("said in London that
 * airstrikes…" is a statement). A clause with no event word takes the kind of the clause it hangs from: a
 * fronted place and date ("In Baghdad on June 23, militants attacked a checkpoint") that of the clause after it,
 * a continuation ("…launched airstrikes, largely centred on Raqqa") that of the clause before it. A place where
 * something is said to have happened that none of the kinds names is `other`.
 */
export function categoryOf(sentence: string, mention: Mention): Category {
  const clause = clauseAround(sentence, mention.start, mention.end);
  const own = categorize(sentence.slice(clause.start, reportedSpeechStart(sentence, mention.end, clause.end)));
  if (own) return own;
  const following = clause.start === 0 && clause.end < sentence.length ? kindOfClauseAt(sentence, clause.end, 1) : null;
  if (following) return following;
  const previous = clause.start > 0 ? kindOfClauseAt(sentence, clause.start - 1, -1) : null;
  return previous ?? categorize(sentence) ?? 'other';
}

/** The kind of the clause met walking from `p` in `step`'s direction past breaks and spaces. */
function kindOfClauseAt(sentence: string, p: number, step: 1 | -1): Category | null {
  while (p > 0 && p < sentence.length && /[\s,;:()“”"–—-]/.test(sentence[p])) p += step;
  const clause = clauseAround(sentence, p, p + 1);
  return categorize(sentence.slice(clause.start, clause.end));
}

/** Where a "that"-clause of reported speech begins after `from`, or `end` when there is none before it. */
function reportedSpeechStart(sentence: string, from: number, end: number): number {
  const at = sentence.slice(from, end).search(/\sthat\s/);
  return at === -1 ? end : from + at;
}
