export { createExtractor, extractEvents } from './extract.ts';
export { runIngest, serializeEvents, type ArticleWithText } from './pipeline.ts';
export { ingestFiles, readInputs, type IngestPaths } from './files.ts';
export { parseArticles, parsePlaces, InputError, formatProblem, type InputProblem } from '../core/validate.ts';
export { findDates, weekdayNear, weekendRange, periodRange, resolveRelative, type DateExpression } from './dates.ts';
export { createMentionFinder, type Mention } from './mentions.ts';
export { whyNotLocation, type NotLocation } from './locative.ts';
export { categorize } from './categories.ts';
export { splitSentences, type Sentence } from './sentences.ts';
