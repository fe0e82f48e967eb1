// The pipeline as a library: what `npm run ingest` and `npm run add` call, then the rules one by one. Re-exports only.
export { ingestFiles, ingestFilesInParallel, readInputs, type CuratedInputs, type IngestPaths, type IngestRun, type IngestSummary } from './run/files.ts';
export { runIngest, serializeEvents, type ArticleReport, type ArticleWithText, type FoundPlace, type IngestOptions, type IngestResult } from './run/pipeline.ts';
export { addArticles, type AddOptions, type AddOutcome, type AddResult, type ArticleRecord } from './add/add-articles.ts';
export { createExtractor, extractEvents } from './rules/extract.ts';
export { loadGazetteer, type Gazetteer } from './gazetteer/gazetteer.ts';
export { parseArticles, parsePlaces, InputError } from '../core/validate.ts';
export { formatProblem, type InputProblem } from '../core/problem.ts';
export { findDates, weekdayNear, weekendRange, periodRange, resolveRelative, type DateExpression } from './text/dates.ts';
export { createMentionFinder, type Mention } from './places/mentions.ts';
export { whyNotLocation, type NotLocation } from './rules/locative.ts';
export { categorize } from './rules/categories.ts';
export { splitSentences, type Sentence } from './text/sentences.ts';
