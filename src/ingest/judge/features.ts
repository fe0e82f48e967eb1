import type { Category, DateBasis, PlaceKind } from '../../core/model.ts';
import { MODAL_FUTURE, alternation } from '../text/lexicon.ts';

/**
 * What the judge sees of a candidate event (one sentence × one place × one date reading): the rules' verdict on
 * the place's frame, the category and the date's source, where the sentence stands in the article, speech,
 * quotation, negation and plans, the words around the name. Feature names are `family=value` for a word or a
 * class, a bare name for a number in [0, 1]. Change FEATURES with any change to what a feature means: a weights
 * file records it and is refused when it differs.
 */
export const FEATURES = 'judge-features 5';

export type Features = Record<string, number>;

export interface CandidateFacts {
  sentence: string;
  /** The name's offsets in the sentence; null for a place taken from the dateline. */
  mention: { start: number; end: number } | null;
  /** The locative rules' verdict: null when they take the place as where something happened, else their rule id. */
  rule: string | null;
  /** The id of the locative rule that decided the place's frame (locative-rules.ts); null for a place from the dateline. */
  locativeRule: string | null;
  category: Category;
  dateBasis: DateBasis;
  /** The date phrase's offset in the sentence, when the date is the sentence's own. */
  dateAt: number | null;
  /** This date reading is the rules' own (not one of the alternatives the judge also weighs). */
  rulesDate: boolean;
  /** The reading's first and last day, and the article's publication day (day numbers). */
  start: number;
  end: number;
  published: number;
  placeKind: PlaceKind;
  /** The place comes from the curated file (not the gazetteer). */
  curated: boolean;
  /** Other places the gazetteer held close runners-up for the name. */
  runnersUp: number;
  /** The place is the one the story was filed from. */
  dateline: boolean;
  /** Sentence index and count in the article. */
  index: number;
  sentences: number;
  /** Places named in the sentence. */
  places: number;
  /** Earlier candidates of the article at the same place. */
  earlierAtPlace: number;
  /** The sentence's dates include one still to come. */
  futureDate: boolean;
}

const SPEECH = /\b(?:said|says|say|told|tells|according to|announced|statement|spokes(?:man|woman|person)|reported|claimed|added|stated|tweeted|wrote|quoted)\b/i;
const QUOTE_MARKS = /["“”]/;
const NEGATION = /\b(?:not|no|never|denied|denies|deny|without|neither|nor|none|nobody)\b|n[’']t\b/i;
const PLANS = new RegExp(String.raw`\b(?:${alternation(MODAL_FUTURE)}|shall|plans?|planned|planning|expected to|to be held|intends?|scheduled|may)\b`, 'i');
const WINDOW = 4; // words each side of the name
const WORD = /[\p{L}’'-]+/gu;

/** What the features read of a candidate's sentence and of the words around its name: the same for each of its date readings. */
export interface SentenceFacts {
  speech: boolean;
  quoted: boolean;
  negation: boolean;
  plans: boolean;
  /** Up to WINDOW words before and after the name, lowercased. */
  before: string[];
  after: string[];
}

export function sentenceFacts(c: Pick<CandidateFacts, 'sentence' | 'mention'>): SentenceFacts {
  const words = (text: string) => [...text.matchAll(WORD)].map((m) => m[0]);
  const lower = (list: string[]) => list.map((w) => w.toLowerCase());
  return {
    speech: SPEECH.test(c.sentence),
    quoted: QUOTE_MARKS.test(c.sentence),
    negation: NEGATION.test(c.sentence),
    plans: PLANS.test(c.sentence),
    before: c.mention ? lower(words(c.sentence.slice(0, c.mention.start)).slice(-WINDOW)) : [],
    after: c.mention ? lower(words(c.sentence.slice(c.mention.end)).slice(0, WINDOW)) : [],
  };
}

/** `facts`: sentenceFacts(c), worked out once for all of a candidate's date readings. */
export function candidateFeatures(c: CandidateFacts, facts: SentenceFacts = sentenceFacts(c)): Features {
  const f: Features = {
    [`rule=${c.rule ?? 'frame'}`]: 1,
    [`locative=${c.locativeRule ?? 'dateline'}`]: 1,
    [`category=${c.category}`]: 1,
    [`basis=${c.dateBasis}`]: 1,
    [`kind=${c.placeKind}`]: 1,
  };
  if (c.curated) f.curated = 1;
  if (c.rulesDate) f.rulesDate = 1;
  if (c.rulesDate && c.rule === null) f.rulesEvent = 1; // exactly the event the rules alone would draw
  if (c.runnersUp > 0) f.ambiguousPlace = 1;
  // How far the reading lies from the publication day, and how wide it is: history, plans and vague stretches.
  if (c.start > c.published) f.afterPublication = 1;
  f.daysBefore = Math.min(1, Math.log10(1 + Math.max(0, c.published - c.end)) / 3);
  f.width = Math.min(1, Math.log10(1 + c.end - c.start) / 2);
  if (c.dateline) f.datelinePlace = 1;
  if (c.mention === null) f.fromDateline = 1;
  f.position = c.sentences > 1 ? c.index / (c.sentences - 1) : 0;
  if (c.index === 0) f.firstSentence = 1;
  if (facts.speech) f.speech = 1;
  if (facts.quoted) f.quoted = 1;
  if (facts.negation) f.negation = 1;
  if (facts.plans) f.plans = 1;
  if (c.futureDate) f.futureDate = 1;
  f.places = Math.min(1, (c.places - 1) / 4);
  if (c.earlierAtPlace > 0) f.placeRepeated = 1;
  f.length = Math.min(1, c.sentence.length / 400);
  if (c.mention) {
    const { before, after } = facts;
    if (before.length) f[`before=${before[before.length - 1]}`] = 1;
    for (const w of before) f[`near=${w}`] = 1;
    for (const w of after) f[`near=${w}`] = 1;
    if (c.dateAt !== null) f.dateDistance = Math.min(1, Math.abs(c.dateAt - c.mention.start) / 200);
  }
  return f;
}
