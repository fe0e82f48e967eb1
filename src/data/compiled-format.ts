import type { Article, Place } from '../core/model.ts';
import type { InputProblem } from '../core/validate.ts';

/**
 * `meta.json` of a compiled dataset. Either the dataset (articles; the places that have events, a place's number
 * being its index here; the records left out) or, when an input file could not be used at all, why.
 */
export type CompiledMeta =
  | { format: 1; articles: Article[]; places: Place[]; problems: InputProblem[]; events: number; fatal?: undefined }
  | { format: 1; fatal: InputProblem[] };
