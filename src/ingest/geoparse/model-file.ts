import * as v from 'valibot';
import { InputError } from '../../core/validate.ts';
import type { LogisticModel } from '../learn/logistic.ts';
import { join } from 'node:path';
import { LogisticSchema, gazetteerName, modelsFolder, readWeightsFile } from '../learn/weights-file.ts';
import { FEATURES } from './features.ts';

/**
 * The learned geoparser's weights: `models/geoparse.json`, written by `npm run train` from the public benchmarks
 * (see docs/geoparse.md). It holds one model per training set: `lgl+trnews` serves the geoparse command, and
 * `lgl` and `trnews` each score the other benchmark in `npm run eval`, so that no figure comes from a model that
 * learned from the text it scores. A file from another format, another feature set or another gazetteer is refused.
 */
export const MODEL_FILE = join(modelsFolder(), 'geoparse.json');
export const MODEL_FORMAT = 'datelines-geoparse-model 2';
/** The model that learned from every benchmark: the one the geoparse command uses. */
export const ALL_BENCHMARKS = 'lgl+trnews';

export interface GeoparseModel {
  /** P(a place name here) from the name's features. */
  recognize: LogisticModel;
  /** The least P(place name) that is reported: chosen on the training set for the best F1. */
  threshold: number;
  /** P(this candidate is the place meant) from a candidate's features; the most probable is chosen. */
  resolve: LogisticModel;
  /**
   * Where the training set's annotators put the areas it names (countries and regions), [lat, lon] by gazetteer
   * ref, where that differs from the embedded sources' point (see areaPoints in train.ts): a country's or a region's
   * point is a convention of the gazetteer the annotators used, which the packages do not ship.
   */
  areaPoints: Record<string, [number, number]>;
}

export interface ModelFile {
  format: string;
  features: string;
  /** The gazetteer index the features were computed with (its file name: its sources' versions and format). */
  gazetteer: string;
  /** Training set ("lgl", "trnews", "lgl+trnews") → model. */
  models: Record<string, GeoparseModel>;
}

const ModelSchema = v.object({
  format: v.string(),
  features: v.string(),
  gazetteer: v.string(),
  models: v.record(v.string(), v.object({ recognize: LogisticSchema, threshold: v.pipe(v.number(), v.minValue(0), v.maxValue(1)), resolve: LogisticSchema, areaPoints: v.record(v.string(), v.tuple([v.pipe(v.number(), v.minValue(-90), v.maxValue(90)), v.pipe(v.number(), v.minValue(-180), v.maxValue(180))])) })),
});

const loaded = new Map<string, ModelFile>();

/** The weights file, checked; an InputError naming the file and what is wrong (missing, truncated, another version). */
export function readModelFile(file = MODEL_FILE): ModelFile {
  const cached = loaded.get(file);
  if (cached) return cached;
  const model = readWeightsFile(file, ModelSchema, { format: MODEL_FORMAT, features: FEATURES, gazetteer: gazetteerName() }, "the geoparser's");
  loaded.set(file, model);
  return model;
}

/** One model of the file, by its training set. */
export function modelTrainedOn(file: ModelFile, trainedOn: string, path = MODEL_FILE): GeoparseModel {
  const model = file.models[trainedOn];
  if (!model) throw new InputError([{ file: path, field: `models.${trainedOn}`, message: `is missing: run \`npm run train\` to rebuild it` }]);
  return model;
}
