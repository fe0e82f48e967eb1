import type { Gazetteer } from '../gazetteer/gazetteer.ts';
import { placesOf, type DevCorpus } from '../eval/evaluate.ts';
import type { Candidate } from '../rules/extract.ts';
import { probability, trainLogistic, type LogisticModel, type TrainOptions } from '../learn/logistic.ts';
import { runIngest } from '../run/pipeline.ts';
import { CATEGORY_FEATURES, categoryExamples, trainCategory } from './category.ts';
import { FEATURES } from './features.ts';
import { JUDGE_FORMAT, type JudgeFile } from './model-file.ts';
import { matchesGold, precision, recall, scoreEvents, sumScores, type GoldPlace, type Scored } from '../eval/score.ts';

/**
 * Learning the judge from the development corpus. Every candidate the rules and the gazetteer propose (both
 * settings: out of the box and with the curated places) is an example, positive when a gold event written by
 * reading accepts it (same sentence, place and an acceptable date). Figures are leave-one-story-out: each story
 * is scored by a model trained on every other story.
 */
export interface JudgeExample {
  story: string;
  setting: string;
  candidate: Candidate;
  label: boolean;
}

export interface HeldOut extends JudgeExample {
  /** The probability given by the model that did not learn from this story. */
  p: number;
}

export const TARGET_PRECISION = 0.85;
export const FLOOR = 0.1; // candidates below this confidence are not kept in events.json

export interface JudgeSet {
  examples: JudgeExample[];
  /** Each setting's places, for scoring its events. */
  places: Map<string, Map<string, GoldPlace>>;
}

export function judgeExamples(dev: DevCorpus, gazetteer: Gazetteer | null): JudgeSet {
  const examples: JudgeExample[] = [];
  const places = new Map<string, Map<string, GoldPlace>>();
  const goldOf = new Map<string, DevCorpus['gold']['events']>();
  for (const g of dev.gold.events) {
    const list = goldOf.get(g.article);
    if (list) list.push(g);
    else goldOf.set(g.article, [g]);
  }
  for (const [setting, { corpus, places: known }] of Object.entries(dev.settings)) {
    const result = runIngest(corpus, known, { gazetteer, explain: false, judging: { candidates: true } });
    const found = placesOf(result, dev.goldPlaces);
    places.set(setting, found);
    for (const candidate of result.events as Candidate[]) {
      const story = dev.storyOf.get(candidate.article);
      if (!story) continue;
      examples.push({ story, setting, candidate, label: matchesGold(candidate, goldOf.get(candidate.article) ?? [], dev.goldPlaces, found) });
    }
  }
  return { examples, places };
}

export const JUDGE_TRAINING = { l2: 0.01, minCount: 5 };

export function trainJudge(examples: readonly JudgeExample[], options: Partial<TrainOptions> = JUDGE_TRAINING): LogisticModel {
  return trainLogistic(examples.map((e) => ({ features: e.candidate.features, label: e.label })), options);
}

/** Each story's candidates scored by a model trained on the other stories (and on `alwaysLearned`, never held out: a corpus's corrections). */
export function leaveOneStoryOut(examples: readonly JudgeExample[], options: Partial<TrainOptions> = JUDGE_TRAINING, alwaysLearned: readonly JudgeExample[] = []): HeldOut[] {
  const stories = [...new Set(examples.map((e) => e.story))].sort();
  return stories.flatMap((story) => {
    const model = trainJudge([...examples.filter((e) => e.story !== story), ...alwaysLearned], options);
    return examples.filter((e) => e.story === story).map((e) => ({ ...e, p: probability(model, e.candidate.features) }));
  });
}

/**
 * The reading the judge keeps of each candidate: of a sentence × place's date readings, the likeliest (what the
 * ingest writes), for one setting's or every setting's examples.
 */
