import { CATEGORIES, type Category } from '../../core/model.ts';
import { clauseAround } from '../text/clauses.ts';
import type { DevCorpus } from '../eval/evaluate.ts';
import { categorize, categoryOf } from '../rules/categories.ts';
import { probability, trainLogistic, type LogisticModel } from '../learn/logistic.ts';
import { splitSentences } from '../text/sentences.ts';
import type { Features } from './features.ts';

/**
 * The kind of event, judged by a model over the sentence rather than by the first verb list that matches
 * (categories.ts): one logistic regression per category (one against the rest) over the rules' category, the
 * article's commonest kind, and the words of the sentence and of the clause that names the place; the likeliest
 * category wins. Learned from the development corpus's gold events (`npm run train`), measured leave one story out
 * (`npm run eval`). Change CATEGORY_FEATURES with any change to what a feature means.
 *
 * The model decides only where the rules fall back (`other`: no verb list matched) or hear speech (`statement`):
 * held out, the model alone is right more often than the rules overall but far less on a kind its training stories
 * rarely hold (captures: a story of them left out, the rest have few), where a verb list ("overran", "seized")
 * still knows it. Measured both ways in `npm run eval`.
 */
export const CATEGORY_FEATURES = 'category-features 1';

export type CategoryModel = Readonly<Record<Category, LogisticModel>>;

/** Words too common to say anything of a kind of event. */
const STOP_WORDS = new Set(
  'the and for that with from was were are has have had its his her their this which who into after before over said about than been they them also more some when where while there out not but can will would could one two three four five six seven eight nine ten'.split(' '),
);
const WORD = /\p{L}+/gu;

export interface CategoryFacts {
  sentence: string;
  /** The place's name in the sentence (offsets in it); null for a place from the dateline. */
  mention: { start: number; end: number } | null;
  /** The rules' category of the mention's clause. */
  rule: Category;
  /** The commonest kind the rules find among the article's sentences (see articleCategory). */
  article: Category | null;
}

export function categoryFeatures(c: CategoryFacts): Features {
  const f: Features = { [`rule=${c.rule}`]: 1, [`article=${c.article ?? 'none'}`]: 1 };
  for (const w of wordsOf(c.sentence)) f[`w=${w}`] = 1;
  if (c.mention) {
    const clause = clauseAround(c.sentence, c.mention.start, c.mention.end);
    for (const w of wordsOf(c.sentence.slice(clause.start, clause.end))) f[`clause=${w}`] = 1;
  }
  return f;
}

/** A text's words for the model: lower case, three letters or more, not a stop word, a plural or tense ending cut. */
function wordsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const [w] of text.toLowerCase().matchAll(WORD)) if (w.length >= 3 && !STOP_WORDS.has(w)) out.add(w.replace(/(?:ing|ed|es|s)$/, ''));
  return out;
}

/** The commonest category the rules give an article's sentences (ties: the table's order), null when none has one. */
export function articleCategory(sentences: readonly { text: string }[]): Category | null {
  const counts = new Map<Category, number>();
  for (const s of sentences) {
    const c = categorize(s.text);
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: Category | null = null;
  for (const c of CATEGORIES) if ((counts.get(c) ?? 0) > (best ? counts.get(best)! : 0)) best = c;
  return best;
}

/** The kinds of the rules that the model may overrule: the fallback and reported speech (see above). */
export const MODEL_DECIDES: ReadonlySet<Category> = new Set<Category>(['other', 'statement']);

/**
 * The category the model gives an event whose rules' kind is one it decides, or null where the rules' kind stands.
 * The features are asked for only when the model decides.
 */
export function judgedCategory(model: CategoryModel, rule: Category, features: () => Features): Category | null {
  return MODEL_DECIDES.has(rule) ? predictCategory(model, features()).category : null;
}

/** The likeliest category, and its probability. */
export function predictCategory(model: CategoryModel, features: Features): { category: Category; p: number } {
  let best = { category: CATEGORIES[0] as Category, p: -1 };
  for (const category of CATEGORIES) {
    const p = probability(model[category], features);
    if (p > best.p) best = { category, p };
  }
  return best;
}

export interface CategoryExample {
  story: string;
  article: string;
  gold: Category;
  rule: Category;
  features: Features;
}

/** The development corpus's gold events as examples: the sentence, the place's name in it, the gold category. */
export function categoryExamples(dev: DevCorpus): CategoryExample[] {
  const { corpus, places } = dev.settings['curated places'];
  const names = new Map(places.map((p) => [p.id, [p.name, ...p.aliases]]));
  const kinds = new Map(corpus.map(({ article, text }) => [article.id, articleCategory(splitSentences(text))]));
  const examples: CategoryExample[] = [];
  for (const g of dev.gold.events) {
    const story = dev.storyOf.get(g.article);
    if (!story || !kinds.has(g.article)) continue;
    let mention: { start: number; end: number } | null = null;
    for (const name of names.get(g.place) ?? []) {
      const at = g.quote.indexOf(name);
      if (at >= 0) {
        mention = { start: at, end: at + name.length };
        break;
      }
    }
    const rule = mention ? categoryOf(g.quote, { place: g.place, ...mention }) : (categorize(g.quote) ?? 'other');
    examples.push({ story, article: g.article, gold: g.category as Category, rule, features: categoryFeatures({ sentence: g.quote, mention, rule, article: kinds.get(g.article)! }) });
  }
  return examples;
}

export const CATEGORY_TRAINING = { l2: 0.001, minCount: 3, epochs: 200 };
/** Weights smaller than this are left out of the file: they move no decision (measured: the same accuracy held out). */
const PRUNE = 0.1;

export function trainCategory(examples: readonly CategoryExample[]): CategoryModel {
  const model = {} as Record<Category, LogisticModel>;
  for (const category of CATEGORIES) {
    const m = trainLogistic(examples.map((e) => ({ features: e.features, label: e.gold === category })), CATEGORY_TRAINING);
    model[category] = { bias: m.bias, weights: Object.fromEntries(Object.entries(m.weights).filter(([, w]) => Math.abs(w) >= PRUNE)) };
  }
  return model;
}

export interface CategoryEvaluation {
  examples: number;
  /**
   * Share of gold events given their gold category: by the rules, by the model alone that did not learn from their
   * story, and as the ingest gives it (judgedCategory: the model where the rules fall back or hear speech).
   */
  rules: number;
  model: number;
  used: number;
  /** Story → [rules, model alone, as used] accuracy. */
  byStory: Map<string, [number, number, number]>;
}

/** The category model measured leave one story out on the gold events (what `npm run eval` reports). */
export function evaluateCategory(dev: DevCorpus): CategoryEvaluation {
  const examples = categoryExamples(dev);
  const stories = [...new Set(examples.map((e) => e.story))].sort();
  const byStory = new Map<string, [number, number, number]>();
  const right = [0, 0, 0];
  for (const story of stories) {
    const held = examples.filter((e) => e.story === story);
    const m = trainCategory(examples.filter((e) => e.story !== story));
    const counts = [
      held.filter((e) => e.rule === e.gold).length,
      held.filter((e) => predictCategory(m, e.features).category === e.gold).length,
      held.filter((e) => (judgedCategory(m, e.rule, () => e.features) ?? e.rule) === e.gold).length,
    ];
    counts.forEach((n, i) => (right[i] += n));
    byStory.set(story, counts.map((n) => n / held.length) as [number, number, number]);
  }
  const [rules, model, used] = right.map((n) => n / examples.length);
  return { examples: examples.length, rules, model, used, byStory };
}
