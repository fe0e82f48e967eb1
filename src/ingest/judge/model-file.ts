import * as v from 'valibot';
import { join } from 'node:path';
import { CATEGORIES, type Category } from '../../core/model.ts';
import { InputError } from '../../core/validate.ts';
import { LogisticSchema, RETRAIN, gazetteerName, modelsFolder, readWeightsFile } from '../learn/weights-file.ts';
import { CATEGORY_FEATURES } from './category.ts';
import { FEATURES } from './features.ts';
import type { JudgeModel } from './judge.ts';

/**
 * The judge's weights: `models/judge.json`, written by `npm run train` from the development corpus (every story),
 * with the threshold and floor the leave-one-story-out figures chose (see docs/judge.md).
 */
export const JUDGE_FILE = join(modelsFolder(), 'judge.json');
export const JUDGE_FORMAT = 'datelines-judge-model 1';

export interface JudgeFile extends JudgeModel {
  format: string;
  features: string;
  gazetteer: string;
  /** What it learned from: the corpus folder, its articles and stories, and a newsroom's corrections when asked. */
  trainedOn: { corpus: string; articles: number; stories: number; corrections?: { articles: string; examples: number } };
  /** How the threshold was chosen (see chooseThreshold). */
  thresholdRule: string;
}

const JudgeSchema = v.object({
  format: v.string(),
  features: v.string(),
  gazetteer: v.string(),
  trainedOn: v.object({ corpus: v.string(), articles: v.number(), stories: v.number(), corrections: v.optional(v.object({ articles: v.string(), examples: v.number() })) }),
  threshold: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  thresholdRule: v.string(),
  floor: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  means: v.record(v.string(), v.number()),
  model: LogisticSchema,
  category: v.optional(v.object({ features: v.string(), models: v.object(Object.fromEntries(CATEGORIES.map((c) => [c, LogisticSchema])) as Record<Category, typeof LogisticSchema>) })),
});

/** The judge's weights file, checked; an InputError naming the file and what is wrong. */
export function readJudgeFile(file = JUDGE_FILE): JudgeFile {
  const judge = readWeightsFile(file, JudgeSchema, { format: JUDGE_FORMAT, features: FEATURES, gazetteer: gazetteerName() }, "the judge's");
  if (judge.category && judge.category.features !== CATEGORY_FEATURES) throw new InputError([{ file, field: 'category.features', message: `were "${judge.category.features}", this code computes "${CATEGORY_FEATURES}": ${RETRAIN}` }]);
  return judge;
}