export function kept(heldOut: readonly HeldOut[]): HeldOut[] {
  const best = new Map<string, HeldOut>();
  for (const h of heldOut) {
    const key = `${h.setting}|${h.candidate.article}|${h.candidate.quoteStart}|${h.candidate.place}`;
    const b = best.get(key);
    if (!b || h.p > b.p) best.set(key, h);
  }
  return [...best.values()];
}

export interface ThresholdChoice {
  threshold: number;
  /** How it was chosen, in words, for the eval's report. */
  rule: string;
}

/**
 * The default threshold, from the held-out events out of the box, scored as the eval scores them (one event to one
 * gold event), over thresholds 0.05…0.95: the lowest whose precision reaches `target`, unless that keeps less than
 * half the recall of the best-F1 threshold (a map emptied for precision); then the one of best F0.5 (precision
 * weighed twice recall: precision first, then recall).
 */
export function chooseThreshold(heldOut: readonly HeldOut[], set: JudgeSet, dev: DevCorpus, target = TARGET_PRECISION): ThresholdChoice {
  const rows = Array.from({ length: 91 }, (_, i) => {
    const t = (i + 5) / 100;
    const all = scoreHeldOut(heldOut, set, dev, 'out of the box', t).get('(all)')!;
    const p = precision(all);
    const r = recall(all);
    return { t, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, f05: p + r ? (1.25 * p * r) / (0.25 * p + r) : 0, shown: all.truePositives + all.falsePositives };
  });
  const bestF1 = rows.reduce((b, x) => (x.f1 > b.f1 ? x : b));
  const precise = rows.find((x) => x.shown > 0 && x.p >= target);
  if (precise && precise.r >= bestF1.r / 2) return { threshold: precise.t, rule: `the lowest with precision ≥ ${target} held out` };
  const bestF05 = rows.reduce((b, x) => (x.f05 > b.f05 ? x : b));
  const why = precise ? `precision ${target} is reached only at ${precise.t}, recall ${precise.r.toFixed(2)}` : `precision ${target} is never reached`;
  return { threshold: bestF05.t, rule: `the best F0.5 held out (${why})` };
}

/** The held-out events at a threshold, scored against the gold story by story (and "(all)"), for one setting. */
export function scoreHeldOut(heldOut: readonly HeldOut[], set: JudgeSet, dev: DevCorpus, setting: string, threshold: number): Map<string, Scored> {
  const perStory = new Map<string, Scored>();
  const places = set.places.get(setting)!;
  const events = kept(heldOut.filter((h) => h.setting === setting));
  for (const story of Object.keys(dev.split.stories)) {
    const inStory = (article: string) => dev.storyOf.get(article) === story;
    const shown = events.filter((h) => h.story === story && h.p >= threshold).map((h) => h.candidate);
    perStory.set(story, scoreEvents(shown, dev.gold.events.filter((g) => inStory(g.article)), dev.gold.traps.filter((t) => inStory(t.article)), dev.goldPlaces, places));
  }
  perStory.set('(all)', sumScores([...perStory.values()]));
  return perStory;
}

export interface CalibrationBand {
  from: number;
  to: number;
  count: number;
  /** Mean predicted probability. */
  predicted: number;
  /** Share that a gold event accepts. */
  observed: number;
}

/** Predicted against observed precision in bands of a tenth, over the events the judge keeps. */
export function calibration(heldOut: readonly HeldOut[]): CalibrationBand[] {
  const events = kept(heldOut);
  return Array.from({ length: 10 }, (_, i) => {
    const inBand = events.filter((h) => h.p >= i / 10 && (h.p < (i + 1) / 10 || i === 9));
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
    return { from: i / 10, to: (i + 1) / 10, count: inBand.length, predicted: mean(inBand.map((h) => h.p)), observed: mean(inBand.map((h) => (h.label ? 1 : 0))) };
  });
}

