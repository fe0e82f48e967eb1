import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { InputError, parseJsonWith } from '../../core/validate.ts';
import { indexPath } from '../gazetteer/gazetteer.ts';

/**
 * A learned model's weights file (`models/*.json`, written by `npm run train`): JSON with a header that says what
 * it is (`format`), what its features mean (`features`) and which gazetteer they were computed on (`gazetteer`).
 * One that is missing, cut short, of another shape or with another header is refused, naming the file and the
 * field, with the command that rebuilds it.
 */
export interface WeightsHeader {
  format: string;
  features: string;
  gazetteer: string;
}

/**
 * The project's folder, found from this module's place (src/ingest/learn in the sources, build/cli/ingest/learn
 * compiled): the weights files live in its `models/`, wherever the command is run from.
 */
export function modelsFolder(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'models'))) return join(dir, 'models');
  }
  return 'models';
}

export const RETRAIN = 'run `npm run train` to rebuild it';

/** The gazetteer the running code computes features with: its index's file name (its sources' versions and format). */
export function gazetteerName(): string {
  return basename(indexPath());
}

/** The weights in `file`, checked against `schema` and the header this code expects. */
export function readWeightsFile<T extends v.GenericSchema<unknown, WeightsHeader>>(file: string, schema: T, expected: WeightsHeader, what: string): v.InferOutput<T> {
  if (!existsSync(file)) throw new InputError([{ file, field: '(file)', message: `${what} weights are missing: ${RETRAIN}` }]);
  const weights = parseJsonWith(readFileSync(file, 'utf8'), file, schema);
  const header = weights as WeightsHeader;
  if (header.format !== expected.format) throw new InputError([{ file, field: 'format', message: `is "${header.format}", this code reads "${expected.format}": ${RETRAIN}` }]);
  if (header.features !== expected.features) throw new InputError([{ file, field: 'features', message: `were "${header.features}", this code computes "${expected.features}": ${RETRAIN}` }]);
  if (header.gazetteer !== expected.gazetteer) throw new InputError([{ file, field: 'gazetteer', message: `was trained with ${header.gazetteer}, this install has ${expected.gazetteer}: ${RETRAIN}` }]);
  return weights;
}

/** A logistic model's shape in a weights file. */
export const LogisticSchema = v.object({ bias: v.number(), weights: v.record(v.string(), v.number()) });
