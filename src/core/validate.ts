/**
 * Every input file checked, each problem naming the file and the field: the shared field schemas and error
 * (validate/fields.ts), strict JSON (validate/json.ts), articles.json (validate/articles.ts), the places files
 * (validate/places.ts), and events.json (validate/events.ts). Import from here.
 */
export { formatProblem, type InputProblem } from './problem.ts';
export { ID, ISO_DAY, InputError, TEXT } from './validate/fields.ts';
export { parseJsonWith } from './validate/json.ts';
export { MAX_ARTICLE_BYTES, parseArticles } from './validate/articles.ts';
export { parseCuratedPlaces, parsePlaceFeatures, parsePlaces, readCuratedPlaces } from './validate/places.ts';
export { checkEventsOutput, createOutputCheck, parseEvents, refuseInvalidOutput, refuseOutputProblems, type OutputCheck } from './validate/events.ts';
export { parseStory } from './validate/stories.ts';