/** The judge's weights file for a corpus: trained on every story, its threshold chosen on the held-out figures. */
export function trainJudgeFile(dev: DevCorpus, corpusDir: string, gazetteer: Gazetteer | null, gazetteerName: string, corrections?: { corpus: string; examples: readonly JudgeExample[] }): JudgeFile {
  const set = judgeExamples(dev, gazetteer);
  const extra = corrections?.examples ?? [];
  const { threshold, rule } = chooseThreshold(leaveOneStoryOut(set.examples, JUDGE_TRAINING, extra), set, dev);
  const model = trainJudge([...set.examples, ...extra]);
  const means: Record<string, number> = {};
  for (const name of Object.keys(model.weights)) means[name] = Math.round((set.examples.reduce((sum, e) => sum + (e.candidate.features[name] ?? 0), 0) / set.examples.length) * 1e4) / 1e4;
  return {
    format: JUDGE_FORMAT,
    features: FEATURES,
    gazetteer: gazetteerName,
    trainedOn: {
      corpus: corpusDir,
      articles: dev.settings['curated places'].corpus.length,
      stories: Object.keys(dev.split.stories).length,
      ...(corrections ? { corrections: { articles: corrections.corpus, examples: extra.length } } : {}),
    },
    threshold,
    thresholdRule: rule,
    floor: FLOOR,
    means,
    model,
    category: { features: CATEGORY_FEATURES, models: trainCategory(categoryExamples(dev)) },
  };
}

export interface JudgeEvaluation {
  threshold: number;
  thresholdRule: string;
  /** Setting → story (and "(all)") → score, held out, at the threshold. */
  scores: Map<string, Map<string, Scored>>;
  calibration: CalibrationBand[];
  /** The events the judge keeps, held out, out of the box: for the most confident false and least confident true. */
  kept: HeldOut[];
  /** Out of the box, by the locative rule that decided each candidate: see ruleCounts. */
  rules: RuleCount[];
}

/**
 * How a locative rule did on the development corpus, out of the box: the candidates it decided (each sentence ×
 * place once, at the rules' own date), and how many of them are events a reader marks. For a rule whose verdict is
 * `frame` (the rules take the place for where the sentence's event happened) that share is the rule's precision;
 * for a rule that sets the place aside ("government", "origin"…), it is how often the rule was wrong to.
 * `rule` is the locative rule's id (locative-rules.ts), "contains-a-named-place" for a place set aside for a more
 * specific one the sentence names, "dateline" for a place taken from the dateline.
 */
export interface RuleCount {
  rule: string;
  verdict: string;
  candidates: number;
  marked: number;
}

export function ruleCounts(examples: readonly JudgeExample[], setting = 'out of the box'): RuleCount[] {
  const counts = new Map<string, RuleCount>();
  for (const e of examples) {
    if (e.setting !== setting || !e.candidate.features.rulesDate) continue;
    const valueOf = (family: string) => Object.keys(e.candidate.features).find((k) => k.startsWith(`${family}=`))?.slice(family.length + 1);
    const verdict = valueOf('rule')!;
    const rule = verdict === 'contains-a-named-place' ? verdict : (valueOf('locative') ?? verdict);
    const count = counts.get(rule) ?? counts.set(rule, { rule, verdict, candidates: 0, marked: 0 }).get(rule)!;
    count.candidates++;
    if (e.label) count.marked++;
  }
  return [...counts.values()].sort((a, b) => b.candidates - a.candidates || (a.rule < b.rule ? -1 : 1));
}

/** The judge measured leave-one-story-out on the development corpus (what `npm run eval` reports). */
export function evaluateJudge(dev: DevCorpus, gazetteer: Gazetteer | null): JudgeEvaluation {
  const set = judgeExamples(dev, gazetteer);
  const heldOut = leaveOneStoryOut(set.examples);
  const outOfTheBox = heldOut.filter((h) => h.setting === 'out of the box');
  const { threshold, rule } = chooseThreshold(heldOut, set, dev);
  const scores = new Map(Object.keys(dev.settings).map((setting) => [setting, scoreHeldOut(heldOut, set, dev, setting, threshold)]));
  return { threshold, thresholdRule: rule, scores, calibration: calibration(outOfTheBox), kept: kept(outOfTheBox), rules: ruleCounts(set.examples) };
}
