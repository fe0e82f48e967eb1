import type { CategoryModel } from './category.ts';
import { probability, type LogisticModel } from '../learn/logistic.ts';
import type { Features } from './features.ts';

/**
 * The judge: the probability that a careful reader would put a candidate's dot there with that date, and the
 * reasons that weighed most, in words. A candidate under `floor` is not kept; the map shows those under
 * `threshold` only when the reader lowers it (both chosen by `npm run eval`'s leave-one-story-out figures).
 */
export interface JudgeModel {
  model: LogisticModel;
  /** The default threshold: the lowest confidence shown, chosen for precision ≥ 0.85 held out. */
  threshold: number;
  /** The lowest confidence kept in events.json. */
  floor: number;
  /** Each weighted feature's mean over the training candidates: a reason is what moves a candidate away from the typical one. */
  means: Readonly<Record<string, number>>;
  /** The kind of event, judged over the sentence (category.ts); absent: the rules' kind stands. */
  category?: { features: string; models: CategoryModel };
}

export interface Verdict {
  confidence: number;
  reasons: string[];
}

const MAX_REASONS = 3;

// What a feature says, in a reader's words: [for, against]. Families ("rule=", "near=") first, then bare names.
const RULE_WORDS: Record<string, string> = {
  frame: 'the place is where the sentence says it happened',
  government: 'a capital standing for its government',
  'no-locative-frame': 'no word places anything there',
  'relative-position': 'a distance from the place, not the place',
  qualifier: 'names where another place is',
  prospective: 'something planned, not done',
  'not-happened': 'said not to have happened',
  'not-a-name': 'a common word, not a name',
  direction: 'a direction toward the place',
  description: 'describes someone or something from there',
  compound: 'part of another name',
  comparison: 'a comparison',
  aside: 'in an aside',
  'contains-a-named-place': 'a narrower place in the same sentence',
};
const BASIS_WORDS: Record<string, string> = {
  stated: 'date stated in the sentence',
  context: 'date from the sentences before',
  published: 'date from the publication day',
  reported: 'date of the report, not the event',
};
const NAMED: Record<string, string> = {
  curated: 'a curated place',
  rulesDate: 'the date the rules read',
  rulesEvent: 'the event the rules draw',
  ambiguousPlace: 'other places share the name',
  afterPublication: 'a date after the story was published',
  daysBefore: 'a date long before the story',
  width: 'a vague date',
  datelinePlace: 'the place the story was filed from',
  fromDateline: 'place from the dateline',
  firstSentence: 'the story’s opening sentence',
  speech: 'reported speech',
  quoted: 'quoted speech',
  negation: 'a negation',
  plans: 'words of plans or possibility',
  futureDate: 'a date still to come',
  placeRepeated: 'the place has an earlier event in the story',
  position: 'late in the story',
  places: 'several places in one sentence',
  length: 'a long sentence',
  dateDistance: 'the date stands far from the place',
};

/** The judge's confidence in a candidate, to two decimals (cheap: what is compared among a candidate's readings). */
export function confidenceOf(j: JudgeModel, features: Features): number {
  return Math.round(probability(j.model, features) * 100) / 100;
}

/** The judge's verdict on a candidate's features: its confidence and the reasons that weighed most. */
export function judge(j: JudgeModel, features: Features): Verdict {
  // A feature's pull on this candidate beside the typical one: weight × (value − mean), over the features it has and
  // the common ones it lacks (a sentence with no date of its own is marked by the missing "date stated").
  const names = new Set([...Object.keys(features), ...commonFeatures(j)]);
  const contributions = [...names]
    .map((name) => ({ name, weight: (j.model.weights[name] ?? 0) * ((features[name] ?? 0) - (j.means[name] ?? 0)) }))
    .filter((c) => c.weight !== 0 && describe(c.name) !== null)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.name < b.name ? -1 : 1));
  const reasons = contributions.slice(0, MAX_REASONS).map((c) => `${c.weight > 0 ? '+' : '−'} ${(features[c.name] ?? 0) > 0 ? describe(c.name) : `not ${describe(c.name)}`}`);
  return { confidence: confidenceOf(j, features), reasons };
}

const COMMON = 0.3; // a feature this many candidates have is a reason when it is missing
const common = new WeakMap<JudgeModel, string[]>();

/** The weighted features a typical candidate has (their mean ≥ COMMON), found once per model. */
function commonFeatures(j: JudgeModel): string[] {
  let names = common.get(j);
  if (!names) common.set(j, (names = Object.keys(j.means).filter((n) => j.means[n] >= COMMON && describe(n) !== null)));
  return names;
}

/** A feature in words, or null for one a reader would not follow. */
export function describe(name: string): string | null {
  const [family, value] = name.includes('=') ? [name.slice(0, name.indexOf('=')), name.slice(name.indexOf('=') + 1)] : [name, ''];
  if (family === 'rule') return RULE_WORDS[value] ?? `rule ${value}`;
  if (family === 'basis') return BASIS_WORDS[value] ?? null;
  if (family === 'category') return `reads as ${value}`;
  if (family === 'kind') return `the place is a ${value}`;
  if (family === 'before') return `“${value}” right before the place`;
  if (family === 'near') return `“${value}” near the place`;
  return NAMED[name] ?? null;
}
