import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as v from 'valibot';
import { InputError, parseJsonWith } from '../../core/validate.ts';
import { indexPath } from '../gazetteer/gazetteer.ts';
import type { LogisticModel } from '../learn/logistic.ts';
import { FEATURES } from './features.ts';

/**
 * The learned geoparser's weights: `models/geoparse.json`, written by `npm run train` from the public benchmarks
 * (see docs/geoparse.md). It holds one model per training set: `lgl+trnews` serves the geoparse command, and
 * `lgl` and `trnews` each score the other benchmark in `npm run eval`, so that no figure comes from a model that
 * learned from the text it scores. A file from another format, another feature set or another gazetteer is refused.
 */
export const MODEL_FILE = 'models/geoparse.json';
export const MODEL_FORMAT = 'datelines-geoparse-model 1';
/** The model that learned from every benchmark: the one the geoparse command uses. */
export const ALL_BENCHMARKS = 'lgl+trnews';

export interface GeoparseModel {
  /** P(a place name here) from the name's features. */
  recognize: LogisticModel;
  /** The least P(place name) that is reported: chosen on the training set for the best F1. */
  threshold: number;
  /** P(this candidate is the place meant) from a candidate's features; the most probable is chosen. */
  resolve: LogisticModel;
}

export interface ModelFile {
  format: string;
  features: string;
  /** The gazetteer index the features were computed with (its file name: its sources' versions and format). */
  gazetteer: string;
  /** Training set ("lgl", "trnews", "lgl+trnews") → model. */
  models: Record<string, GeoparseModel>;
}

const Logistic = v.object({ bias: v.number(), weights: v.record(v.string(), v.number()) });
const ModelSchema = v.object({
  format: v.string(),
  features: v.string(),
  gazetteer: v.string(),
  models: v.record(v.string(), v.object({ recognize: Logistic, threshold: v.pipe(v.number(), v.minValue(0), v.maxValue(1)), resolve: Logistic })),
});

/** The gazetteer the running code would compute features with. */
export function gazetteerName(): string {
  return basename(indexPath());
}

const loaded = new Map<string, ModelFile>();

/** The weights file, checked; an InputError naming the file and what is wrong (missing, truncated, another version). */
export function readModelFile(file = MODEL_FILE): ModelFile {
  const cached = loaded.get(file);
  if (cached) return cached;
  const retrain = 'run `npm run train` to rebuild it';
  if (!existsSync(file)) throw new InputError([{ file, field: '(file)', message: `the geoparser's weights are missing: ${retrain}` }]);
  const model = parseJsonWith(readFileSync(file, 'utf8'), file, ModelSchema);
  if (model.format !== MODEL_FORMAT) throw new InputError([{ file, field: 'format', message: `is "${model.format}", this code reads "${MODEL_FORMAT}": ${retrain}` }]);
  if (model.features !== FEATURES) throw new InputError([{ file, field: 'features', message: `were "${model.features}", this code computes "${FEATURES}": ${retrain}` }]);
  const gazetteer = gazetteerName();
  if (model.gazetteer !== gazetteer) throw new InputError([{ file, field: 'gazetteer', message: `was trained with ${model.gazetteer}, this install has ${gazetteer}: ${retrain}` }]);
  loaded.set(file, model);
  return model;
}

/** One model of the file, by its training set. */
export function modelTrainedOn(file: ModelFile, trainedOn: string, path = MODEL_FILE): GeoparseModel {
  const model = file.models[trainedOn];
  if (!model) throw new InputError([{ file: path, field: `models.${trainedOn}`, message: `is missing: run \`npm run train\` to rebuild it` }]);
  return model;
}
